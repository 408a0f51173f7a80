/**
 * The capped signer against Permit2 typed data (issue 14): it signs exactly the x402
 * PermitWitnessTransferFrom of the planned scheme, within the cap, the validity bound, the chain,
 * the token, the proxy spender, payTo and (upto) the facilitator, and refuses everything else,
 * including the permit a hostile requirement makes the official client build.
 */
import { describe, expect, it } from 'vitest';
import { challengeV2 } from '../../../test/helpers/artifacts.js';
import { plan } from '../../../test/helpers/payment.js';
import { SpendGuardError } from '../../errors.js';
import { EXACT_PERMIT2_PROXY, PERMIT2_ADDRESS, PERMIT2_WITNESS_TYPES, UPTO_PERMIT2_PROXY } from '../../protocol/permit2.js';
import { transferWithAuthorizationTypedData } from '../../protocol/eip3009.js';
import { signPayment } from '../signPayment.js';
import { type BuyerSigner, type TypedDataRequest, capSigner } from './buyerSigner.js';
import { planPayment } from './spendGuard.js';

const PAYER = '0x90F79bf6EB2c4f870365E785982E1f101E93b906';
const PAY_TO = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const FACILITATOR = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const USDC = '0x036CbD53842c5426634e7929541eC2318f3dCF7e';
const NOW_MS = 1_795_608_000_000;
const NOW = BigInt(NOW_MS / 1000);
const clock = { now: () => NOW_MS };

const exactPlan = plan({ permit2: { scheme: 'exact', permit2: PERMIT2_ADDRESS, spender: EXACT_PERMIT2_PROXY, facilitator: null } });
const uptoPlan = plan({ permit2: { scheme: 'upto', permit2: PERMIT2_ADDRESS, spender: UPTO_PERMIT2_PROXY, facilitator: FACILITATOR } });

function recorder(): BuyerSigner & { signed: TypedDataRequest[] } {
  const signed: TypedDataRequest[] = [];
  return { address: PAYER, kind: 'key-env', signed, signTypedData: async (r) => (signed.push(r), `0x${'11'.repeat(65)}`) };
}

/** The permit as @x402/evm's client builds it, with one part changed. */
function permit(scheme: 'exact' | 'upto', change: { domain?: Record<string, unknown>; message?: Record<string, unknown>; witness?: Record<string, unknown>; types?: Record<string, unknown> } = {}): TypedDataRequest {
  const witness = scheme === 'upto' ? { to: PAY_TO, facilitator: FACILITATOR, validAfter: 0n } : { to: PAY_TO, validAfter: 0n };
  return {
    domain: { name: 'Permit2', chainId: 84532, verifyingContract: PERMIT2_ADDRESS, ...change.domain },
    types: change.types ?? PERMIT2_WITNESS_TYPES[scheme],
    primaryType: 'PermitWitnessTransferFrom',
    message: {
      permitted: { token: USDC, amount: 10000n },
      spender: scheme === 'upto' ? UPTO_PERMIT2_PROXY : EXACT_PERMIT2_PROXY,
      nonce: 12345n,
      deadline: NOW + 60n,
      witness: { ...witness, ...change.witness },
      ...change.message,
    },
  } as TypedDataRequest;
}

async function signs(p: ReturnType<typeof plan>, request: TypedDataRequest): Promise<boolean> {
  const inner = recorder();
  try {
    await capSigner(inner, p, clock).signTypedData(request);
  } catch (error) {
    expect(error).toBeInstanceOf(SpendGuardError);
    expect(inner.signed).toHaveLength(0);
    return false;
  }
  return inner.signed.length === 1;
}

