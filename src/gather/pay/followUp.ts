import { ConfigError } from '../../errors.js';
import type { ChallengeArtifact, FollowUpAttempt, FollowUpSession, HttpExchange, PaymentPlan, PaymentSession } from '../../artifacts/index.js';
import { declaredExtensions, validateSiwxDeclaration } from '../../protocol/extensions.js';
import { decodeSettlement } from '../../protocol/settlement.js';
import { atomicToDecimal } from '../../protocol/units.js';
import { errorLine } from '../../util/errorLine.js';
import { missingOptional } from '../../util/pinnedOptional.js';
import { defineGatherer } from '../defineGatherer.js';
import { exchange } from '../http.js';
import { requestHeaders } from '../requestHeaders.js';
import { sendPayment, sendProbedRequest } from '../sendPayment.js';
import { signPayment } from '../signPayment.js';
import type { GathererContext } from '../types.js';
import { readBalances, readNonceUsed } from './balances.js';
import { siwxSigner } from './buyerSigner.js';
import { paymentIdOf, withPaymentIdentifier } from './paymentIdentifier.js';
import { runSigner } from './runSigner.js';

/**
 * How long after the last answer the chain is watched for a settlement: a seller that answers
 * first and settles in the background is caught, and a careful one costs the run this once
 * (the follow-ups are sent together, so not once each).
 */
export const SETTLE_GRACE_MS = 1_000;

type Ctx = GathererContext<'payment' | 'challenge', never>;

/** Where a follow-up that was due stays when the run stopped before sending it (`error` says why). */
const STOPPED = 'not sent: the follow-ups stopped early';

const unsent = (kind: FollowUpAttempt['kind'], notSent: string): FollowUpAttempt => ({
  kind, notSent, headerName: null, headerValue: null, nonce: null, value: null, paymentId: null, bodyBytes: null, exchange: null, authorizationUsed: null,
});

/** How many prices the budget holds beyond the paid request's (which the paid session signed). */
function budgetOf(plan: PaymentPlan): FollowUpSession['budget'] {
  const price = BigInt(plan.amount ?? '0');
  const total = BigInt(plan.totalCapAtomic ?? plan.amount ?? '0');
  // A free price moves nothing: any number of them fits.
  const extraPrices = price === 0n ? 2 : Number((total - price) / price);
  return { totalCapAtomic: total.toString(), priceAtomic: price.toString(), extraPrices: Math.max(0, extraPrices) };
}

/** Why a follow-up was not sent for lack of budget, naming the --max-total that runs every follow-up asked for. */
function noBudget(plan: PaymentPlan, what: string, pricesWanted: number): string {
  const enough = atomicToDecimal(BigInt(plan.amount ?? '0') * BigInt(pricesWanted), plan.decimals ?? 0);
  const given = plan.maxTotal === null ? 'the default, one price' : plan.maxTotal;
  return `${what} needs a price of its own and the run budget (--max-total: ${given}) has none left: pass --max-total ${enough} or more`;
}

/** The --pay-failure request: the probed method, URL and headers, the failure body, one payment header. */
function sendWithBody(ctx: Ctx, headerName: string, headerValue: string, body: string): Promise<HttpExchange> {
  return exchange({
    url: ctx.options.url,
    method: ctx.options.method,
    headers: requestHeaders({ headers: ctx.options.headers, body }, { [headerName]: headerValue }),
    body,
    timeoutMs: ctx.timeoutMs,
    dispatcher: ctx.dispatcher,
    source: ctx.options.targetSource,
    network: ctx.network,
    deadline: ctx.deadline,
  });
}

/** Sign a fresh authorization (the official client picks a new nonce) carrying `paymentId`, or a new identifier when undefined. */
async function signFresh(ctx: Ctx, session: PaymentSession, challenge: ChallengeArtifact, kind: FollowUpAttempt['kind'], paymentId?: string): Promise<FollowUpAttempt> {
  const requirement = challenge.requirements[session.plan.requirementIndex!];
  const signed = await signPayment(await withPaymentIdentifier(challenge, paymentId), requirement, runSigner(ctx, session.plan));
  // EIP-3009's bytes32 nonce, or a Permit2 permit's uint256 one.
  const inner = signed.payload.payload as { authorization?: { nonce?: string }; permit2Authorization?: { nonce?: string } };
  const nonce = inner.authorization?.nonce ?? inner.permit2Authorization?.nonce ?? null;
  return {
    ...unsent(kind, STOPPED), notSent: null, headerName: signed.headerName, headerValue: signed.headerValue, nonce, value: signed.value,
    paymentId: await paymentIdOf(signed.headerValue),
  };
}

