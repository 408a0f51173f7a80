import type { Artifacts } from '../../artifacts/index.js';
import { sameAddress } from '../../protocol/addresses.js';
import { decodeSettlement, settledAmountOf } from '../../protocol/settlement.js';
import { fail, pass, show } from '../outcome.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'pay.settlement-onchain',
  title: 'The settlement transaction settled this payment: its authorization, the price, from the buyer to payTo',
  severity: 'error',
  specRef: 'https://github.com/x402-foundation/x402/blob/main/specs/schemes/exact/scheme_exact_evm.md',
  fix: 'Report the hash of the transferWithAuthorization your facilitator mined for this payment, and settle to the payTo you advertise for the exact amount.',
  requires: ['payment', 'settlement'],
  messages: {
    ok: 'Transaction {tx} (block {block}) used this run\'s authorization (nonce {nonce}) and moved {value} atomic units of {token} from {from} to {to}.',
    unverified: 'Transaction {tx} could not be looked up ({error}): a paid probe passes only when its settlement is verified on chain.',
    notFound: 'Transaction {tx} was not found on chain {chainId}: the receipt names a transaction that did not happen{error}.',
    reverted: 'Transaction {tx} reverted: no money moved.',
    otherAuthorization: 'Transaction {tx} settled another authorization of this buyer (nonce {other}), not this run\'s (nonce {nonce}): an earlier settlement passed off as this one.',
    noAuthorization: 'Transaction {tx} did not use this run\'s authorization (no AuthorizationUsed({payer}, {nonce}) from {token}): it is not the settlement of this payment.',
    noTransfer: 'Transaction {tx} has no transfer of {token} from the buyer to {payTo}.',
    wrongRecipient: 'Transaction {tx} moved the buyer\'s {token} to {to}, not to the advertised payTo {payTo}.',
    wrongAmount: 'Transaction {tx} moved {value} atomic units; the requirement asked for {amount} (x402 v{version} needs {rule}).',
    wrongChain: 'The receipt could not be verified: the RPC reads chain {chainId}, but the payment was on {network}.',
    permit2Ok: 'Transaction {tx} (block {block}) went through the x402 {scheme} proxy, consumed this run\'s Permit2 nonce {nonce}, and moved {value} atomic units of {token} from {from} to {to}{upto}.',
    permit2Unread: 'Transaction {tx}: this run\'s Permit2 nonce could not be read ({error}): a paid probe passes only when its settlement is verified on chain.',
    permit2NonceUnused: 'Transaction {tx} did not consume this run\'s Permit2 nonce {nonce} (used before its block: {before}; at it: {at}): it is not the settlement of this payment.',
    notThroughProxy: 'Transaction {tx} was sent to {to}, not to the x402 {scheme} Permit2 proxy {proxy}: the witness (recipient{facilitator}) was not enforced by the proxy.',
    uptoOverMax: 'Transaction {tx} moved {value} atomic units, more than the {max} the buyer signed as its upto maximum.',
    uptoNoAmount: 'Transaction {tx} moved {value} atomic units, but the receipt names no settled amount: an upto receipt must say what it settled.',
    uptoReceiptMismatch: 'Transaction {tx} moved {value} atomic units, but the receipt claims {claimed}: an upto seller must settle what its receipt says.',
  },
} as const satisfies CheckMeta;

