import type { Artifacts } from '../../artifacts/index.js';
import { siwxRealm } from '../../protocol/obol.js';
import { clip, fail, pass, skip, warn } from '../outcome.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'http.status-402',
  title: 'The unpaid request is answered with 402 Payment Required',
  severity: 'error',
  specRef: 'https://github.com/x402-foundation/x402/blob/main/specs/transports-v2/http.md#payment-required-signaling',
  fix: 'Put the payment gate first on this route and method so that a request without payment gets 402 with the challenge, before auth, validation or rate limits.',
  requires: ['unpaid'],
  messages: {
    paymentRequired: 'The unpaid request got 402 Payment Required.',
    noResponse: 'No response to judge (http.reachable reports why).',
    served: 'The unpaid request got HTTP {status}: the resource is served without payment (no gate, a free tier, or the gate is not on this route or method).',
    authGate: 'The unpaid request got HTTP {status}: an auth gate (API key, ForwardAuth, WAF) stands in front of the payment gate, so buyers never see a price.',
    siwxGate: 'The unpaid request got HTTP 401 with a Sign-In-With-X challenge (realm "{realm}"): the route is gated by wallet sign-in, so a buyer signs in first and sees the price only then (probe again with the session, -H).',
    notFound: 'The unpaid request got HTTP 404: the route is missing, the path is wrong, or the gate only routes paid requests (a silent 404 instead of 402).',
    methodNotAllowed: 'The unpaid {method} got HTTP 405: the gate answers another method{allowed}; probe again with -X {suggest}.',
    validation: 'The unpaid request got HTTP {status}: the request is validated before payment, so an empty-body probe (and any crawler or buyer asking for the price) is rejected (x402#1982, x402#3113).',
    permit2Allowance: 'The unpaid request got HTTP 412: the v2 server signals permit2_allowance_required instead of a 402 challenge.',
    rateLimited: 'The unpaid request got HTTP 429: it was rate limited before the payment gate{retryAfter}.',
    redirect: 'The unpaid request ended on HTTP {status}: a redirect that was not resolved (no usable Location, a loop or too many hops; see http.redirects).',
    serverError: 'The unpaid request got HTTP {status}: the server or its facilitator failed before the payment gate answered.',
    other: 'The unpaid request got HTTP {status}, not 402; buyers only pay on a 402 challenge.',
  },
} as const satisfies CheckMeta;

/** The methods a 405's Allow header offers, upper-cased. */
function allowedMethods(allow: string | undefined): string[] {
  return (allow ?? '').split(',').map((m) => m.trim().toUpperCase()).filter((m) => /^[A-Z]+$/.test(m));
}

export function check({ unpaid }: Pick<Artifacts, 'unpaid'>): CheckOutcome {
  const status = unpaid.status;
  if (status === null) return skip(meta, 'noResponse');
  if (status === 402) return pass(meta, 'paymentRequired');
  const bodyExcerpt = unpaid.body.trim() ? ` body: ${clip(unpaid.body.trim().replace(/\s+/g, ' '), 200)}` : '';
  const evidence = `${unpaid.request.method} ${unpaid.finalUrl} -> HTTP ${status}${bodyExcerpt}`;
  const data = { status };
  if (status >= 200 && status < 300) return fail(meta, 'served', data, evidence);
  if (status === 401 || status === 403) {
    const auth = unpaid.headers['www-authenticate'];
    const realm = status === 401 ? siwxRealm(auth) : null;
    if (realm !== null) return fail(meta, 'siwxGate', { realm }, `${evidence}; WWW-Authenticate: ${clip(auth!, 200)}`);
    return fail(meta, 'authGate', data, auth ? `${evidence}; WWW-Authenticate: ${auth}` : evidence);
  }
  if (status === 404) return fail(meta, 'notFound', data, evidence);
  if (status === 405) {
    const method = unpaid.request.method.toUpperCase();
    const allow = allowedMethods(unpaid.headers.allow);
    const suggest = allow.find((m) => m !== method && m !== 'OPTIONS' && m !== 'HEAD') ?? (method === 'GET' ? 'POST' : 'GET');
    const allowed = allow.length ? ` (Allow: ${allow.join(', ')})` : '';
    return fail(meta, 'methodNotAllowed', { method, allowed, suggest }, evidence);
  }
  if (status === 400 || status === 422) return fail(meta, 'validation', data, evidence);
  if (status === 412) return warn(meta, 'permit2Allowance', data, evidence);
  if (status === 429) {
    const retry = unpaid.headers['retry-after'];
    return fail(meta, 'rateLimited', { retryAfter: retry ? ` (Retry-After: ${retry})` : '' }, evidence);
  }
  if (status >= 300 && status < 400) {
    const why = unpaid.error ? `; ${unpaid.error.code}: ${unpaid.error.message}` : unpaid.headers.location === undefined ? '; no Location header' : '';
    return fail(meta, 'redirect', data, `${evidence}${why}`);
  }
  if (status >= 500) return fail(meta, 'serverError', data, evidence);
  return fail(meta, 'other', data, evidence);
}
