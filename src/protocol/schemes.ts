/** Payment schemes x402 specifies (reference/x402-protocol.md §5–6); buyers skip any other. */
export const KNOWN_SCHEMES: readonly string[] = ['exact', 'upto', 'batch-settlement'];

export function isKnownScheme(scheme: string): boolean {
  return KNOWN_SCHEMES.includes(scheme);
}

/** The known scheme a wrongly-cased or padded name was meant to be (`"Exact "` → `"exact"`), or null. */
export function schemeLookalike(scheme: string): string | null {
  const folded = scheme.trim().toLowerCase().replace(/_/g, '-');
  return folded !== scheme && isKnownScheme(folded) ? folded : null;
}
