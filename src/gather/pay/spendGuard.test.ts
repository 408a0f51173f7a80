import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { challengeOf, tokenInfo, v2PaymentRequired, v2Requirement, v2Response } from '../../../test/helpers/artifacts.js';
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
  // Mostly prices near the caps (so the property is not vacuous), sometimes absurd ones.
  amount: fc.oneof({ arbitrary: fc.bigInt({ min: 0n, max: 20_000n }), weight: 3 }, { arbitrary: fc.bigInt({ min: 0n, max: 10n ** 15n }), weight: 1 }).map(String),
  payTo: fc.oneof(address, fc.constant('0x70997970C51812dc3A010C7d01b50e0d17dc79C8')),
  knownAsset: fc.boolean(),
  otherAsset: address,
});
const limits = fc.record({
  chainRead: fc.constantFrom(84532, 8453, 1, 421614, 999999, null),
  maxValiditySeconds: fc.constantFrom(60, 3600),
  maxAmount: fc.oneof(fc.constantFrom('0.01', '0', '1', '0.000001', '5.5'), fc.bigInt({ min: 0n, max: 10n ** 9n }).map((n) => `${n / 1000000n}.${(n % 1000000n).toString().padStart(6, '0')}`)),
  mainnetAllowed: fc.boolean(),
  expectPayTo: fc.option(fc.constant('0x70997970C51812dc3A010C7d01b50e0d17dc79C8'), { nil: undefined }),
});

describe('planPayment', () => {
  it('never plans a payment above the cap, on a chain it does not read, on a mainnet without permission, or to an unexpected payTo', () => {
    let executable = 0;
    fc.assert(
      fc.property(fc.array(requirement, { minLength: 1, maxLength: 4 }), limits, (reqs, lim) => {
        const accepts = reqs.map((r) => v2Requirement({ network: r.network, amount: r.amount, payTo: r.payTo, asset: r.knownAsset && r.network in USDC ? USDC[r.network as keyof typeof USDC] : r.otherAsset, extra: { name: 'USDC', version: '2' } }));
        const plan = planPayment(challengeOf(v2Response(v2PaymentRequired(accepts))).requirements, lim);
        if (plan.refused !== null) return;
        executable += 1;
        expect(plan.decimals).not.toBeNull();
        expect(plan.chainId).toBe(lim.chainRead);
        expect(BigInt(plan.amount!)).toBeLessThanOrEqual(decimalToAtomic(lim.maxAmount, plan.decimals!)!);
        if (!lim.mainnetAllowed) expect(isMainnet(plan.network!)).toBe(false);
        if (lim.expectPayTo) expect(sameAddress(plan.payTo, lim.expectPayTo)).toBe(true);
      }),
      { numRuns: 500 },
    );
    expect(executable).toBeGreaterThan(10);
  });

  it('prefers the expected network and a testnet, and explains refusals', () => {
    const accepts = [v2Requirement({ network: 'eip155:8453', asset: USDC['eip155:8453'] }), v2Requirement()];
    const reqs = challengeOf(v2Response(v2PaymentRequired(accepts))).requirements;
    const on = (chainRead: number) => ({ maxAmount: '0.01', mainnetAllowed: false, chainRead });
    expect(planPayment(reqs, on(84532)).requirementIndex).toBe(1);
    expect(planPayment(reqs, { ...on(8453), mainnetAllowed: true, expectNetwork: 'base' }).requirementIndex).toBe(0);
    expect(planPayment(reqs, { ...on(84532), maxAmount: '0.001' }).refused).toMatch(/exceeds --max-amount 0.001/);
    const mainnetOnly = challengeOf(v2Response(v2PaymentRequired([accepts[0]]))).requirements;
    expect(planPayment(mainnetOnly, { ...on(8453), maxAmount: '1' }).refused).toMatch(/mainnet/);
    expect(planPayment(reqs, { ...on(84532), maxAmount: '1', expectPayTo: '0x0000000000000000000000000000000000000001' }).refused).toMatch(/--expect-pay-to/);
    const unknown = challengeOf(v2Response(v2PaymentRequired([v2Requirement({ asset: '0x1111111111111111111111111111111111111111' })]))).requirements;
    expect(planPayment(unknown, { ...on(84532), maxAmount: '1' }).refused).toMatch(/decimals .* are unknown.*--expect-asset/);
  });

  it('pays the first requirement that keeps every limit, not merely the first', () => {
    const accepts = [v2Requirement({ maxTimeoutSeconds: 1e10 }), v2Requirement({ amount: '1000' })];
    const plan = planPayment(challengeOf(v2Response(v2PaymentRequired(accepts))).requirements, { maxAmount: '0.01', mainnetAllowed: false, chainRead: 84532 });
    expect(plan.refused).toBeNull();
    expect(plan.requirementIndex).toBe(1);
  });
});

