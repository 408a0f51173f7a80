import { describe, expect, it } from 'vitest';
import { b64, exchange, v2PaymentRequired } from '../../test/helpers/artifacts.js';
import { gatherWith } from '../../test/helpers/gather.js';
import { challengeGatherer } from './challenge.js';

describe('challengeGatherer', () => {
  it('decodes the challenge of the unpaid response', async () => {
    const unpaid = exchange({ status: 402, headers: { 'payment-required': b64(v2PaymentRequired()) }, body: '{}', bodyBytes: 2 });
    const { artifact } = await gatherWith(challengeGatherer, { given: { unpaid } });
    expect(artifact?.x402Version).toBe(2);
    expect(artifact?.source).toBe('header');
    expect(artifact?.requirements).toHaveLength(1);
  });

  it('records a 402 whose header is not a challenge as undecodable, not as an error', async () => {
    const unpaid = exchange({ status: 402, headers: { 'payment-required': '!!not base64 json!!' } });
    const { artifact, notGathered } = await gatherWith(challengeGatherer, { given: { unpaid } });
    expect(notGathered).toBeUndefined();
    expect(artifact?.x402Version).toBeNull();
  });

  it('skips when the unpaid request got no response, and when it was not gathered at all', async () => {
    const refused = exchange({ status: null, error: { code: 'refused', message: 'connect ECONNREFUSED' } });
    expect((await gatherWith(challengeGatherer, { given: { unpaid: refused } })).notGathered).toBe('no response to the unpaid request');
    const broken = { meta: { artifact: 'unpaid' as const, dependencies: [] }, gather: async () => Promise.reject(new Error('boom')) };
    expect((await gatherWith(challengeGatherer, { before: [broken] })).notGathered).toBe('needs "unpaid", which was not gathered: gatherer failed: boom');
  });
});
