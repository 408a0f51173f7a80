/**
 * Characters that text from sellers, registries and LAN servers must never carry raw into a
 * terminal, a log line, a Markdown page or a metric label: C0 controls and DEL (ESC starts terminal
 * sequences, CR overwrites a line), C1 (0x9b is a CSI on its own), the line separators, and the bidi
 * marks and overrides that reorder what a reader sees.
 */
const UNSAFE_RANGES = '\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069';

/** Every unsafe character; global, for `replace`. */
export const UNSAFE_TEXT = new RegExp(`[${UNSAFE_RANGES}]`, 'g');

const ANY_UNSAFE = new RegExp(`[${UNSAFE_RANGES}]`);

export function hasUnsafeText(text: string): boolean {
  return ANY_UNSAFE.test(text);
}

export interface EscapeOptions {
  /** Unsafe characters to leave as they are, e.g. '\t' for a terminal, '\t\n\r' for Markdown. */
  keep?: string;
  /** Always `\uNNNN` (JSON-like); otherwise `\xNN` below 0x100. */
  unicode?: boolean;
}

/** The text with each unsafe character shown as an escape. */
export function escapeUnsafeText(text: string, options: EscapeOptions = {}): string {
  const keep = options.keep ?? '';
  return text.replace(UNSAFE_TEXT, (ch) => {
    if (keep.includes(ch)) return ch;
    const code = ch.charCodeAt(0);
    return code < 0x100 && !options.unicode ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
