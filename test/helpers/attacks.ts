/**
 * The answers a seller can give to a payment it must refuse, as checkTester cases shared by every
 * attack check (src/checks/refusal.ts): one answer, one messageId, whichever attack met it.
 */
import { expect } from 'vitest';
import type { HttpExchange } from '../../src/artifacts/index.js';
import type { AttackMeta } from '../../src/checks/refusal.js';
import { exchange } from './artifacts.js';
import type { InvalidCase, ValidCase } from './checkTester.js';

/** An answer with this status (a served one carries a body). */
export function answered(status: number): HttpExchange {
  return exchange({ status, body: status >= 200 && status < 300 ? '{"ok":true}' : '{}' });
}

/** No answer: the exchange's own timeout, a reset, or the run deadline. */
export function unanswered(code: 'timeout' | 'reset' | 'deadline'): HttpExchange {
  const message = code === 'deadline' ? 'cut by the run deadline after 1999 ms' : `${code} happened`;
  return exchange({ status: null, error: { code, message } });
}

/** Refusals that pass: 402, and the 4xx statuses buyers read as a refusal. */
export function refusedCases<A>(withAnswer: (ex: HttpExchange) => A, statuses: readonly number[] = [402, 400, 401, 403, 422]): ValidCase<AttackMeta, A>[] {
  return statuses.map((status) => ({ name: `refused with ${status}`, artifacts: withAnswer(answered(status)), messageId: 'rejected', data: { status } }));
}

/** Every other answer: served (the defect), a crash, a redirect, an odd status, no response, the deadline. */
export function unrefusedCases<A>(withAnswer: (ex: HttpExchange) => A, { unexpected = 404 }: { unexpected?: number } = {}): InvalidCase<AttackMeta, A>[] {
  return [
    { name: 'served with 200', artifacts: withAnswer(answered(200)), status: 'fail', messageId: 'served', evidence: expect.stringContaining('HTTP 200') },
    { name: 'served with 206', artifacts: withAnswer(answered(206)), status: 'fail', messageId: 'served', evidence: expect.stringContaining('HTTP 206') },
    { name: 'a crash (x402scan#1169)', artifacts: withAnswer(answered(500)), status: 'warn', messageId: 'crashed', data: { status: 500 } },
    {
      name: "a 503 naming its facilitator's failure, as obol answers: the facilitator failing, not a crash",
      artifacts: withAnswer(exchange({ status: 503, body: '{"error":"Payment verification unavailable","reason":"facilitator_unreachable","retriable":true}' })),
      status: 'warn',
      messageId: 'facilitatorDown',
      data: { status: 503, reason: 'facilitator_unreachable' },
    },
    {
      name: 'a 500 whose body names no facilitator is still a crash',
      artifacts: withAnswer(exchange({ status: 500, body: '{"error":"TypeError: cannot read properties of undefined","reason":"internal"}' })),
      status: 'warn',
      messageId: 'crashed',
    },
    { name: 'a redirect, not followed', artifacts: withAnswer(answered(302)), status: 'warn', messageId: 'redirected', data: { status: 302 } },
    { name: `an odd status (${unexpected})`, artifacts: withAnswer(answered(unexpected)), status: 'warn', messageId: 'unexpected', data: { status: unexpected } },
    { name: 'no response: the timeout', artifacts: withAnswer(unanswered('timeout')), status: 'warn', messageId: 'noResponse', data: { code: 'timeout' } },
    { name: 'no response: a reset', artifacts: withAnswer(unanswered('reset')), status: 'warn', messageId: 'noResponse', data: { code: 'reset' } },
    {
      name: 'cut by the run deadline, not by the seller',
      artifacts: withAnswer(unanswered('deadline')),
      status: 'warn',
      messageId: 'deadline',
      evidence: expect.stringContaining('cut by the run deadline'),
    },
  ];
}
