import { describe, expect, it } from 'vitest';
import { attempt, exchange } from '../../../test/helpers/artifacts.js';
import { check, meta } from './forged-rejected.js';

const forged = (status: number | null) => ({ forged: attempt('forged', status) });

describe(meta.id, () => {
  it('passes refusals: 402, 400, 401, 403, 422', () => {
    for (const status of [402, 400, 401, 403, 422]) {
      const out = check(forged(status));
      expect([out.status, out.messageId], `HTTP ${status}`).toEqual(['pass', 'rejected']);
    }
  });

  it('fails when the forged payment is served', () => {
    for (const status of [200, 206]) {
      const out = check(forged(status));
      expect([out.status, out.messageId]).toEqual(['fail', 'served']);
      expect(out.evidence).toContain(`HTTP ${status}`);
    }
  });

  it('warns on a crash, a redirect, an odd status and a failed exchange', () => {
    expect([check(forged(500)).status, check(forged(500)).messageId]).toEqual(['warn', 'crashed']);
    expect(check(forged(302)).messageId).toBe('redirected');
    expect(check(forged(404)).messageId).toBe('unexpected');
    const reset = check({ forged: attempt('forged', null, { exchange: exchange({ status: null, error: { code: 'timeout', message: 'aborted' } }) }) });
    expect([reset.status, reset.messageId]).toEqual(['warn', 'exchangeError']);
    expect(reset.message).toContain('timeout');
  });

  it('says so when the run deadline, not the seller, ended the exchange', () => {
    const cut = check({ forged: attempt('forged', null, { exchange: exchange({ status: null, error: { code: 'deadline', message: 'cut by the run deadline after 1999 ms' } }) }) });
    expect([cut.status, cut.messageId]).toEqual(['warn', 'deadline']);
    expect(cut.evidence).toContain('cut by the run deadline');
  });

  it('skips with the reason when nothing was sent', () => {
    const out = check({ forged: attempt('forged', null, { notSent: 'no requirement a buyer can sign' }) });
    expect([out.status, out.messageId]).toEqual(['skip', 'notSent']);
    expect(out.message).toContain('no requirement a buyer can sign');
  });
});