type SiwxDeclaration = { info: Record<string, unknown>; supportedChains: { chainId: string; type: string }[] };

/**
 * The sign-in-with-x header for this buyer on the payment's chain, signed by @x402/extensions'
 * own client through siwxSigner (that one message, nothing else), or why there is none.
 */
async function siwxHeader(ctx: Ctx, challenge: ChallengeArtifact, plan: PaymentPlan): Promise<{ header: string } | { none: string }> {
  const declared = declaredExtensions(challenge)?.['sign-in-with-x'] as SiwxDeclaration | undefined;
  if (declared === undefined) return { none: 'the 402 declares no sign-in-with-x extension' };
  if (!validateSiwxDeclaration(declared, ctx.options.url).valid) return { none: 'the sign-in-with-x declaration is malformed (extensions.sign-in-with-x)' };
  const chain = declared.supportedChains.find((c) => c.chainId === plan.network && c.type === 'eip191');
  if (!chain) return { none: `the declaration supports no eip191 sign-in on the paid network ${plan.network}` };
  let siwx: typeof import('@x402/extensions/sign-in-with-x');
  try {
    siwx = await import('@x402/extensions/sign-in-with-x');
  } catch (error) {
    const missing = missingOptional(error, '@x402/extensions');
    if (missing) return { none: `signing in needs the optional package ${missing}, not installed here (npm install ${missing})` };
    throw error;
  }
  const { createSIWxMessage, createSIWxPayload, encodeSIWxHeader } = siwx;
  const info = { ...declared.info, chainId: chain.chainId, type: 'eip191' } as Parameters<typeof createSIWxMessage>[0];
  const signer = siwxSigner(ctx.options.pay!.signer, createSIWxMessage(info, ctx.options.pay!.signer.address));
  if (!signer) return { none: 'the remote signer signs typed data only, not a sign-in message' };
  return { header: encodeSIWxHeader(await createSIWxPayload(info, signer, ctx.options.url)) };
}

