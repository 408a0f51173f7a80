import { describe, expect, it } from 'vitest';
import { challengeOf, v2Response } from '../../../test/helpers/artifacts.js';
import { paidExchange, payAttempt, session } from '../../../test/helpers/payment.js';
import { check, meta } from './settle-latency.js';

const challenge = challengeOf(v2Response());

describe(meta.id, () => {
  it('passes a paid request answered within maxTimeoutSeconds', () => {
    expect(check({ payment: session(), challenge }).status).toBe('pass');
  });

  it('fails (as a warning) a paid request slower than maxTimeoutSeconds', () => {
    const slow = session({ paid: payAttempt('paid', paidExchange(200, { timings: { headersMs: 61_000, totalMs: 61_000 } })) });
    const out = check({ payment: slow, challenge });
    expect(out.status).toBe('fail');
    expect(out.messageId).toBe('slow');
  });
});
