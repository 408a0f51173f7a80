import type { Artifacts } from '../../artifacts/index.js';
import { fail, pass, skip } from '../outcome.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'http.https',
  title: 'A public endpoint is served over HTTPS',
  severity: 'warning',
  specRef: 'https://github.com/Merit-Systems/x402scan/pull/913',
  fix: 'Serve the endpoint over HTTPS with a valid certificate, and publish the https:// URL.',
  requires: ['target'],
  messages: {
    https: 'The endpoint is served over HTTPS.',
    loopbackExempt: 'The target is a loopback address, exempt from the HTTPS requirement (no remote buyer reaches it).',
    plainHttp: 'The endpoint is plain http on a public host: payment challenges and receipts travel unencrypted and can be altered in transit, and HTTPS-only buyers and indexers skip it.',
    downgraded: 'The https URL redirects to plain http ({finalUrl}): the challenge arrives unencrypted and can be altered in transit.',
    invalidUrl: 'The target URL cannot be parsed, so its scheme is unknown.',
  },
} as const satisfies CheckMeta;

function protocolOf(url: string): string | null {
  try {
    return new URL(url).protocol;
  } catch {
    return null;
  }
}

export function check({ target, unpaid }: Pick<Artifacts, 'target'> & Partial<Pick<Artifacts, 'unpaid'>>): CheckOutcome {
  const protocol = protocolOf(target.url);
  if (protocol === null) return skip(meta, 'invalidUrl', {}, target.url);
  if (target.loopback) return pass(meta, 'loopbackExempt', {}, target.url);
  if (protocol !== 'https:') return fail(meta, 'plainHttp', {}, target.url);
  if (unpaid && protocolOf(unpaid.finalUrl) === 'http:') {
    return fail(meta, 'downgraded', { finalUrl: unpaid.finalUrl }, `${target.url} -> ${unpaid.finalUrl}`);
  }
  return pass(meta, 'https', {}, target.url);
}
