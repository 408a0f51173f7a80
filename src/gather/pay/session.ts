import { ConfigError } from '../../errors.js';
import { errorLine } from '../../util/errorLine.js';
import { decodeSettlement } from '../../protocol/settlement.js';
import { transferWithAuthorizationTypedData, type WireAuthorization } from '../../protocol/eip3009.js';
import type { HttpExchange, PaymentAttempt, PaymentPlan, PaymentSession, RequirementView } from '../../artifacts/index.js';
import { permit2TypedData, type WirePermit2Authorization } from '../../protocol/permit2.js';
import { defineGatherer } from '../defineGatherer.js';
import { sendPayment, sendPaymentTo } from '../sendPayment.js';
import { signPayment } from '../signPayment.js';
import type { BuyerSigner } from './buyerSigner.js';
import { runSigner } from './runSigner.js';
import { readBalances, readNonceUsed } from './balances.js';
import { ensurePermit2Allowance } from './permit2Approval.js';
import { withPaymentIdentifier } from './paymentIdentifier.js';
import { planPayment } from './spendGuard.js';

type Mutation = (auth: WireAuthorization, payer: string, nowSeconds: number) => WireAuthorization | null;
type Permit2Mutation = (auth: WirePermit2Authorization, payer: string, nowSeconds: number) => WirePermit2Authorization | null;
type AttackKind = 'underpaid' | 'wrongRecipient' | 'expired';

/** The attacks: each changes one thing a seller must verify and keeps the paid nonce. */
const ATTACKS: Record<AttackKind, Mutation> = {
  // One atomic unit short: v2 needs value == amount, v1 value >= maxAmountRequired.
  underpaid: (a) => (BigInt(a.value) >= 1n ? { ...a, value: (BigInt(a.value) - 1n).toString() } : null),
  // Paid back to the buyer itself: if a careless seller settles it, no money leaves the buyer.
  wrongRecipient: (a, payer) => ({ ...a, to: payer }),
  // Valid an hour ago for ten minutes: the token itself refuses to settle it.
  expired: (a, _p, now) => ({ ...a, validAfter: String(now - 3600), validBefore: String(now - 3000) }),
};

/** The same attacks in Permit2 form: the permitted amount, the witness recipient, the deadline; same nonce. */
const PERMIT2_ATTACKS: Record<AttackKind, Permit2Mutation> = {
  // For upto the permitted amount is the signed maximum: one unit under the price the seller asked.
  underpaid: (a) => (BigInt(a.permitted.amount) >= 1n ? { ...a, permitted: { ...a.permitted, amount: (BigInt(a.permitted.amount) - 1n).toString() } } : null),
  wrongRecipient: (a, payer) => ({ ...a, witness: { ...a.witness, to: payer } }),
  // Permit2 itself refuses a permit past its deadline.
  expired: (a, _p, now) => ({ ...a, deadline: String(now - 3000) }),
};

/** Each attack's payload, re-signed under the paid payment's nonce, in the form the plan pays by. */
async function attackPayloads(
  signed: Record<string, unknown>,
  requirement: RequirementView,
  plan: PaymentPlan,
  signer: BuyerSigner,
  nowSeconds: number,
): Promise<{ nonce: string; attacks: [AttackKind, Record<string, unknown>, string][] }> {
  const inner = signed.payload as { authorization?: WireAuthorization; permit2Authorization?: WirePermit2Authorization };
  const attacks: [AttackKind, Record<string, unknown>, string][] = [];
  const p2 = plan.permit2;
  if (p2) {
    const auth = inner.permit2Authorization!;
    for (const [kind, mutate] of Object.entries(PERMIT2_ATTACKS) as [AttackKind, Permit2Mutation][]) {
      const changed = mutate(auth, signer.address, nowSeconds);
      if (!changed) continue;
      const signature = await signer.signTypedData(permit2TypedData(p2.scheme, plan.chainId!, changed) as never);
      attacks.push([kind, { ...signed, payload: { ...inner, permit2Authorization: changed, signature } }, changed.permitted.amount]);
    }
    return { nonce: auth.nonce, attacks };
  }
  const auth = inner.authorization!;
  for (const [kind, mutate] of Object.entries(ATTACKS) as [AttackKind, Mutation][]) {
    const changed = mutate(auth, signer.address, nowSeconds);
    if (!changed) continue;
    attacks.push([kind, await resign(signed, requirement, changed, signer, plan.chainId!), changed.value]);
  }
  return { nonce: auth.nonce, attacks };
}

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

/** Copies of the paid request sent at once unless --replay-concurrency says otherwise (x402#1805: one settlement shared by concurrent requests). */
export const DEFAULT_REPLAY_CONCURRENCY = 5;

const isServed = (a: PaymentAttempt): boolean => a.exchange?.status != null && a.exchange.status >= 200 && a.exchange.status < 300;

function attempt(kind: PaymentAttempt['kind'], headerName: string, headerValue: string, requirementIndex: number, payer: string, value: string | null): PaymentAttempt {
  return { kind, requirementIndex, headerName, headerValue, payer, value, exchange: null };
}

