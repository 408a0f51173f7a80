import type { Artifacts, RedirectHop } from '../../artifacts/index.js';
import { fail, pass, skip, warn } from '../outcome.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'http.redirects',
  title: 'The endpoint answers at its own URL, without cross-origin or broken redirects',
  severity: 'error',
  specRef: 'https://www.rfc-editor.org/rfc/rfc9110#section-15.4',
  fix: 'Publish the final URL (scheme, host and path) so that buyers reach the 402 without a redirect, and never redirect a paid resource to another origin.',
  requires: ['unpaid'],
  messages: {
    none: 'No redirect: the endpoint answered at the probed URL.',
    noResponse: 'No response and no redirect to judge (http.reachable reports why).',
    sameOrigin: '{count} same-origin redirect(s) before the answer: an extra round trip, and not every client carries a POST body or payment header across a redirect.',
    crossOrigin: 'A redirect leads to another origin ({from} -> {to}): a payment signed for this resource would be sent elsewhere, and careful clients (this probe too) carry no payment or user header on that hop.',
    loop: 'The redirects loop back to a URL already visited: no buyer ever reaches the resource.',
    tooMany: 'More than {max} redirects: buyers give up before reaching the resource.',
    badLocation: 'A redirect has an unusable Location header, so buyers cannot follow it.',
    missingLocation: 'HTTP {status} is a redirect without a Location header, so buyers cannot follow it.',
  },
} as const satisfies CheckMeta;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

function origin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

function hopNote(h: RedirectHop): string {
  if (!h.crossOrigin) return '';
  const dropped = h.droppedHeaders ?? [];
  return dropped.length > 0 ? ` (cross-origin; request headers not carried: ${dropped.join(', ')})` : ' (cross-origin)';
}

function chain(hops: RedirectHop[]): string {
  return hops.map((h) => `${h.status} ${h.from} -> ${h.to}${hopNote(h)}`).join('; ');
}

export function check({ unpaid }: Pick<Artifacts, 'unpaid'>): CheckOutcome {
  const hops = unpaid.redirects;
  const code = unpaid.error?.code;
  const withError = (text: string) => [text, unpaid.error ? `${unpaid.error.code}: ${unpaid.error.message}` : ''].filter(Boolean).join('; ');
  if (code === 'redirect-loop') return fail(meta, 'loop', {}, withError(chain(hops)));
  if (code === 'too-many-redirects') return fail(meta, 'tooMany', { max: unpaid.limits.maxRedirects }, withError(chain(hops)));
  if (code === 'bad-redirect') return fail(meta, 'badLocation', {}, withError(chain(hops)));
  const cross = hops.find((h) => h.crossOrigin);
  if (cross) return fail(meta, 'crossOrigin', { from: origin(cross.from), to: origin(cross.to) }, code === 'forbidden-address' ? withError(chain(hops)) : chain(hops));
  if (unpaid.status !== null && REDIRECT_STATUSES.has(unpaid.status) && unpaid.headers.location === undefined) {
    return fail(meta, 'missingLocation', { status: unpaid.status }, withError(`${chain(hops) || unpaid.finalUrl} -> HTTP ${unpaid.status} without Location`));
  }
  if (hops.length > 0) return warn(meta, 'sameOrigin', { count: hops.length }, chain(hops));
  if (unpaid.status === null) return skip(meta, 'noResponse');
  return pass(meta, 'none');
}
