import type { Artifacts } from '../../artifacts/index.js';
import { OBOL_FIXES, servedByObol } from '../../protocol/obol.js';
import { fail, pass, skip, withFix } from '../outcome.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'cache.no-store',
  title: 'The 402 challenge is marked Cache-Control: no-store',
  severity: 'warning',
  specRef: 'https://github.com/x402-foundation/x402/issues/2955',
  fix: 'Send Cache-Control: no-store on every 402 response (an obol-stack offer gets the obol way in the finding).',
  requires: ['unpaid'],
  messages: {
    noStore: 'The 402 carries Cache-Control: {value}.',
    not402: 'The response is HTTP {status}, not 402 (http.status-402 reports it).',
    missing: 'The 402 has no Cache-Control header: a CDN or proxy may cache the challenge and serve stale prices or another buyer\'s challenge.',
    weak: 'The 402 has Cache-Control: {value} but not no-store: private, no-cache and max-age still let caches keep the challenge.',
  },
} as const satisfies CheckMeta;

export function check({ unpaid, offer }: Pick<Artifacts, 'unpaid'> & Partial<Artifacts>): CheckOutcome {
  return withFix(judge(unpaid), servedByObol(unpaid, offer) ? OBOL_FIXES.cache : null);
}

function judge(unpaid: Artifacts['unpaid']): CheckOutcome {
  if (unpaid.status !== 402) return skip(meta, 'not402', { status: unpaid.status ?? 'none' });
  const value = unpaid.headers['cache-control'];
  if (value === undefined || value.trim() === '') return fail(meta, 'missing', {}, 'Cache-Control: (absent)');
  const directives = value.split(',').map((d) => d.trim().toLowerCase().split('=')[0]);
  const evidence = `Cache-Control: ${value}`;
  if (directives.includes('no-store')) return pass(meta, 'noStore', { value }, evidence);
  return fail(meta, 'weak', { value }, evidence);
}
