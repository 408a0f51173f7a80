import { describe, expect, it } from 'vitest';
import { exchange, v2Response, withHeaders } from '../../../test/helpers/artifacts.js';
import { check, meta } from './header-size.js';

describe(meta.id, () => {
  it('passes a small header block', () => {
    const out = check({ unpaid: v2Response() });
    expect(out.status).toBe('pass');
    expect(out.messageId).toBe('ok');
  });

  it('fails a header block over 16 KiB, naming the largest headers', () => {
    const unpaid = { ...withHeaders(v2Response(), { 'set-cookie': 'x'.repeat(17_000) }), headerBytes: 17_500 };
    const out = check({ unpaid });
    expect(out.status).toBe('fail');
    expect(out.messageId).toBe('overNode');
    expect(out.evidence).toContain('set-cookie');
  });

  it('fails when the headers overflowed the probe cap', () => {
    const out = check({ unpaid: exchange({ status: null, headerBytes: 0, error: { code: 'headers-too-large', message: 'UND_ERR_HEADERS_OVERFLOW' } }) });
    expect(out.status).toBe('fail');
    expect(out.messageId).toBe('overCap');
  });

  it('warns on a PAYMENT-REQUIRED value over 8 KiB inside a block under 16 KiB', () => {
    const unpaid = { ...withHeaders(v2Response(), { 'payment-required': 'A'.repeat(9_000) }), headerBytes: 9_300 };
    const out = check({ unpaid });
    expect(out.status).toBe('warn');
    expect(out.messageId).toBe('bigChallenge');
  });

  it('skips when no response arrived for another reason', () => {
    expect(check({ unpaid: exchange({ status: null, error: { code: 'reset', message: 'ECONNRESET' } }) }).status).toBe('skip');
  });
});
