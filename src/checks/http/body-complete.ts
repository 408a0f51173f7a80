import type { Artifacts } from '../../artifacts/index.js';
import { fail, pass, skip } from '../outcome.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'http.body-complete',
  title: 'The 402 body arrives whole and small',
  severity: 'warning',
  specRef: 'https://github.com/x402-foundation/x402/blob/main/specs/transports-v2/http.md',
  fix: 'Send a small, complete 402 body (the challenge JSON or {}), with a correct Content-Length, and close nothing mid-response.',
  requires: ['unpaid'],
  messages: {
    ok: 'The body arrived whole ({bytes} bytes).',
    noResponse: 'No response to read a body from.',
    truncated: 'The body is larger than {cap} bytes; buyers with a size limit drop the response (the probe kept the first {cap}).',
    incomplete: 'The body stopped before its end ({code}) after {bytes} bytes; a buyer reading it gets an error.',
  },
} as const satisfies CheckMeta;

export function check({ unpaid }: Pick<Artifacts, 'unpaid'>): CheckOutcome {
  if (unpaid.status === null) return skip(meta, 'noResponse');
  const evidence = `HTTP ${unpaid.status}, ${unpaid.bodyBytes} bytes read${unpaid.headers['content-length'] ? `, Content-Length ${unpaid.headers['content-length']}` : ''}${unpaid.headers['content-encoding'] ? `, Content-Encoding ${unpaid.headers['content-encoding']}` : ''}`;
  if (unpaid.bodyIncomplete) return fail(meta, 'incomplete', { code: unpaid.error?.code ?? 'unknown', bytes: unpaid.bodyBytes }, evidence);
  if (unpaid.bodyTruncated) return fail(meta, 'truncated', { cap: unpaid.limits.bodyCap }, evidence);
  return pass(meta, 'ok', { bytes: unpaid.bodyBytes }, evidence);
}
