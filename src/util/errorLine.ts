import { redactSecrets } from './redact.js';

/** The longest line an error becomes in an artifact, a report or a terminal. */
export const ERROR_LINE_MAX = 300;

export interface ErrorLineOptions {
  /** At most this many characters, an ellipsis marking the cut (ERROR_LINE_MAX by default). */
  max?: number;
}

function textOf(error: unknown): string {
  try {
    const e = error as { shortMessage?: unknown; message?: unknown } | null | undefined;
    // viem's and ProbeError's shortMessage is the summary, without the request dump or hints.
    if (typeof e?.shortMessage === 'string' && e.shortMessage.trim() !== '') return e.shortMessage;
    if (typeof e?.message === 'string' && e.message.trim() !== '') return e.message;
    return String(error);
  } catch {
    // A thrown object with a throwing getter or no toString (Object.create(null)).
    return 'unprintable error';
  }
}

/**
 * One line for anything thrown (or a text): the short message, its first line, secrets redacted,
 * then clipped. Redaction comes before the cut, which could otherwise leave part of a key unmatched.
 */
export function errorLine(error: unknown, { max = ERROR_LINE_MAX }: ErrorLineOptions = {}): string {
  const text = textOf(error);
  const first = text.split(/[\r\n]/).find((line) => line.trim() !== '') ?? '';
  const line = redactSecrets(first).replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, Math.max(0, max - 1))}…` : line;
}
