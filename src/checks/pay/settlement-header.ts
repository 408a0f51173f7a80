import type { Artifacts } from '../../artifacts/index.js';
import { sameAddress } from '../../protocol/addresses.js';
import { sameNetwork } from '../../protocol/networks.js';
import { decodeSettlement, TX_HASH } from '../../protocol/settlement.js';
import { fail, pass, show, skip } from '../outcome.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'pay.settlement-header',
  title: 'The paid response carries a valid settlement receipt',
  severity: 'error',
  specRef: 'https://github.com/x402-foundation/x402/blob/main/specs/x402-specification-v2.md',
  fix: 'Settle before responding and return PAYMENT-RESPONSE (v2) or X-PAYMENT-RESPONSE (v1): base64 JSON with success, transaction, network and payer.',
  requires: ['payment'],
  messages: {
    ok: '{header} reports success: transaction {tx} on {network}.',
    notServed: 'No receipt to read: the paid request was not served.',
    missing: 'The paid response has neither PAYMENT-RESPONSE nor X-PAYMENT-RESPONSE: the buyer cannot prove it paid.',
    undecodable: '{header} does not decode: {error}.',
    notSuccess: '{header} reports success = {success}{reason}.',
    badTx: '{header} names transaction {tx}, which is not a transaction hash.',
    wrongNetwork: '{header} names network {network}, but the payment was on {expected}.',
    wrongPayer: '{header} names payer {payer}, but the probe paid from {expected}.',
  },
} as const satisfies CheckMeta;

export function check({ payment }: Pick<Artifacts, 'payment'>): CheckOutcome {
  const ex = payment.paid?.exchange;
  if (!ex || ex.status === null || ex.status < 200 || ex.status >= 300) return skip(meta, 'notServed');
  const s = decodeSettlement(ex);
  const header = s.headerName ?? 'PAYMENT-RESPONSE';
  const evidence = s.value ? `${header}: ${show(s.value)}` : s.headerName ? `${header}: ${ex.headers[header.toLowerCase()]}` : `response headers: ${Object.keys(ex.headers).join(', ')}`;
  if (s.headerName === null) return fail(meta, 'missing', {}, evidence);
  if (s.error) return fail(meta, 'undecodable', { header, error: s.error }, evidence);
  if (s.success !== true) return fail(meta, 'notSuccess', { header, success: show(s.success), reason: typeof s.errorReason === 'string' ? ` (${s.errorReason})` : '' }, evidence);
  if (typeof s.transaction !== 'string' || !TX_HASH.test(s.transaction)) return fail(meta, 'badTx', { header, tx: show(s.transaction) }, evidence);
  if (typeof s.network !== 'string' || !sameNetwork(s.network, payment.plan.network!)) {
    return fail(meta, 'wrongNetwork', { header, network: show(s.network), expected: payment.plan.network }, evidence);
  }
  if (s.payer !== undefined && !sameAddress(s.payer, payment.payer)) return fail(meta, 'wrongPayer', { header, payer: show(s.payer), expected: payment.payer }, evidence);
  return pass(meta, 'ok', { header, tx: s.transaction, network: s.network }, evidence);
}
