/** Label values and printed text from outside data, bounded and made harmless. */
import { UNSAFE_TEXT } from '../util/unsafeText.js';

/** Seller text for one line of output: no control or bidi characters, at most `max` characters. */
export function printable(value: string | null | undefined, max = 120): string {
  if (value === null || value === undefined) return 'none';
  const clean = value.replace(UNSAFE_TEXT, '?');
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}

/**
 * The `target` label and the name watch prints for the user's URL: origin and path only, so a
 * token in the query or credentials in the userinfo never reach a metric, a log or a webhook.
 */
export function targetLabel(url: string): string {
  try {
    const u = new URL(url);
    return printable(`${u.origin}${u.pathname}`, 200);
  } catch {
    return printable(url, 200);
  }
}