/** Was each authorization settled? Watched for SETTLE_GRACE_MS, or until all of them were. */
async function readAuthorizationStates(ctx: Ctx, plan: PaymentPlan, payer: string, attempts: FollowUpAttempt[]): Promise<void> {
  const sent = attempts.filter((a) => a.nonce !== null && a.exchange !== null);
  if (sent.length === 0 || !ctx.options.rpc) return;
  const started = Date.now();
  for (;;) {
    // EIP-3009's authorizationState, or Permit2's nonce bitmap for a Permit2 plan.
    await Promise.all(
      sent.map(async (a) => {
        a.authorizationUsed = await readNonceUsed(ctx.options.rpc!, plan, payer, a.nonce!, ctx.timeoutMs, ctx.deadline.signal);
      }),
    );
    if (sent.every((a) => a.authorizationUsed) || Date.now() - started >= SETTLE_GRACE_MS || ctx.deadline.exceeded) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * `--pay` follow-ups, after the paid session: (1) with a payment-identifier declared, the paid
 * payment again (same identifier), and a fresh authorization under the same identifier; (2) with
 * --pay-failure, a fresh authorization sent with a body the service cannot serve; (3) with
 * sign-in-with-x declared, the probed request signed in as the buyer, no payment. Those that
 * need a second price run only when --max-total holds one, and are sent together; the chain then
 * says which authorizations settled.
 */
export const followUpGatherer = defineGatherer({
  meta: { artifact: 'followUp', dependencies: ['payment', 'challenge'] },
  notRequested: (options) => (options.pay ? null : 'no --pay given'),
  skipReason: ({ artifacts }) => (artifacts.payment.paid === null ? 'no paid request was made' : null),
  exchanges: (f) => [
    ['followUp.identifierRetry', f.identifierRetry.exchange],
    ['followUp.identifierFresh', f.identifierFresh.exchange],
    ['followUp.payFailure', f.payFailure?.exchange ?? null],
    ['followUp.siwx', f.siwx.exchange],
  ].filter((e): e is [string, HttpExchange] => e[1] !== null),
  async gather(ctx) {
    const { payment: session, challenge } = ctx.artifacts;
    const { plan } = session;
    const paid = session.paid!;
    const paidPaymentId = await paymentIdOf(paid.headerValue);
    const paidServed = paid.exchange?.status != null && paid.exchange.status >= 200 && paid.exchange.status < 300;
    const transaction = paid.exchange ? decodeSettlement(paid.exchange).transaction : null;
    const noIdentifier = 'the paid payment carried no payment identifier (the 402 declares no well-formed payment-identifier extension, or is v1)';
    const budget = budgetOf(plan);
    let prices = budget.extraPrices;
    const failureBody = ctx.options.pay?.failureBody;
    // The explicit ask first: --pay-failure takes the first spare price, the identifier check the next.
    const wantsFailure = failureBody !== undefined && prices-- > 0;
    const wantsFresh = paidPaymentId !== null && prices-- > 0;
    // The paid request's price, and one for each follow-up that would need one.
    const pricesWanted = 1 + (failureBody !== undefined ? 1 : 0) + (paidPaymentId !== null ? 1 : 0);
    const followUp: FollowUpSession = {
      budget,
      paidPaymentId,
      paidTransaction: typeof transaction === 'string' ? transaction : null,
      identifierRetry: unsent('identifier-retry', STOPPED),
      identifierFresh: unsent('identifier-fresh', STOPPED),
      payFailure: failureBody === undefined ? null : unsent('pay-failure', wantsFailure ? STOPPED : noBudget(plan, '--pay-failure', pricesWanted)),
      siwx: { notSent: STOPPED, exchange: null },
      balances: { before: null, after: null, error: null },
      error: null,
    };
    if (paidPaymentId === null || !wantsFresh) followUp.identifierFresh.notSent = paidPaymentId === null ? noIdentifier : noBudget(plan, 'a fresh authorization under the paid payment\'s identifier', pricesWanted);
    const retry = paidPaymentId !== null && paidServed;
    if (!retry) followUp.identifierRetry.notSent = paidPaymentId === null ? noIdentifier : 'the paid request was not served, so there is no response to repeat';

    const balanceOf = async () => (ctx.options.rpc && !ctx.deadline.exceeded ? readBalances(ctx.options.rpc, plan, session.payer, ctx.timeoutMs, ctx.deadline.signal) : null);
    const tasks: (() => Promise<void>)[] = [];
    if (retry) {
      tasks.push(async () => {
        followUp.identifierRetry = { ...unsent('identifier-retry', STOPPED), notSent: null, headerName: paid.headerName, headerValue: paid.headerValue, nonce: session.nonce, value: paid.value, paymentId: paidPaymentId };
        followUp.identifierRetry.exchange = await sendPayment(ctx, paid.headerName, paid.headerValue);
      });
    }
    if (wantsFresh) {
      tasks.push(async () => {
        const attempt = await signFresh(ctx, session, challenge, 'identifier-fresh', paidPaymentId!);
        followUp.identifierFresh = attempt;
        attempt.exchange = await sendPayment(ctx, attempt.headerName!, attempt.headerValue!);
      });
    }
    if (wantsFailure) {
      tasks.push(async () => {
        const attempt = await signFresh(ctx, session, challenge, 'pay-failure');
        attempt.bodyBytes = Buffer.byteLength(failureBody!);
        followUp.payFailure = attempt;
        attempt.exchange = await sendWithBody(ctx, attempt.headerName!, attempt.headerValue!, failureBody!);
      });
    }
    if (!paidServed) followUp.siwx.notSent = 'the paid request was not served, so there is no sign-in to honour';
    else {
      tasks.push(async () => {
        const siwx = await siwxHeader(ctx, challenge, plan);
        if ('none' in siwx) {
          followUp.siwx.notSent = siwx.none;
          return;
        }
        followUp.siwx.notSent = null;
        followUp.siwx.exchange = await sendProbedRequest(ctx, { 'sign-in-with-x': siwx.header });
      });
    }
    if (tasks.length === 0) return followUp;
    try {
      followUp.balances.before = await balanceOf();
      const sent = await Promise.allSettled(tasks.map((task) => task()));
      const failed = sent.find((s): s is PromiseRejectedResult => s.status === 'rejected');
      if (failed) throw failed.reason;
      await readAuthorizationStates(ctx, plan, session.payer, [followUp.identifierFresh, followUp.payFailure].filter((a): a is FollowUpAttempt => a !== null));
      followUp.balances.after = await balanceOf();
    } catch (error) {
      // The buyer's own setup broke (a remote signer that stopped answering): not the seller's defect.
      if (error instanceof ConfigError) throw error;
      followUp.error = errorLine(error);
      followUp.balances.error ??= followUp.error;
    }
    return followUp;
  },
});
