import { describe, expect, it } from 'vitest';
import { exchange } from '../../../test/helpers/artifacts.js';
import { check, meta } from './reachable.js';

describe(meta.id, () => {
  it('passes when any response arrived, even an error status', () => {
    const out = check({ unpaid: exchange({ status: 500 }) });
    expect(out.status).toBe('pass');
    expect(out.messageId).toBe('answered');
  });

  it('fails with the classified cause when nothing answered', () => {
    const cases = [
      ['dns', 'dns'],
      ['refused', 'refused'],
      ['tls', 'tls'],
      ['timeout', 'timeout'],
      ['deadline', 'deadline'],
      ['protocol', 'other'],
    ] as const;
    for (const [code, messageId] of cases) {
      const out = check({ unpaid: exchange({ status: null, error: { code, message: `${code} happened` } }) });
      expect(out.status).toBe('fail');
      expect(out.messageId).toBe(messageId);
      expect(out.evidence).toContain(code);
    }
  });

  it('fails with the policy\'s reason when the address was refused (nothing was sent)', () => {
    const message = '127.0.0.1 is loopback; targets from registry data must be public (--allow-private)';
    const out = check({ unpaid: exchange({ status: null, error: { code: 'forbidden-address', message } }) });
    expect(out.status).toBe('fail');
    expect(out.messageId).toBe('forbidden');
    expect(out.message).toContain('127.0.0.1 is loopback');
  });
});