describe('planPayment: the run budget (--max-total)', () => {
  const reqs = challengeOf(v2Response(v2PaymentRequired([v2Requirement({ amount: '1000' })]))).requirements;
  const limits = { maxAmount: '0.01', mainnetAllowed: false, chainRead: 84532 };
  it('is one price by default, and --max-total in the asset\'s own decimals otherwise', () => {
    expect(planPayment(reqs, limits)).toMatchObject({ refused: null, maxTotal: null, totalCapAtomic: '1000' });
    expect(planPayment(reqs, { ...limits, maxTotal: '0.003' })).toMatchObject({ refused: null, maxTotal: '0.003', totalCapAtomic: '3000' });
  });
  it('refuses a price above it, and a budget finer than the asset', () => {
    expect(planPayment(reqs, { ...limits, maxTotal: '0.0009' }).refused).toMatch(/exceeds --max-total 0.0009/);
    expect(planPayment(reqs, { ...limits, maxTotal: '0.0000001' }).refused).toMatch(/--max-total 0.0000001 has more decimals than the asset/);
  });
});

describe('planPayment: decimals come only from the payment\'s own chain', () => {
  const OTHER_TOKEN = '0x1111111111111111111111111111111111111111';
  // 10^16 units: 0.01 of an 18-decimal token, ten billion of a 6-decimal one.
  const hostile = (network: string, asset = OTHER_TOKEN) => challengeOf(v2Response(v2PaymentRequired([v2Requirement({ network, asset, amount: '10000000000000000' })]))).requirements;
  const limits = { maxAmount: '0.01', mainnetAllowed: false, chainRead: 84532 };

  it('never uses a token read from another chain', () => {
    const readHere = tokenInfo({ asset: OTHER_TOKEN, chainId: 84532, decimals: 18 });
    const plan = planPayment(hostile('eip155:11155111'), limits, readHere);
    expect(plan.refused).toMatch(/reads chain 84532 .* not eip155:11155111/);
    expect(plan.capAtomic).toBeNull();
    // Even had the RPC read the other chain, a token read must carry that chain's id.
    expect(planPayment(hostile('eip155:11155111'), { ...limits, chainRead: 11155111 }, readHere).refused).toMatch(/decimals .* are unknown/);
  });

  it('uses a token read on the payment\'s own chain, or the decimals the user names', () => {
    const ownChain = planPayment(hostile('eip155:84532'), limits, tokenInfo({ asset: OTHER_TOKEN, chainId: 84532, decimals: 18 }));
    expect(ownChain).toMatchObject({ refused: null, decimals: 18, decimalsSource: 'token', capAtomic: '10000000000000000' });
    const stated = planPayment(hostile('eip155:84532'), { ...limits, expectAsset: { address: OTHER_TOKEN, decimals: 18 } });
    expect(stated).toMatchObject({ refused: null, decimals: 18, decimalsSource: 'expect-asset' });
    expect(planPayment(hostile('eip155:84532'), { ...limits, expectAsset: { address: OTHER_TOKEN, decimals: 6 } }).refused).toMatch(/exceeds --max-amount/);
  });

  it('refuses when the sources disagree, and any asset but the expected one', () => {
    const usdc = hostile('eip155:84532', USDC['eip155:84532']);
    expect(planPayment(usdc, { ...limits, expectAsset: { address: USDC['eip155:84532'], decimals: 18 } }).refused).toMatch(/disagree .*known-assets table says 6.*--expect-asset says 18/);
    expect(planPayment(usdc, limits, tokenInfo({ chainId: 84532, decimals: 18 })).refused).toMatch(/disagree/);
    expect(planPayment(usdc, { ...limits, expectAsset: { address: OTHER_TOKEN, decimals: null } }).refused).toMatch(/--expect-asset/);
  });

  it('signs nothing for the hostile seller of the issue: 10^16 units on another chain, --rpc on the 6-decimal sandbox', () => {
    const plan = planPayment(hostile('eip155:11155111', USDC['eip155:84532']), limits, tokenInfo({ chainId: 84532, decimals: 6 }));
    expect(plan.refused).not.toBeNull();
  });
});

describe('planPayment: validity window', () => {
  const withTimeout = (maxTimeoutSeconds: unknown) => challengeOf(v2Response(v2PaymentRequired([v2Requirement({ maxTimeoutSeconds })]))).requirements;
  const limits = { maxAmount: '0.01', mainnetAllowed: false, chainRead: 84532 };

  it('refuses a maxTimeoutSeconds that is not a positive integer number, or beyond the bound', () => {
    for (const bad of [1e10, '600', 600.5, -600, 0, null, undefined, 3601]) {
      const plan = planPayment(withTimeout(bad), limits);
      expect(plan.refused, String(bad)).toMatch(/maxTimeoutSeconds/);
    }
    expect(planPayment(withTimeout(3600), limits)).toMatchObject({ refused: null, validitySeconds: 3600, maxValiditySeconds: 3600 });
    expect(planPayment(withTimeout(300), { ...limits, maxValiditySeconds: 60 }).refused).toMatch(/exceeds --max-validity 60/);
  });
});
