import { describe, expect, it } from 'vitest';
import { challengeV1, challengeV2 } from '../../../test/helpers/artifacts.js';
import { check, meta } from './timeout.js';

const v2 = (...accepts: Record<string, unknown>[]) => check({ challenge: challengeV2(accepts) });

describe(meta.id, () => {
  it('passes the reference 60 s and obol-stack 300 s', () => {
    expect(v2({}).status).toBe('pass');
    expect(v2({ maxTimeoutSeconds: 300 }).messageId).toBe('ok');
    expect(check({ challenge: challengeV1() }).status).toBe('pass');
  });

  it('fails strings, zero, negatives, fractions and a missing value', () => {
    const str = v2({}, { maxTimeoutSeconds: '60' });
    expect(str.status).toBe('fail');
    expect(str.messageId).toBe('notNumber');
    expect(str.evidence).toBe('accepts[1].maxTimeoutSeconds = "60"');
    expect(v2({ maxTimeoutSeconds: 0 }).messageId).toBe('notPositive');
    expect(v2({ maxTimeoutSeconds: -5 }).messageId).toBe('notPositive');
    expect(v2({ maxTimeoutSeconds: 59.5 }).messageId).toBe('fraction');
    expect(v2({ maxTimeoutSeconds: undefined }).messageId).toBe('missing');
  });

  it('warns on a timeout under 30 s or over an hour', () => {
    const short = v2({ maxTimeoutSeconds: 10 });
    expect(short.status).toBe('warn');
    expect(short.messageId).toBe('short');
    expect(v2({ maxTimeoutSeconds: 86400 }).messageId).toBe('long');
  });

  it('skips when there are no requirements', () => {
    expect(check({ challenge: challengeV2([]) }).status).toBe('skip');
  });
});