describe('capSigner and Permit2', () => {
  it('signs the exact and the upto permit of the plan, and the wrong-recipient attack paying the buyer back', async () => {
    expect(await signs(exactPlan, permit('exact'))).toBe(true);
    expect(await signs(uptoPlan, permit('upto'))).toBe(true);
    expect(await signs(exactPlan, permit('exact', { witness: { to: PAYER } }))).toBe(true);
    // Expired (the attack): a deadline in the past is inside any bound.
    expect(await signs(exactPlan, permit('exact', { message: { deadline: NOW - 3000n } }))).toBe(true);
  });

  it('refuses a permit outside the bounds, each part in turn', async () => {
    const hostile: [string, ReturnType<typeof plan>, TypedDataRequest][] = [
      ['over the cap', exactPlan, permit('exact', { message: { permitted: { token: USDC, amount: 10001n } } })],
      ['upto: a signed maximum over the cap', uptoPlan, permit('upto', { message: { permitted: { token: USDC, amount: 10n ** 18n } } })],
      ['another token', exactPlan, permit('exact', { message: { permitted: { token: '0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913', amount: 1n } } })],
      ['another spender (the seller itself)', exactPlan, permit('exact', { message: { spender: PAY_TO } })],
      ['the upto proxy as spender of an exact permit', exactPlan, permit('exact', { message: { spender: UPTO_PERMIT2_PROXY } })],
      ['a recipient other than payTo', exactPlan, permit('exact', { witness: { to: '0x000000000000000000000000000000000000dEaD' } })],
      ['upto: another facilitator', uptoPlan, permit('upto', { witness: { facilitator: PAY_TO } })],
      ['a deadline beyond the bound', exactPlan, permit('exact', { message: { deadline: NOW + 3601n } })],
      ['a deadline not after validAfter', exactPlan, permit('exact', { witness: { validAfter: NOW + 61n } })],
      ['a deadline that is no integer', exactPlan, permit('exact', { message: { deadline: `${NOW}600` } })],
      ['another chain', exactPlan, permit('exact', { domain: { chainId: 8453 } })],
      ['a verifying contract other than Permit2', exactPlan, permit('exact', { domain: { verifyingContract: PAY_TO } })],
      ['a domain with a version', exactPlan, permit('exact', { domain: { version: '1' } })],
      ['a domain not named Permit2', exactPlan, permit('exact', { domain: { name: 'Permit3' } })],
      ['the upto witness on an exact plan', exactPlan, permit('exact', { types: PERMIT2_WITNESS_TYPES.upto, witness: { facilitator: FACILITATOR } })],
      ['the exact witness on an upto plan', uptoPlan, permit('upto', { types: PERMIT2_WITNESS_TYPES.exact })],
      ['a witness with an extra field', exactPlan, permit('exact', { types: { ...PERMIT2_WITNESS_TYPES.exact, Witness: [...PERMIT2_WITNESS_TYPES.exact.Witness, { name: 'memo', type: 'string' }] } })],
      ['a plain PermitTransferFrom (no witness)', exactPlan, { ...permit('exact'), primaryType: 'PermitTransferFrom' }],
      ['a permit on an EIP-3009 plan', plan(), permit('exact')],
      ['a refused plan', { ...exactPlan, refused: 'no' }, permit('exact')],
    ];
    for (const [name, p, request] of hostile) expect(await signs(p, request), name).toBe(false);
    // An EIP-3009 authorization on a Permit2 plan is refused too: one plan, one kind of typed data.
    const eip3009 = transferWithAuthorizationTypedData(
      { name: 'USDC', version: '2', chainId: 84532, verifyingContract: USDC },
      { from: PAYER, to: PAY_TO, value: '1', validAfter: '0', validBefore: String(NOW + 60n), nonce: `0x${'00'.repeat(32)}` },
    );
    expect(await signs(exactPlan, eip3009 as never)).toBe(false);
  });

  it('signs one nonce per run (the default budget is one price)', async () => {
    const inner = recorder();
    const signer = capSigner(inner, exactPlan, clock);
    await signer.signTypedData(permit('exact'));
    await signer.signTypedData(permit('exact', { witness: { to: PAYER } }));
    await expect(signer.signTypedData(permit('exact', { message: { nonce: 12346n } }))).rejects.toThrow(/beyond the run budget 10000 \(--max-total\)/);
    expect(inner.signed).toHaveLength(2);
  });

  it('the official client, asked by a hostile seller, signs nothing outside the bounds', async () => {
    const upto = (extra: Record<string, unknown>, o: Record<string, unknown> = {}) =>
      challengeV2([{ scheme: 'upto', amount: '10000', extra: { assetTransferMethod: 'permit2', facilitatorAddress: FACILITATOR, ...extra }, ...o }]);
    const honest = upto({});
    const honestPlan = planPayment(honest.requirements, { maxAmount: '0.01', mainnetAllowed: false, chainRead: 84532 });
    expect(honestPlan).toMatchObject({ refused: null, permit2: { scheme: 'upto', spender: UPTO_PERMIT2_PROXY, facilitator: FACILITATOR } });
    const inner = recorder();
    await signPayment(honest, honest.requirements[0], capSigner(inner, honestPlan));
    expect(inner.signed).toHaveLength(1);
    expect(inner.signed[0].message).toMatchObject({ spender: UPTO_PERMIT2_PROXY, permitted: { amount: 10000n } });

    // The plan was made for the honest requirement; a seller now answers with terms the official client would sign as given.
    for (const [name, challenge] of [
      ['a higher maximum', upto({}, { amount: '10001' })],
      ['another facilitator', upto({ facilitatorAddress: PAY_TO })],
      ['another payTo', upto({}, { payTo: '0x000000000000000000000000000000000000dEaD' })],
      ['a validity beyond the bound', upto({}, { maxTimeoutSeconds: 7200 })],
      ['exact via Permit2 where upto was planned', challengeV2([{ amount: '10000', extra: { assetTransferMethod: 'permit2' } }])],
    ] as const) {
      const recording = recorder();
      await expect(signPayment(challenge, challenge.requirements[0], capSigner(recording, honestPlan)), name).rejects.toThrow(/refused to sign/);
      expect(recording.signed, name).toHaveLength(0);
    }
  });
});
