import { describe, expect, it } from 'vitest';
import { challengeOf, exchange, v1Response, v2PaymentRequired, v2Requirement, v2Response } from '../../../test/helpers/artifacts.js';
import { check, meta } from './accepts.js';

const v2 = (accepts: unknown) => ({ challenge: challengeOf(v2Response(v2PaymentRequired(undefined, { accepts }))) });

describe(meta.id, () => {
  it('passes payable requirements, v2 and v1', () => {
    const out = check(v2([v2Requirement()]));
    expect([out.status, out.messageId]).toEqual(['pass', 'ok']);
    expect(check({ challenge: challengeOf(v1Response()) }).status).toBe('pass');
  });

  it('fails an empty, missing or non-array accepts', () => {
    expect([check(v2([])).status, check(v2([])).messageId]).toEqual(['fail', 'empty']);
    expect(check(v2(undefined)).messageId).toBe('missing');
    expect(check(v2({ scheme: 'exact' })).messageId).toBe('notArray');
  });

  it('warns when no requirement is payable by an EVM buyer, listing why', () => {
    const out = check(v2([v2Requirement({ scheme: 'upto' }), v2Requirement({ network: 'solana:5eykt4UsFv8P8NJdTREpY1vzqKqZKvdp' })]));
    expect(out.status).toBe('warn');
    expect(out.messageId).toBe('noneSignable');
    expect(out.evidence).toContain('#0');
    expect(out.evidence).toContain('#1');
  });

  it('skips when no challenge decoded', () => {
    expect(check({ challenge: challengeOf(exchange({ body: '' })) }).status).toBe('skip');
  });
});

describe(`${meta.id}: size`, () => {
  it('warns on more requirements than a buyer can sensibly validate, judging only the first ones', () => {
    const many = Array.from({ length: 65 }, () => v2Requirement());
    const out = check({ challenge: challengeOf(v2Response(v2PaymentRequired(many))) });
    expect(out.status).toBe('warn');
    expect(out.messageId).toBe('tooMany');
  });
});
