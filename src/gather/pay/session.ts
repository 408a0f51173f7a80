import { ConfigError } from '../../errors.js';
import { errorLine } from '../../util/errorLine.js';
import { transferWithAuthorizationTypedData, type WireAuthorization } from '../../protocol/eip3009.js';
import type { HttpExchange, PaymentAttempt, PaymentSession, RequirementView } from '../../artifacts/index.js';
import { defineGatherer } from '../defineGatherer.js';
import { sendPayment } from '../sendPayment.js';
import { signPayment } from '../signPayment.js';
import type { BuyerSigner } from './buyerSigner.js';
import { runSigner } from './runSigner.js';
import { readBalances } from './balances.js';
import { withPaymentIdentifier } from './paymentIdentifier.js';
import { planPayment } from './spendGuard.js';

type Mutation = (auth: WireAuthorization, payer: string, nowSeconds: number) => WireAuthorization | null;

/** The attacks: each changes one thing a seller must verify and keeps the paid nonce. */
const ATTACKS: Record<'underpaid' | 'wrongRecipient' | 'expired', Mutation> = {
  // One atomic unit short: v2 needs value == amount, v1 value >= maxAmountRequired.
  underpaid: (a) => (BigInt(a.value) >= 1n ? { ...a, value: (BigInt(a.value) - 1n).toString() } : null),
  // Paid back to the buyer itself: if a careless seller settles it, no money leaves the buyer.
  wrongRecipient: (a, payer) => ({ ...a, to: payer }),
  // Valid an hour ago for ten minutes: the token itself refuses to settle it.
  expired: (a, _p, now) => ({ ...a, validAfter: String(now - 3600), validBefore: String(now - 3000) }),
};

async function resign(
  base: Record<string, unknown>,
  requirement: RequirementView,
  authorization: WireAuthorization,
  signer: BuyerSigner,
  chainId: number,
): Promise<Record<string, unknown>> {
  const extra = requirement.extra as { name: string; version: string };
  const typed = transferWithAuthorizationTypedData(
    { name: extra.name, version: extra.version, chainId, verifyingContract: requirement.asset as `0x${string}` },
    authorization,
  );
  const signature = await signer.signTypedData(typed as never);
  return { ...base, payload: { ...(base.payload as Record<string, unknown>), authorization, signature } };
}

function attempt(kind: PaymentAttempt['kind'], headerName: string, headerValue: string, requirementIndex: number, payer: string, value: string | null): PaymentAttempt {
  return { kind, requirementIndex, headerName, headerValue, payer, value, exchange: null };
}

/**
 * `--pay`: plan within the buyer's limits, sign the payment with the official client, send
 * the attack variants (same nonce, so at most one authorization can ever settle), then the paid
 * request and its replay, reading balances around them with --rpc.
 */
export const paymentGatherer = defineGatherer({
  meta: { artifact: 'payment', dependencies: ['challenge'], optionalDependencies: ['tokenInfo'] },
  notRequested: (options) => (options.pay ? null : 'no --pay given'),
  skipReason: ({ artifacts }) => (artifacts.challenge.x402Version === null ? 'no decodable payment challenge' : null),
  exchanges: (session) =>
    [session.underpaid, session.wrongRecipient, session.expired, session.paid, session.replay]
      .filter((a): a is PaymentAttempt => a !== null)
      .map((a): [string, HttpExchange | null] => [`payment.${a.kind}`, a.exchange]),
  async gather(ctx) {
    const { pay, expect, rpc } = ctx.options;
    const { challenge, tokenInfo: token, target } = ctx.artifacts;
    const signer = pay!.signer;
    const plan = planPayment(
      challenge.requirements,
      {
        maxAmount: pay!.maxAmount,
        maxTotal: pay!.maxTotal,
        mainnetAllowed: pay!.mainnet,
        maxValiditySeconds: pay!.maxValiditySeconds,
        expectPayTo: expect?.payTo,
        expectNetwork: expect?.network,
        expectAsset: expect?.asset ? { address: expect.asset, decimals: expect.assetDecimals ?? null } : undefined,
        chainRead: rpc ? (token?.chainId ?? null) : null,
      },
      token,
    );
    const session: PaymentSession = {
      plan, payer: signer.address, signerKind: signer.kind, underpaid: null, wrongRecipient: null, expired: null,
      paid: null, replay: null, nonce: null, balances: null, error: null,
    };
    if (plan.refused !== null) return session;
    const requirement = challenge.requirements[plan.requirementIndex!];
    const capped = runSigner(ctx, plan);
    // After the run deadline a balance read is skipped, saying why: the exchanges still to come are then recorded as cut.
    const balanceOf = rpc
      ? async () => {
          if (!ctx.deadline.exceeded) return readBalances(rpc, plan, signer.address, ctx.timeoutMs, ctx.deadline.signal);
          if (session.balances) session.balances.error ??= `not read: the run deadline (${ctx.deadline.ms} ms) had passed`;
          return null;
        }
      : null;
    try {
      if (balanceOf) session.balances = { before: await balanceOf(), afterPaid: null, afterReplay: null, error: null };
      const [signed, { encodePaymentSignatureHeader }] = await Promise.all([signPayment(await withPaymentIdentifier(challenge), requirement, capped), import('@x402/core/http')]);
      const auth = (signed.payload.payload as { authorization: WireAuthorization }).authorization;
      session.nonce = auth.nonce;
      const variants: [keyof typeof ATTACKS, PaymentAttempt][] = [];
      for (const [kind, mutate] of Object.entries(ATTACKS) as [keyof typeof ATTACKS, Mutation][]) {
        const changed = mutate(auth, signer.address, target.nowSeconds);
        if (!changed) continue;
        const payload = await resign(signed.payload, requirement, changed, capped, plan.chainId!);
        variants.push([kind, attempt(kind === 'wrongRecipient' ? 'wrong-recipient' : kind, signed.headerName, encodePaymentSignatureHeader(payload as never), requirement.index, signer.address, changed.value)]);
      }
      // The variants do not depend on each other: send them at once. Every one is answered, or
      // cut by the deadline, before the paid request (same nonce) goes out.
      const sent = await Promise.allSettled(
        variants.map(async ([kind, a]) => {
          a.exchange = await sendPayment(ctx, a.headerName, a.headerValue);
          session[kind] = a;
        }),
      );
      const failed = sent.find((s): s is PromiseRejectedResult => s.status === 'rejected');
      if (failed) throw failed.reason;
      session.paid = attempt('paid', signed.headerName, signed.headerValue, requirement.index, signer.address, signed.value);
      session.paid.exchange = await sendPayment(ctx, signed.headerName, signed.headerValue);
      if (balanceOf && session.balances) session.balances.afterPaid = await balanceOf();
      session.replay = attempt('replay', signed.headerName, signed.headerValue, requirement.index, signer.address, signed.value);
      session.replay.exchange = await sendPayment(ctx, signed.headerName, signed.headerValue);
      if (balanceOf && session.balances) session.balances.afterReplay = await balanceOf();
    } catch (error) {
      // The buyer's own setup broke (a remote signer that stopped answering): not the seller's defect.
      if (error instanceof ConfigError) throw error;
      session.error = errorLine(error);
      if (session.balances && !session.balances.error) session.balances.error = session.error;
    }
    return session;
  },
});
