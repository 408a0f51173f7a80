/** Builders for the paid-session artifacts (PaymentSession, SettlementReceipt). */
import type { FollowUpAttempt, FollowUpSession, HttpExchange, PaymentAttempt, PaymentSession, SettlementReceipt } from '../../src/artifacts/index.js';
import type { PaymentPlan } from '../../src/artifacts/index.js';
import { BASE_SEPOLIA_USDC, PAY_TO, b64, exchange } from './artifacts.js';

export const PAYER = '0x90F79bf6EB2c4f870365E785982E1f101E93b906';
export const TX = `0x${'ab'.repeat(32)}`;
/** The nonce every authorization of the session() below shares. */
export const NONCE = `0x${'01'.repeat(32)}`;

export function plan(overrides: Partial<PaymentPlan> = {}): PaymentPlan {
  return {
    requirementIndex: 0, network: 'eip155:84532', chainId: 84532, asset: BASE_SEPOLIA_USDC, payTo: PAY_TO, amount: '10000',
    decimals: 6, decimalsSource: 'known-asset', symbol: 'USDC', maxAmount: '0.01', capAtomic: '10000', maxTotal: null, totalCapAtomic: '10000', validitySeconds: 60, maxValiditySeconds: 3600,
    chainRead: 84532, mainnet: false, mainnetAllowed: false, expectPayTo: null, refused: null,
    ...overrides,
  };
}

export function settlementHeader(value: Record<string, unknown> = {}): Record<string, string> {
  return { 'payment-response': b64({ success: true, transaction: TX, network: 'eip155:84532', payer: PAYER, ...value }) };
}

export function paidExchange(status: number, overrides: Partial<HttpExchange> = {}): HttpExchange {
  const served = status >= 200 && status < 300;
  return exchange({
    status,
    body: served ? '{"answer":42}' : '{}',
    bodyBytes: served ? 13 : 2,
    headers: served ? settlementHeader() : {},
    ...overrides,
  });
}

export function payAttempt(kind: PaymentAttempt['kind'], ex: HttpExchange | null): PaymentAttempt {
  return { kind, requirementIndex: 0, headerName: 'PAYMENT-SIGNATURE', headerValue: 'e30=', payer: PAYER, value: '10000', exchange: ex };
}

/** A session in which a careful seller served the paid request and refused every attack. */
export function session(overrides: Partial<PaymentSession> = {}): PaymentSession {
  return {
    plan: plan(),
    payer: PAYER,
    signerKind: 'key-env',
    underpaid: payAttempt('underpaid', paidExchange(402)),
    wrongRecipient: payAttempt('wrong-recipient', paidExchange(402)),
    expired: payAttempt('expired', paidExchange(402)),
    paid: payAttempt('paid', paidExchange(200)),
    replay: payAttempt('replay', paidExchange(402)),
    nonce: NONCE,
    balances: {
      before: { payer: '1000000', payTo: '0' },
      afterPaid: { payer: '990000', payTo: '10000' },
      afterReplay: { payer: '990000', payTo: '10000' },
      error: null,
    },
    error: null,
    ...overrides,
  };
}

export function receipt(overrides: Partial<SettlementReceipt> = {}): SettlementReceipt {
  return {
    transaction: TX, found: true, status: 'success', blockNumber: '7', chainId: 84532,
    transfers: [{ token: BASE_SEPOLIA_USDC, from: PAYER, to: PAY_TO, value: '10000' }],
    authorizations: [{ token: BASE_SEPOLIA_USDC, authorizer: PAYER, nonce: NONCE }],
    error: null,
    ...overrides,
  };
}

/** The nonce of the follow-ups' fresh authorizations below. */
export const FRESH_NONCE = `0x${'02'.repeat(32)}`;
export const PAYMENT_ID = 'pay_0123456789abcdef0123456789abcdef';

/** A follow-up sent and answered; `authorizationUsed` false (a careful seller settled nothing). */
export function followUpAttempt(kind: FollowUpAttempt['kind'], ex: HttpExchange | null, overrides: Partial<FollowUpAttempt> = {}): FollowUpAttempt {
  const fresh = kind !== 'identifier-retry';
  return {
    kind, notSent: null, headerName: 'PAYMENT-SIGNATURE', headerValue: 'e30=', nonce: fresh ? FRESH_NONCE : NONCE, value: '10000',
    paymentId: kind === 'pay-failure' ? null : PAYMENT_ID, bodyBytes: kind === 'pay-failure' ? 20 : null, exchange: ex, authorizationUsed: fresh ? false : true,
    ...overrides,
  };
}

/** Follow-ups of a careful seller with a budget of three prices: the retry cached, the fresh one refused, the failure unsettled. */
export function followUp(overrides: Partial<FollowUpSession> = {}): FollowUpSession {
  return {
    budget: { totalCapAtomic: '30000', priceAtomic: '10000', extraPrices: 2 },
    paidPaymentId: PAYMENT_ID,
    paidTransaction: TX,
    identifierRetry: followUpAttempt('identifier-retry', paidExchange(200)),
    identifierFresh: followUpAttempt('identifier-fresh', paidExchange(409)),
    payFailure: followUpAttempt('pay-failure', paidExchange(404)),
    siwx: { notSent: null, exchange: paidExchange(200, { headers: {} }) },
    balances: { before: { payer: '990000', payTo: '10000' }, after: { payer: '990000', payTo: '10000' }, error: null },
    error: null,
    ...overrides,
  };
}
