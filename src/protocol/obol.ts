import type { HttpExchange } from '../artifacts/index.js';

/**
 * Whether a 402 came from obol-stack's x402 verifier, so a finding can say what it means for an
 * obol offer. The verifier's own mark is the catalog link it puts on every JSON 402
 * (`Link: </api/services.json>; rel="catalog"`); a probe of a ServiceOffer (`offer`) is obol by
 * definition.
 */
export function servedByObol(unpaid: Pick<HttpExchange, 'headers'> | undefined, offer?: unknown): boolean {
  if (offer !== undefined) return true;
  const link = unpaid?.headers.link;
  return typeof link === 'string' && /<\/api\/services\.json>\s*;\s*rel="?catalog"?/i.test(link);
}

/** The obol-stack fixes the checks hand out: what the setting is, or that there is none and what to do instead. */
export const OBOL_FIXES = {
  cors: "obol-stack has no setting for CORS: its x402 verifier writes the 402 itself and sends no Access-Control-* headers. Browser buyers need them; agents do not. Add a Traefik `headers` Middleware (accessControlAllowOriginList, accessControlExposeHeaders: PAYMENT-REQUIRED, PAYMENT-RESPONSE, X-PAYMENT-RESPONSE) as a second filter on the offer's HTTPRoute so-<name>, or leave it if you sell to agents only.",
  cache: "obol-stack has no setting for Cache-Control: its verifier's JSON 402 carries none (only the HTML page is no-store). Add a Traefik `headers` Middleware with customResponseHeaders Cache-Control: no-store as a filter on the offer's HTTPRoute so-<name>, and make sure nothing in front of the tunnel caches 402s.",
  garbage: "obol-stack has no setting for this: its x402 verifier answers a payment header that is not base64 with 400 `invalid_payment_header` (a refusal, so nobody is cheated), where the spec's answer is 402 with a fresh challenge. Nothing to change on your side; buyers that retry only on 402 will give up instead of paying.",
  streamedCopies: "obol-stack has no setting for this: its gateway settles a streamed (SSE) answer only after the stream has ended (so a buyer is never charged for a stream it did not get), and verifying does not claim the payment, so identical copies sent at once are all streamed and only one is charged. Nothing in the offer changes it; it is a known limit of obol-stack's streaming path to report upstream (x402#1805). A non-streamed request is settled before it is served and is not affected.",
  unlock: 'Nothing to set on obol-stack: an unlock offer answers this way by design and only buyers with auth-capture can pay it. To reach every x402 buyer, also sell the service as a regular offer, which answers with an exact entry in PAYMENT-REQUIRED.',
} as const;

/** The realm of a Sign-In-With-X challenge (`WWW-Authenticate: SIWX realm="…"`, obol's SIWX-gated routes), or null. */
export function siwxRealm(wwwAuthenticate: string | undefined): string | null {
  if (!wwwAuthenticate) return null;
  const match = /(?:^|,)\s*SIWX\b([^,]*(?:,\s*\w+=(?:"[^"]*"|[^,\s]*))*)/i.exec(wwwAuthenticate);
  if (!match) return null;
  const realm = /realm=(?:"([^"]*)"|([^,\s]*))/i.exec(match[1]);
  return (realm?.[1] ?? realm?.[2] ?? '').slice(0, 120);
}
