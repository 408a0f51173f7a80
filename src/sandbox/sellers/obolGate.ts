import type { IncomingMessage, ServerResponse } from 'node:http';
import { encodePaymentRequiredHeader, encodePaymentResponseHeader } from '@x402/core/http';
import { BodyTooLargeError, listenLoopback, readBody, sendJson } from '../httpServer.js';
import { USDC_ADDRESS } from '../usdc.js';
import {
  applyCitizenHeaders,
  forwardToUpstream,
  MAX_FORWARD_BYTES,
  REGISTRATION_PATH,
  registrationHolder,
  SANDBOX_AMOUNT,
  sellerInfo,
  type StartedSeller,
  type StartSellerParameters,
} from './common.js';

/** obol-stack publishes an offer under /services/<name>/ and strips that prefix before the upstream. */
const PREFIX = '/services/qwen';
const PAID_PATH = `${PREFIX}/v1/chat/completions`;
const LEGACY_NAMES: Record<string, string> = { 'eip155:84532': 'base-sepolia' };

type Json = Record<string, unknown>;

interface Requirement {
  scheme: 'exact';
  network: string;
  amount: string;
  asset: string;
  payTo: string;
  maxTimeoutSeconds: number;
  extra: { name: string; version: string; assetTransferMethod: string };
}

const sameNetwork = (a: unknown, b: string) => a === b || (typeof a === 'string' && (LEGACY_NAMES[a] === b || LEGACY_NAMES[b] === a));
const lower = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : v);

/** Standard base64 of a JSON object, or null (the gate's "invalid_payment_header"). */
function decodeHeader(value: string): Json | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value.trim())) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value.trim(), 'base64').toString('utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Json) : null;
  } catch {
    return null;
  }
}

function v1Requirement(requirement: Requirement): Json {
  const { amount, ...rest } = requirement;
  return { ...rest, network: LEGACY_NAMES[requirement.network] ?? requirement.network, maxAmountRequired: amount, mimeType: 'application/json' };
}

/** Signatures with v = 0/1 are rewritten to 27/28 before verify, as the obol verifier does. */
function normaliseSignature(payload: Json): Json {
  const inner = payload.payload as Json | undefined;
  const signature = inner?.signature;
  if (typeof signature !== 'string' || !/^0x[0-9a-fA-F]{130}$/.test(signature)) return payload;
  const v = Number.parseInt(signature.slice(130), 16);
  if (v > 1) return payload;
  return { ...payload, payload: { ...inner, signature: `${signature.slice(0, 130)}${(v + 27).toString(16)}` } };
}

/**
 * An obol-stack style gate (x402-verifier ForwardAuth + the `obol sell inference` gateway, which is
 * the settling one): 402 with a JSON PaymentRequired v2 body mirrored in PAYMENT-REQUIRED, CAIP-2
 * entries plus their legacy-name twins, X-PAYMENT then PAYMENT-SIGNATURE, verify through the
 * facilitator, forward, settle only when the upstream answered < 400.
 */
