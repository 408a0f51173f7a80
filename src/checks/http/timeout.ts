import type { Artifacts } from '../../artifacts/index.js';
import { fail, pass, skip } from '../outcome.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'http.timeout',
  title: 'The unpaid request completes within the deadline',
  severity: 'error',
  specRef: 'https://github.com/x402-foundation/x402/blob/main/specs/transports-v2/http.md#payment-required-signaling',
  fix: 'Answer the unpaid request with the 402 challenge at once, before any slow upstream work, and end the response body instead of streaming it.',
  requires: ['unpaid'],
  messages: {
    inTime: 'The exchange completed in {totalMs} ms.',
    noHeaders: 'No response headers arrived within {timeoutMs} ms: buyers give up before they see a price.',
    slowBody: 'Headers arrived after {headersMs} ms, but the body did not finish within {timeoutMs} ms (a slow drip or an endless stream).',
    deadline: 'The run deadline cut the unpaid request after {totalMs} ms, before it completed.',
    noResponse: 'The exchange failed for another reason than the deadline (http.reachable reports it).',
  },
} as const satisfies CheckMeta;

export function check({ unpaid }: Pick<Artifacts, 'unpaid'>): CheckOutcome {
  const { timeoutMs } = unpaid.limits;
  const { headersMs, totalMs } = unpaid.timings;
  if (unpaid.error?.code === 'timeout') {
    const evidence = `deadline ${timeoutMs} ms; headers ${headersMs === null ? 'never arrived' : `after ${headersMs} ms`}; ${unpaid.bodyBytes} body bytes received; ${unpaid.error.message}`;
    // A status means the headers came in time; only the body missed the deadline.
    if (unpaid.status !== null) return fail(meta, 'slowBody', { timeoutMs, headersMs: headersMs ?? '?' }, evidence);
    return fail(meta, 'noHeaders', { timeoutMs }, evidence);
  }
  if (unpaid.error?.code === 'deadline') {
    return fail(meta, 'deadline', { totalMs }, `headers ${headersMs === null ? 'never arrived' : `after ${headersMs} ms`}; ${unpaid.bodyBytes} body bytes received; ${unpaid.error.message}`);
  }
  if (unpaid.status === null) return skip(meta, 'noResponse');
  return pass(meta, 'inTime', { totalMs }, `headers after ${headersMs ?? '?'} ms, total ${totalMs} ms (deadline ${timeoutMs} ms)`);
}
