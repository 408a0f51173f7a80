import { describe, expect, it } from 'vitest';
import { challengeV1, challengeV2 } from '../../../test/helpers/artifacts.js';
import { check, meta } from './scheme.js';

describe(meta.id, () => {
  it('passes exact (v2 and v1) and an upto entry beside an exact one', () => {
    expect(check({ challenge: challengeV2() }).status).toBe('pass');
    expect(check({ challenge: challengeV1() }).messageId).toBe('ok');
    expect(check({ challenge: challengeV2([{}, { scheme: 'upto' }]) }).status).toBe('pass');
  });

  it('fails a missing, non-string or empty scheme', () => {
    const missing = check({ challenge: challengeV2([{ scheme: undefined }]) });
    expect(missing.status).toBe('fail');
    expect(missing.messageId).toBe('missing');
    expect(check({ challenge: challengeV2([{}, { scheme: 1 }]) }).messageId).toBe('notString');
    expect(check({ challenge: challengeV2([{ scheme: '' }]) }).messageId).toBe('empty');
  });

  it('fails a scheme no x402 implementation defines, and a wrongly cased one, naming index and field (issue 11 item 8)', () => {
    const unknown = check({ challenge: challengeV2([{}, { scheme: 'stream' }]) });
    expect(unknown.status).toBe('fail');
    expect(unknown.messageId).toBe('unknown');
    expect(unknown.message).toContain('#1');
    expect(unknown.evidence).toBe('accepts[1].scheme = "stream"');
    const exactly = check({ challenge: challengeV2([{ scheme: 'exactly' }]) });
    expect([exactly.status, exactly.messageId]).toEqual(['fail', 'unknown']);
    const lookalike = check({ challenge: challengeV2([{}, { scheme: 'Exact' }]) });
    expect([lookalike.status, lookalike.messageId]).toEqual(['fail', 'lookalike']);
    expect(check({ challenge: challengeV1([{ scheme: 'exactly' }]) }).status).toBe('fail');
  });

  it('passes every scheme x402 defines beside an exact entry', () => {
    const out = check({ challenge: challengeV2([{}, { scheme: 'upto' }, { scheme: 'batch-settlement' }, { scheme: 'auth-capture' }]) });
    expect([out.status, out.messageId]).toEqual(['pass', 'ok']);
  });

  it('warns when no entry is exact', () => {
    const out = check({ challenge: challengeV2([{ scheme: 'upto' }]) });
    expect(out.status).toBe('warn');
    expect(out.messageId).toBe('noExact');
  });

  it('skips when there are no requirements', () => {
    expect(check({ challenge: challengeV2([]) }).status).toBe('skip');
  });
});