/**
 * `--pay`: plan within the buyer's limits, sign the payment with the official client, send
 * the attack variants (same nonce, so at most one authorization can ever settle), then the paid
 * request as N copies at once, its replay and its presentation at each --also URL, reading
 * balances around them with --rpc.
 */
export const paymentGatherer = defineGatherer({
  meta: { artifact: 'payment', dependencies: ['challenge'], optionalDependencies: ['tokenInfo'] },
  notRequested: (options) => (options.pay ? null : 'no --pay given'),
  skipReason: ({ artifacts }) => (artifacts.challenge.x402Version === null ? 'no decodable payment challenge' : null),
  exchanges: (session) => [
    ...[session.underpaid, session.wrongRecipient, session.expired, session.paid]
      .filter((a): a is PaymentAttempt => a !== null)
      .map((a): [string, HttpExchange | null] => [`payment.${a.kind}`, a.exchange]),
    ...(session.paidCopies ?? []).map((a, i): [string, HttpExchange | null] => [`payment.paid-copy-${i + 1}`, a.exchange]),
    ...(session.replay ? [['payment.replay', session.replay.exchange] as [string, HttpExchange | null]] : []),
    ...(session.crossRoute ?? []).map((a, i): [string, HttpExchange | null] => [`payment.cross-route-${i + 1}`, a.exchange]),
  ],
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
    // Before anything is signed: a Permit2 payment the buyer has not approved stops the run (exit 2), or is approved for exactly the cap with --approve-permit2.
    if (plan.permit2 && rpc) {
      session.permit2Approval = await ensurePermit2Allowance({ rpc, plan, owner: signer.address, approver: pay!.approvePermit2, timeoutMs: ctx.timeoutMs, signal: ctx.deadline.signal });
    }
    try {
      if (balanceOf) session.balances = { before: await balanceOf(), afterPaid: null, afterReplay: null, error: null };
      const [signed, { encodePaymentSignatureHeader }] = await Promise.all([signPayment(await withPaymentIdentifier(challenge), requirement, capped), import('../paymentClient.js')]);
      const { nonce, attacks } = await attackPayloads(signed.payload, requirement, plan, capped, target.nowSeconds);
      session.nonce = nonce;
      const variants: [AttackKind, PaymentAttempt][] = attacks.map(([kind, payload, value]) => [
        kind,
        attempt(kind === 'wrongRecipient' ? 'wrong-recipient' : kind, signed.headerName, encodePaymentSignatureHeader(payload as never), requirement.index, signer.address, value),
      ]);
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
      // N identical copies at once: the settling use is one of them, so a seller that settles
      // first and checks the nonce later serves several for one payment (x402#1805).
      const copies = Array.from({ length: Math.max(1, ctx.options.replayConcurrency ?? DEFAULT_REPLAY_CONCURRENCY) }, () =>
        attempt('paid', signed.headerName, signed.headerValue, requirement.index, signer.address, signed.value),
      );
      await Promise.all(copies.map(async (a) => (a.exchange = await sendPayment(ctx, a.headerName, a.headerValue))));
      // The paid request is the served copy that carries a receipt (a streamed answer is served
      // before it settles, so its copies may all be), else the first served, else the first sent.
      const withReceipt = copies.findIndex((a) => isServed(a) && typeof decodeSettlement(a.exchange!).transaction === 'string');
      const chosen = withReceipt >= 0 ? withReceipt : Math.max(0, copies.findIndex(isServed));
      session.paid = copies[chosen];
      session.paidCopies = copies.filter((_, i) => i !== chosen).map((a) => ({ ...a, kind: 'paid-copy' }));
      if (balanceOf && session.balances) session.balances.afterPaid = await balanceOf();
      // None served: did the token consume the authorization anyway? A 402 then asks a conforming buyer to pay again.
      if (rpc && !copies.some(isServed) && !ctx.deadline.exceeded) {
        session.nonceUsedUnserved = await readNonceUsed(rpc, plan, signer.address, nonce, ctx.timeoutMs, ctx.deadline.signal).catch(() => null);
      }
      session.replay = attempt('replay', signed.headerName, signed.headerValue, requirement.index, signer.address, signed.value);
      session.replay.exchange = await sendPayment(ctx, signed.headerName, signed.headerValue);
      if (balanceOf && session.balances) session.balances.afterReplay = await balanceOf();
      const also = ctx.options.also ?? [];
      if (also.length > 0) {
        session.crossRoute = also.map((url) => ({ ...attempt('cross-route', signed.headerName, signed.headerValue, requirement.index, signer.address, signed.value), url }));
        await Promise.all(session.crossRoute.map(async (a) => (a.exchange = await sendPaymentTo(ctx, a.url!, a.headerName, a.headerValue))));
        if (balanceOf && session.balances) session.balances.afterCrossRoute = await balanceOf();
      }
    } catch (error) {
      // The buyer's own setup broke (a remote signer that stopped answering): not the seller's defect.
      if (error instanceof ConfigError) throw error;
      session.error = errorLine(error);
      if (session.balances && !session.balances.error) session.balances.error = session.error;
    }
    return session;
  },
});
