import type { Artifacts } from '../../artifacts/index.js';
import { sameAddress } from '../../protocol/addresses.js';
import { sameNetwork } from '../../protocol/networks.js';
import { batchCommitmentOf, decodeSettlement, TX_HASH } from '../../protocol/settlement.js';
import { fail, pass, show, skip, warn } from '../outcome.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'pay.settlement-header',
  title: 'The paid response carries a valid settlement receipt',
  severity: 'error',
  specRef: 'https://github.com/x402-foundation/x402/blob/main/specs/x402-specification-v2.md',
  fix: 'Settle before responding and return PAYMENT-RESPONSE (v2) or X-PAYMENT-RESPONSE (v1): base64 JSON with success, transaction, network and payer (a streamed answer may send it as a trailer once the stream ends).',
  requires: ['payment'],
  messages: {
    ok: '{header} reports success: transaction {tx} on {network}.',
    notServed: 'No receipt to read: the paid request was not served.',
    missing: 'The paid response has neither PAYMENT-RESPONSE nor X-PAYMENT-RESPONSE, in its headers or its trailers: the buyer cannot prove it paid.',
    streamUnfinished: 'The paid response has no receipt in its headers, and its body did not end ({why}), so a receipt sent as a trailer could not arrive: the buyer cannot prove it paid.',
    undecodable: '{header} does not decode: {error}.',
    notSuccess: '{header} reports success = {success}{reason}.',
    badTx: '{header} names transaction {tx}, which is not a transaction hash.',
    batchCommitment: '{header} is a batch-settlement commitment (channel {channel}, charged {charged}), not a transaction: the payment settles later in a batch. Verifiable today: the receipt\'s network and payer; not yet: an on-chain transfer of this payment.',
    wrongNetwork: '{header} names network {network}, but the payment was on {expected}.',
    wrongPayer: '{header} names payer {payer}, but the probe paid from {expected}.',
  },
} as const satisfies CheckMeta;

export function check({ payment }: Pick<Artifacts, 'payment'>): CheckOutcome {
  const ex = payment.paid?.exchange;
  if (!ex || ex.status === null || ex.status < 200 || ex.status >= 300) return skip(meta, 'notServed');
  const s = decodeSettlement(ex);
  const name = s.headerName ?? 'PAYMENT-RESPONSE';
  const header = s.carrier === 'trailer' ? `${name} (trailer)` : name;
  const raw = (s.carrier === 'trailer' ? ex.trailers : ex.headers)?.[name.toLowerCase()];
  const evidence = s.value
    ? `${header}: ${show(s.value)}`
    : s.headerName
      ? `${header}: ${raw}`
      : `response headers: ${Object.keys(ex.headers).join(', ')}; trailers: ${Object.keys(ex.trailers ?? {}).join(', ') || 'none'}`;
  if (s.headerName === null && (ex.bodyIncomplete || ex.bodyTruncated)) {
    const why = ex.bodyTruncated ? `it passed the ${ex.limits.bodyCap}-byte cap` : `${ex.error?.code ?? 'cut'} after ${ex.bodyBytes} bytes`;
    return fail(meta, 'streamUnfinished', { why }, evidence);
  }
  if (s.headerName === null) return fail(meta, 'missing', {}, evidence);
  if (s.error) return fail(meta, 'undecodable', { header, error: s.error }, evidence);
  if (s.success !== true) return fail(meta, 'notSuccess', { header, success: show(s.success), reason: typeof s.errorReason === 'string' ? ` (${s.errorReason})` : '' }, evidence);
  const commitment = batchCommitmentOf(s);
  if (commitment) {
    // Not "no transaction": a commitment is what batch-settlement answers; it is reported for what it is.
    const wrongNetwork = typeof s.network !== 'string' || !sameNetwork(s.network, payment.plan.network!);
    if (!wrongNetwork && (s.payer === undefined || sameAddress(s.payer, payment.payer))) return warn(meta, 'batchCommitment', { header, channel: commitment.channelId, charged: commitment.chargedAmount ?? 'not stated' }, evidence);
  }
  if (typeof s.transaction !== 'string' || !TX_HASH.test(s.transaction)) return fail(meta, 'badTx', { header, tx: show(s.transaction) }, evidence);
  if (typeof s.network !== 'string' || !sameNetwork(s.network, payment.plan.network!)) {
    return fail(meta, 'wrongNetwork', { header, network: show(s.network), expected: payment.plan.network }, evidence);
  }
  if (s.payer !== undefined && !sameAddress(s.payer, payment.payer)) return fail(meta, 'wrongPayer', { header, payer: show(s.payer), expected: payment.payer }, evidence);
  return pass(meta, 'ok', { header, tx: s.transaction, network: s.network }, evidence);
}
