import { Base64EncodedRegex } from '@x402/core/utils';
import type { HttpExchange } from '../artifacts/index.js';
import { errorLine } from '../util/errorLine.js';

/** A settlement receipt header (`PAYMENT-RESPONSE` in v2, `X-PAYMENT-RESPONSE` in v1), decoded. */
export interface DecodedSettlement {
  /** Which header carried it, or null when neither is present. */
  headerName: 'PAYMENT-RESPONSE' | 'X-PAYMENT-RESPONSE' | null;
  /** Where it came: the response headers, or the trailers after a streamed body; null when absent. */
  carrier: 'header' | 'trailer' | null;
  /** Why it did not decode, when it did not. */
  error: string | null;
  success: unknown;
  transaction: unknown;
  network: unknown;
  payer: unknown;
  errorReason: unknown;
  /** The decoded JSON object. */
  value: Record<string, unknown> | null;
}

const hasReceipt = (fields: Record<string, string> | undefined): fields is Record<string, string> =>
  fields !== undefined && (fields['payment-response'] !== undefined || fields['x-payment-response'] !== undefined);

/**
 * Decode the settlement receipt the way the reference client does: `PAYMENT-RESPONSE` first,
 * then `X-PAYMENT-RESPONSE`; standard base64 of a JSON object. The headers are read first; when
 * they hold neither, the trailers are (obol settles a streamed answer once it ends and sends the
 * receipt as a trailer).
 */
export function decodeSettlement(response: Pick<HttpExchange, 'headers' | 'trailers'>): DecodedSettlement {
  const fromTrailers = !hasReceipt(response.headers) && hasReceipt(response.trailers);
  const fields = fromTrailers ? (response.trailers as Record<string, string>) : response.headers;
  const v2 = fields['payment-response'];
  const v1 = fields['x-payment-response'];
  const headerName = v2 !== undefined ? 'PAYMENT-RESPONSE' : v1 !== undefined ? 'X-PAYMENT-RESPONSE' : null;
  const carrier = headerName === null ? null : fromTrailers ? 'trailer' : 'header';
  const empty: DecodedSettlement = { headerName, carrier, error: null, success: undefined, transaction: undefined, network: undefined, payer: undefined, errorReason: undefined, value: null };
  if (headerName === null) return empty;
  const raw = (v2 ?? v1 ?? '').trim();
  if (!raw || !Base64EncodedRegex.test(raw)) return { ...empty, error: 'not standard base64' };
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(raw, 'base64').toString('utf8'));
  } catch (error) {
    return { ...empty, error: `not JSON: ${errorLine(error)}` };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { ...empty, error: 'not a JSON object' };
  const v = value as Record<string, unknown>;
  return { headerName, carrier, error: null, success: v.success, transaction: v.transaction, network: v.network, payer: v.payer, errorReason: v.errorReason, value: v };
}

export const TX_HASH = /^0x[0-9a-fA-F]{64}$/;

/**
 * A batch-settlement receipt (specs/schemes/batch-settlement/): success with no transaction, the
 * payment committed to a payment channel (`extra.channelState.channelId`) that settles later in a
 * batch. What it can show today: the channel, the charged amount and the payer; not a transfer.
 */
export function batchCommitmentOf(s: Pick<DecodedSettlement, 'value' | 'transaction'>): { channelId: string; chargedAmount: string | null } | null {
  if (s.value === null || (typeof s.transaction === 'string' && TX_HASH.test(s.transaction))) return null;
  const extra = s.value.extra as { channelState?: { channelId?: unknown }; chargedAmount?: unknown } | undefined;
  const channelId = extra?.channelState?.channelId;
  if (typeof channelId !== 'string' || !/^0x[0-9a-fA-F]{64}$/.test(channelId)) return null;
  return { channelId, chargedAmount: typeof extra?.chargedAmount === 'string' ? extra.chargedAmount : null };
}

/** The amount a receipt says was settled (`amount`, atomic; upto settles at most the signed maximum), or null when it names none. */
export function settledAmountOf(s: Pick<DecodedSettlement, 'value'>): string | null {
  const amount = s.value?.amount;
  return typeof amount === 'string' && /^[0-9]{1,78}$/.test(amount) ? amount : null;
}
