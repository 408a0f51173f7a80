import type { HttpExchange, NonStandardSignal } from '../artifacts/index.js';
import { safeStringify } from '../util/safeJson.js';

const MAX_EVIDENCE = 200;

function cut(text: string): string {
  return text.length > MAX_EVIDENCE ? `${text.slice(0, MAX_EVIDENCE)}…` : text;
}

/**
 * Find the ways sellers signal payment that x402 buyers cannot act on: a
 * `WWW-Authenticate: x402` challenge, `X-Payment-Required` / `X402-Challenge` headers,
 * `{"x402": {...}}` bodies, `resourceInfo` for `resource`, an HTML paywall.
 * (x402-foundation/x402#2418; PayMCP/paymcp#43.)
 */
export function detectNonStandard(response: Pick<HttpExchange, 'headers' | 'body'>): NonStandardSignal[] {
  const signals: NonStandardSignal[] = [];
  const h = response.headers;
  const auth = h['www-authenticate'];
  if (auth && /(^|[\s,])x402\b/i.test(auth)) signals.push({ kind: 'www-authenticate-x402', evidence: cut(`WWW-Authenticate: ${auth}`) });
  if (h['x-payment-required'] !== undefined) signals.push({ kind: 'x-payment-required-header', evidence: cut(`X-Payment-Required: ${h['x-payment-required']}`) });
  if (h['x402-challenge'] !== undefined) signals.push({ kind: 'x402-challenge-header', evidence: cut(`X402-Challenge: ${h['x402-challenge']}`) });

  const text = response.body.trim();
  if (text.startsWith('{')) {
    try {
      const value = JSON.parse(text) as Record<string, unknown>;
      if (value && typeof value === 'object') {
        if (value.x402 && typeof value.x402 === 'object') signals.push({ kind: 'x402-body-object', evidence: cut(safeStringify(value.x402)) });
        if ('resourceInfo' in value && !('resource' in value)) signals.push({ kind: 'resource-info-field', evidence: cut(safeStringify(value.resourceInfo)) });
        if (!('x402Version' in value) && ('x402version' in value || 'X402Version' in value)) {
          signals.push({ kind: 'payment-required-lowercase-json', evidence: cut(text) });
        }
      }
    } catch {
      // Not JSON: nothing to classify here; the decoder reports broken JSON bodies.
    }
  }
  const contentType = h['content-type'] ?? '';
  if (/text\/html/i.test(contentType) || /^<(!doctype|html)/i.test(text)) {
    if (/pay|402|wallet|usdc|x402/i.test(text)) signals.push({ kind: 'html-paywall', evidence: cut(text.replace(/\s+/g, ' ')) });
  }
  return signals;
}
