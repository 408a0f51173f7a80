/**
 * Payment schemes an x402 implementation defines: the scheme specs (reference/x402-protocol.md
 * §5–6) and the subpath modules of @x402/evm 2.27 (`exact`, `upto`, `batch-settlement`,
 * `auth-capture`). No buyer can pay any other name.
 */
export const KNOWN_SCHEMES: readonly string[] = ['exact', 'upto', 'batch-settlement', 'auth-capture'];

export function isKnownScheme(scheme: string): boolean {
  return KNOWN_SCHEMES.includes(scheme);
}

/** The known scheme a wrongly-cased or padded name was meant to be (`"Exact "` → `"exact"`), or null. */
export function schemeLookalike(scheme: string): string | null {
  const folded = scheme.trim().toLowerCase().replace(/_/g, '-');
  return folded !== scheme && isKnownScheme(folded) ? folded : null;
}
