import { describe, expect, it } from 'vitest';
import { challengeV1, challengeV2 } from '../../../test/helpers/artifacts.js';
import { check, meta } from './description.js';

const v2 = (description: unknown) => check({ challenge: challengeV2([{}], { resource: { url: 'https://api.example.com/weather', description } }) });

describe(meta.id, () => {
  it('passes a short description, v2 and v1', () => {
    expect(v2('Weather report').status).toBe('pass');
    expect(check({ challenge: challengeV1() }).messageId).toBe('ok');
    expect(v2('x'.repeat(500)).status).toBe('pass');
  });

  it('fails a missing, empty or non-string description', () => {
    expect(v2(undefined).messageId).toBe('missing');
    expect(v2('  ').messageId).toBe('missing');
    expect(v2({ en: 'Weather' }).messageId).toBe('notString');
    const v1 = check({ challenge: challengeV1([{}, { description: '' }]) });
    expect(v1.status).toBe('fail');
    expect(v1.message).toContain('Requirement #1');
    expect(v1.evidence).toBe('accepts[1].description = ""');
  });

  it('fails a description over 500 characters (CDP Bazaar, x402#2993)', () => {
    const out = v2('x'.repeat(501));
    expect(out.status).toBe('fail');
    expect(out.messageId).toBe('tooLong');
  });

  it('skips when there are no requirements', () => {
    expect(check({ challenge: challengeV2([]) }).status).toBe('skip');
  });
});