export function check({ payment, settlement, challenge }: Pick<Artifacts, 'payment' | 'settlement'> & Partial<Artifacts>): CheckOutcome {
  const plan = payment.plan;
  const tx = settlement.transaction;
  const evidence = `receipt: ${settlement.found ? `status ${settlement.status}, AuthorizationUsed ${show(settlement.authorizations)}, transfers ${show(settlement.transfers)}` : (settlement.error ?? 'not found')}`;
  // A paid probe is verified on chain or it does not pass: an unreadable receipt is a failure.
  if (settlement.chainId === null) return fail(meta, 'unverified', { tx, error: settlement.error ?? 'no chain read' }, evidence);
  if (plan.chainId !== null && settlement.chainId !== plan.chainId) return fail(meta, 'wrongChain', { chainId: settlement.chainId, network: plan.network }, evidence);
  if (!settlement.found) return fail(meta, 'notFound', { tx, chainId: settlement.chainId, error: settlement.error ? ` (${settlement.error})` : '' }, evidence);
  if (settlement.status !== 'success') return fail(meta, 'reverted', { tx }, evidence);
  if (plan.permit2) return judgePermit2(payment, settlement, evidence);
  const nonce = payment.nonce ?? '(none)';
  const byBuyer = settlement.authorizations.filter((a) => sameAddress(a.token, plan.asset) && sameAddress(a.authorizer, payment.payer));
  if (!byBuyer.some((a) => payment.nonce !== null && a.nonce.toLowerCase() === payment.nonce.toLowerCase())) {
    if (byBuyer[0]) return fail(meta, 'otherAuthorization', { tx, other: byBuyer[0].nonce, nonce }, evidence);
    return fail(meta, 'noAuthorization', { tx, payer: payment.payer, nonce, token: plan.asset }, evidence);
  }
  const fromBuyer = settlement.transfers.filter((t) => sameAddress(t.token, plan.asset) && sameAddress(t.from, payment.payer));
  const toPayTo = fromBuyer.find((t) => sameAddress(t.to, plan.payTo));
  if (!toPayTo) {
    const elsewhere = fromBuyer[0];
    if (elsewhere) return fail(meta, 'wrongRecipient', { tx, token: plan.asset, to: elsewhere.to, payTo: plan.payTo }, evidence);
    return fail(meta, 'noTransfer', { tx, token: plan.asset, payTo: plan.payTo }, evidence);
  }
  const version = challenge?.x402Version ?? 2;
  const value = BigInt(toPayTo.value);
  const amount = BigInt(plan.amount!);
  // v2 exact needs value == amount; v1 lets the buyer pay at least maxAmountRequired.
  if (version === 2 ? value !== amount : value < amount) {
    return fail(meta, 'wrongAmount', { tx, value: toPayTo.value, amount: plan.amount, version, rule: version === 2 ? 'exactly the amount' : 'at least maxAmountRequired' }, evidence);
  }
  return pass(meta, 'ok', { tx, block: settlement.blockNumber, nonce, value: toPayTo.value, token: plan.asset, from: toPayTo.from, to: toPayTo.to }, evidence);
}

/**
 * A Permit2 settlement: sent to the scheme's proxy (which enforces the witness), consuming this
 * run's Permit2 nonce in that very block, moving the buyer's tokens to payTo: exactly the amount
 * (exact), or at most the signed maximum and exactly what the receipt claims (upto).
 */
function judgePermit2(payment: Artifacts['payment'], settlement: Artifacts['settlement'], receiptEvidence: string): CheckOutcome {
  const plan = payment.plan;
  const p2 = plan.permit2!;
  const tx = settlement.transaction;
  const nonce = payment.nonce ?? '(none)';
  const evidence = `${receiptEvidence}; to ${show(settlement.to)}; Permit2 nonce ${show(settlement.permit2Nonce)}`;
  if (!sameAddress(settlement.to, p2.spender)) return fail(meta, 'notThroughProxy', { tx, to: show(settlement.to), scheme: p2.scheme, proxy: p2.spender, facilitator: p2.scheme === 'upto' ? ', facilitator' : '' }, evidence);
  if (!settlement.permit2Nonce) return fail(meta, 'permit2Unread', { tx, error: settlement.error ?? 'not read' }, evidence);
  if (settlement.permit2Nonce.usedBefore || !settlement.permit2Nonce.usedAt) {
    return fail(meta, 'permit2NonceUnused', { tx, nonce, before: settlement.permit2Nonce.usedBefore, at: settlement.permit2Nonce.usedAt }, evidence);
  }
  const fromBuyer = settlement.transfers.filter((t) => sameAddress(t.token, plan.asset) && sameAddress(t.from, payment.payer));
  const toPayTo = fromBuyer.find((t) => sameAddress(t.to, plan.payTo));
  if (!toPayTo) {
    if (fromBuyer[0]) return fail(meta, 'wrongRecipient', { tx, token: plan.asset, to: fromBuyer[0].to, payTo: plan.payTo }, evidence);
    return fail(meta, 'noTransfer', { tx, token: plan.asset, payTo: plan.payTo }, evidence);
  }
  const value = BigInt(toPayTo.value);
  let upto = '';
  if (p2.scheme === 'upto') {
    if (value > BigInt(plan.amount!)) return fail(meta, 'uptoOverMax', { tx, value: toPayTo.value, max: plan.amount }, evidence);
    const claimed = payment.paid?.exchange ? settledAmountOf(decodeSettlement(payment.paid.exchange)) : null;
    if (claimed === null) return fail(meta, 'uptoNoAmount', { tx, value: toPayTo.value }, evidence);
    if (BigInt(claimed) !== value) return fail(meta, 'uptoReceiptMismatch', { tx, value: toPayTo.value, claimed }, evidence);
    upto = ` (upto: the receipt's amount, within the signed maximum ${plan.amount})`;
  } else if (value !== BigInt(plan.amount!)) {
    return fail(meta, 'wrongAmount', { tx, value: toPayTo.value, amount: plan.amount, version: 2, rule: 'exactly the amount' }, evidence);
  }
  return pass(meta, 'permit2Ok', { tx, block: settlement.blockNumber, scheme: p2.scheme, nonce, value: toPayTo.value, token: plan.asset, from: toPayTo.from, to: toPayTo.to, upto }, evidence);
}
