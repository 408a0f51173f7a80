import { describe, expect, it } from 'vitest';
import { exchange, v2Response } from '../../../test/helpers/artifacts.js';
import { check, meta } from './status-402.js';

const got = (status: number | null, headers: Record<string, string> = {}, method = 'GET') =>
  check({ unpaid: exchange({ status, headers, request: { url: 'https://api.example.com/weather', method, headers: {}, bodyBytes: 0 } }) });

describe(meta.id, () => {
  it('passes a 402', () => {
    const out = check({ unpaid: v2Response() });
    expect(out.status).toBe('pass');
    expect(out.messageId).toBe('paymentRequired');
  });

  it('classifies each other status with its likely cause', () => {
    const cases = [
      [200, 'served'],
      [204, 'served'],
      [401, 'authGate'],
      [403, 'authGate'],
      [404, 'notFound'],
      [400, 'validation'],
      [422, 'validation'],
      [429, 'rateLimited'],
      [302, 'redirect'],
      [500, 'serverError'],
      [503, 'serverError'],
      [410, 'other'],
    ] as const;
    for (const [status, messageId] of cases) {
      const out = got(status);
      expect(out.status, `HTTP ${status}`).toBe('fail');
      expect(out.messageId, `HTTP ${status}`).toBe(messageId);
      expect(out.evidence).toContain(`HTTP ${status}`);
    }
  });

  it('suggests another method on 405, from the Allow header when there is one', () => {
    const withAllow = got(405, { allow: 'OPTIONS, POST' });
    expect(withAllow.status).toBe('fail');
    expect(withAllow.messageId).toBe('methodNotAllowed');
    expect(withAllow.message).toContain('-X POST');
    expect(got(405, {}, 'POST').message).toContain('-X GET');
  });

  it('only warns on the v2 permit2 412', () => {
    const out = got(412);
    expect(out.status).toBe('warn');
    expect(out.messageId).toBe('permit2Allowance');
  });

  it('skips when no response arrived', () => {
    const out = check({ unpaid: exchange({ status: null, error: { code: 'dns', message: 'ENOTFOUND' } }) });
    expect(out.status).toBe('skip');
    expect(out.messageId).toBe('noResponse');
  });
});
