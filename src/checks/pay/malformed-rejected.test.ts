import { describe, expect, it } from 'vitest';
import { attempt, exchange } from '../../../test/helpers/artifacts.js';
import { check, meta } from './malformed-rejected.js';

const malformed = (status: number | null) => ({ malformed: attempt('malformed', status, { requirementIndex: null, payer: null, value: null }) });

describe(meta.id, () => {
  it('passes 400 and 402, and other 4xx with its own message', () => {
    expect([check(malformed(400)).status, check(malformed(400)).messageId]).toEqual(['pass', 'rejected']);
    expect(check(malformed(402)).messageId).toBe('rejected');
    expect([check(malformed(401)).status, check(malformed(401)).messageId]).toEqual(['pass', 'rejectedOther']);
  });

  it('fails when a non-payment is served', () => {
    const out = check(malformed(200));
    expect([out.status, out.messageId]).toEqual(['fail', 'served']);
  });

  it('warns on a crash and on a failed exchange (x402scan#1169)', () => {
    expect([check(malformed(500)).status, check(malformed(500)).messageId]).toEqual(['warn', 'crashed']);
    const reset = check({ malformed: attempt('malformed', null, { exchange: exchange({ status: null, error: { code: 'reset', message: 'ECONNRESET' } }) }) });
    expect([reset.status, reset.messageId]).toEqual(['warn', 'exchangeError']);
  });

  it('says so when the run deadline, not the seller, ended the exchange', () => {
    const cut = check({ malformed: attempt('malformed', null, { exchange: exchange({ status: null, error: { code: 'deadline', message: 'cut by the run deadline after 1999 ms' } }) }) });
    expect([cut.status, cut.messageId]).toEqual(['warn', 'deadline']);
  });

  it('skips when nothing was sent', () => {
    expect(check({ malformed: attempt('malformed', null, { notSent: 'attacks disabled' }) }).status).toBe('skip');
  });
});