export async function startObolGate(parameters: StartSellerParameters): Promise<StartedSeller> {
  const description = 'Ollama OpenAI-compatible chat behind an obol-stack style x402 gate (x402 v2, JSON 402 body)';
  const registration = registrationHolder();
  const base: Requirement = {
    scheme: 'exact',
    network: 'eip155:84532',
    amount: SANDBOX_AMOUNT,
    asset: USDC_ADDRESS,
    payTo: parameters.payTo,
    maxTimeoutSeconds: 60,
    extra: { name: 'USDC', version: '2', assetTransferMethod: 'eip3009' },
  };
  const accepts: Requirement[] = [base, { ...base, network: LEGACY_NAMES[base.network] }];

  const resourceUrl = (req: IncomingMessage): string => {
    const host = (req.headers['x-forwarded-host'] as string | undefined) ?? req.headers.host ?? '127.0.0.1';
    const uri = (req.headers['x-forwarded-uri'] as string | undefined) ?? req.url ?? '/';
    return `http://${host}${uri}`;
  };

  const challenge = (req: IncomingMessage, res: ServerResponse, error = 'Payment required for this resource', failure?: Json): void => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const body: Json = {
      x402Version: 2,
      error,
      resource: { url: resourceUrl(req), description: `Payment required for ${path}`, mimeType: 'application/json' },
      accepts,
      ...(failure ? { extensions: { paymentFailure: failure } } : {}),
    };
    sendJson(res, 402, body, { 'PAYMENT-REQUIRED': encodePaymentRequiredHeader(body as never) });
  };

  const postFacilitator = async (kind: 'verify' | 'settle', payload: Json, requirement: Json): Promise<{ ok: true; body: Json } | { ok: false; reason: string; detail: string }> => {
    let response: Response;
    try {
      response = await fetch(`${parameters.facilitatorUrl}/${kind}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ x402Version: payload.x402Version === 1 ? 1 : 2, paymentPayload: payload, paymentRequirements: requirement }),
        signal: AbortSignal.timeout(kind === 'verify' ? 5_000 : 60_000),
      });
    } catch (error) {
      return { ok: false, reason: 'facilitator_unreachable', detail: String((error as Error)?.message ?? error) };
    }
    const text = await response.text();
    if (!response.ok) return { ok: false, reason: 'facilitator_error', detail: `HTTP ${response.status}: ${text.slice(0, 200)}` };
    try {
      return { ok: true, body: JSON.parse(text) as Json };
    } catch {
      return { ok: false, reason: 'facilitator_error', detail: 'facilitator answered with invalid JSON' };
    }
  };

  const handlePaid = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const header = (req.headers['x-payment'] as string | undefined) ?? (req.headers['payment-signature'] as string | undefined);
    if (!header) return challenge(req, res);
    const decoded = decodeHeader(header);
    if (!decoded || typeof decoded.payload !== 'object' || decoded.payload === null) {
      return sendJson(res, 400, { error: 'Invalid payment header', reason: 'invalid_payment_header', retriable: false });
    }
    const accepted = (decoded.accepted ?? decoded) as Json;
    const matched = accepts.find(
      (r) =>
        accepted.scheme === r.scheme &&
        sameNetwork(accepted.network, r.network) &&
        (decoded.x402Version !== 2 || (accepted.amount === r.amount && lower(accepted.asset) === lower(r.asset) && lower(accepted.payTo) === lower(r.payTo))),
    );
    if (!matched) return challenge(req, res, 'No matching payment requirement', { reason: 'no_matching_requirement' });
    // A v2 payment is verified in CAIP-2 terms whichever twin the buyer picked; a v1 payment
    // (legacy top-level scheme/network) needs the v1 requirement shape.
    const requirement: Json =
      decoded.x402Version === 1
        ? { ...v1Requirement(matched), resource: resourceUrl(req), description }
        : { ...matched, network: base.network };
    const payload = normaliseSignature(decoded);

    const verified = await postFacilitator('verify', payload, requirement);
    if (!verified.ok) return sendJson(res, 503, { error: 'Payment verification unavailable', reason: verified.reason, detail: verified.detail, retriable: verified.reason === 'facilitator_unreachable' });
    if (verified.body.isValid !== true) {
      const detail = String(verified.body.invalidReason ?? 'invalid payment');
      const hint = /signature/i.test(detail) ? `sign with the advertised EIP-712 domain name "${base.extra.name}" version "${base.extra.version}"` : 'sign a fresh authorization for the advertised requirement';
      return challenge(req, res, `Payment invalid: ${detail} — ${hint}`, { reason: 'payment_invalid', detail, hint });
    }

    let body: Buffer;
    try {
      body = await readBody(req, MAX_FORWARD_BYTES);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return sendJson(res, 413, { error: error.message });
      throw error;
    }
    const upstreamPath = (req.url ?? '/').slice(PREFIX.length) || '/';
    const reply = await forwardToUpstream(parameters.upstreamUrl, upstreamPath, req.method ?? 'POST', body, req.headers['content-type']);
    if (reply.status >= 400) {
      res.writeHead(reply.status, { 'content-type': reply.contentType });
      res.end(reply.body);
      return;
    }
    const settled = await postFacilitator('settle', payload, requirement);
    if (!settled.ok) return sendJson(res, 503, { error: 'Payment settlement failed', reason: 'settlement_failed', detail: settled.detail, retriable: false });
    if (settled.body.success !== true) {
      return challenge(req, res, `Payment settlement rejected: ${String(settled.body.errorReason ?? 'unknown')}`, { reason: 'settlement_rejected', detail: settled.body.errorReason });
    }
    // The facilitator's fields as it sent them: the gate relays, it does not validate.
    const receipt = encodePaymentResponseHeader({ success: true, transaction: settled.body.transaction, network: settled.body.network ?? base.network, payer: settled.body.payer } as never);
    res.writeHead(reply.status, { 'content-type': reply.contentType, 'X-PAYMENT-RESPONSE': receipt, 'PAYMENT-RESPONSE': receipt });
    res.end(reply.body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (applyCitizenHeaders(req, res)) return;
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === REGISTRATION_PATH && (req.method === 'GET' || req.method === 'HEAD')) {
      const document = registration.get();
      return document ? sendJson(res, 200, document) : sendJson(res, 404, { error: 'agent not registered yet' });
    }
    if (path === PREFIX || path.startsWith(`${PREFIX}/`)) return handlePaid(req, res);
    return sendJson(res, 404, { error: 'not found' });
  };

  const server = await listenLoopback((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.destroy();
    });
  });
  return {
    seller: sellerInfo('obol-gate', 2, server.origin, PAID_PATH, 'eip155:84532', parameters.payTo),
    description,
    setRegistration: registration.set,
    close: server.close,
  };
}
