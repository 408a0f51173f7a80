import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { challengeOf, v2PaymentRequired, v2Requirement, v2Response } from '../../../test/helpers/artifacts.js';
import { sameAddress } from '../../protocol/addresses.js';
import { isMainnet } from '../../protocol/networks.js';
import { decimalToAtomic } from '../../protocol/units.js';
import { planPayment } from './spendGuard.js';

const USDC = {
  'eip155:84532': '0x036CbD53842c5426634e7929541eC2318f3dCF7e',
  'eip155:8453': '0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913',
  'eip155:1': '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48',
  'eip155:421614': '0x75faf114eafb1BDbe2F0316DF893fd58CE46AA4d',
} as const;

const address = fc.uint8Array({ minLength: 20, maxLength: 20 }).map((b) => `0x${Buffer.from(b).toString('hex')}`);
const requirement = fc.record({
  network: fc.constantFrom(...(Object.keys(USDC) as (keyof typeof USDC)[]), 'eip155:999999'),
  amount: fc.bigInt({ min: 0n, max: 10n ** 15n }).map(String),
  payTo: fc.oneof(address, fc.constant('0x70997970C51812dc3A010C7d01b50e0d17dc79C8')),
  knownAsset: fc.boolean(),
  otherAsset: address,
});
const limits = fc.record({
  maxAmount: fc.oneof(fc.constantFrom('0.01', '0', '1', '0.000001', '5.5'), fc.bigInt({ min: 0n, max: 10n ** 9n }).map((n) => `${n / 1000000n}.${(n % 1000000n).toString().padStart(6, '0')}`)),
  mainnetAllowed: fc.boolean(),
  expectPayTo: fc.option(fc.constant('0x70997970C51812dc3A010C7d01b50e0d17dc79C8'), { nil: undefined }),
});

describe('planPayment', () => {
  it('never plans a payment above the cap, on a mainnet without permission, or to an unexpected payTo', () => {
    fc.assert(
      fc.property(fc.array(requirement, { minLength: 1, maxLength: 4 }), limits, (reqs, lim) => {
        const accepts = reqs.map((r) => v2Requirement({ network: r.network, amount: r.amount, payTo: r.payTo, asset: r.knownAsset && r.network in USDC ? USDC[r.network as keyof typeof USDC] : r.otherAsset, extra: { name: 'USDC', version: '2' } }));
        const plan = planPayment(challengeOf(v2Response(v2PaymentRequired(accepts))).requirements, lim);
        if (plan.refused !== null) return;
        expect(plan.decimals).not.toBeNull();
        expect(BigInt(plan.amount!)).toBeLessThanOrEqual(decimalToAtomic(lim.maxAmount, plan.decimals!)!);
        if (!lim.mainnetAllowed) expect(isMainnet(plan.network!)).toBe(false);
        if (lim.expectPayTo) expect(sameAddress(plan.payTo, lim.expectPayTo)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('prefers the expected network and a testnet, and explains refusals', () => {
    const accepts = [v2Requirement({ network: 'eip155:8453', asset: USDC['eip155:8453'] }), v2Requirement()];
    const reqs = challengeOf(v2Response(v2PaymentRequired(accepts))).requirements;
    expect(planPayment(reqs, { maxAmount: '0.01', mainnetAllowed: false }).requirementIndex).toBe(1);
    expect(planPayment(reqs, { maxAmount: '0.01', mainnetAllowed: true, expectNetwork: 'base' }).requirementIndex).toBe(0);
    expect(planPayment(reqs, { maxAmount: '0.001', mainnetAllowed: false }).refused).toMatch(/exceeds --max-amount 0.001/);
    const mainnetOnly = challengeOf(v2Response(v2PaymentRequired([accepts[0]]))).requirements;
    expect(planPayment(mainnetOnly, { maxAmount: '1', mainnetAllowed: false }).refused).toMatch(/mainnet/);
    expect(planPayment(reqs, { maxAmount: '1', mainnetAllowed: false, expectPayTo: '0x0000000000000000000000000000000000000001' }).refused).toMatch(/--expect-pay-to/);
    const unknown = challengeOf(v2Response(v2PaymentRequired([v2Requirement({ asset: '0x1111111111111111111111111111111111111111' })]))).requirements;
    expect(planPayment(unknown, { maxAmount: '1', mainnetAllowed: false }).refused).toMatch(/decimals/);
  });
});
