import type { IncomingMessage, ServerResponse } from 'node:http';
import { encodePaymentResponseHeader } from '@x402/core/http';
import { BodyTooLargeError, listenLoopback, readBody, sendJson } from '../httpServer.js';
import { MAX_FORWARD_BYTES, REGISTRATION_PATH, registrationHolder, SANDBOX_AMOUNT, sellerInfo, type StartedSeller, type StartSellerParameters } from './common.js';
import {
  type Json,
  LEGACY_NAMES,
  obolChallengeHeaders,
  obolError,
  obolPaymentPage,
  obolPaymentRequired,
  obolRequirements,
  obolResourceUrl,
  type ObolRequirement,
  prefersHtml,
  sameObolNetwork,
} from './obolShape.js';

/** obol-stack publishes an offer under /services/<name>/ and strips that prefix before the upstream. */
const PREFIX = '/services/qwen';
const PAID_PATH = `${PREFIX}/v1/chat/completions`;
const RECEIPT_TRAILERS = 'X-PAYMENT-RESPONSE, PAYMENT-RESPONSE';

/**
 * How the gate handles a verified payment:
 * - `proxy`: obol's `HandleProxy` (every ServiceOffer route): forward, then settle once the upstream
 *   answers below 400, before that status reaches the buyer; a streamed (SSE) answer is settled after
 *   it ends and the receipt travels in trailers.
 * - `forward-auth`: obol's older `HandleVerify` (static routes): verify only. No settlement, no
 *   receipt, no nonce memory, so a replay is served. A buyer must be warned.
 * - `settle-before-serve`: settles in the auth hop before the upstream has served, so a failing
 *   upstream still charges the buyer (the invariant obol's ForwardAuth code states, broken).
 */
export type ObolGateMode = 'proxy' | 'forward-auth' | 'settle-before-serve';

export interface StartObolGateParameters extends StartSellerParameters {
  mode?: ObolGateMode;
}

/** Standard base64 of a JSON object, or null (obol's `invalid_payment_header`). */
function decodeHeader(value: string): Json | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value.trim())) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value.trim(), 'base64').toString('utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Json) : null;
  } catch {
    return null;
  }
}

function v1Requirement(requirement: ObolRequirement): Json {
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

/** A v2 payment matches obol's way: scheme, network (either name), amount, and asset and payTo compared case-sensitively. */
function findRequirement(decoded: Json, accepts: ObolRequirement[]): ObolRequirement | undefined {
  const accepted = (decoded.accepted ?? decoded) as Json;
  return accepts.find(
    (r) => accepted.scheme === r.scheme && sameObolNetwork(accepted.network, r.network) && (decoded.x402Version !== 2 || (accepted.amount === r.amount && accepted.asset === r.asset && accepted.payTo === r.payTo)),
  );
}

type FacilitatorAnswer = { ok: true; body: Json } | { ok: false; reason: 'facilitator_unreachable' | 'facilitator_error'; detail: string };

/**
 * An obol-stack x402 verifier in front of the fake Ollama: JSON 402 (or an HTML page for a browser)
 * with PAYMENT-REQUIRED and the catalog Link, CAIP-2 entries and their legacy-name twins, X-PAYMENT
 * or PAYMENT-SIGNATURE verified through the facilitator, errors answered as obol answers them.
 */
export async function startObolGate(parameters: StartObolGateParameters): Promise<StartedSeller> {
  const mode = parameters.mode ?? 'proxy';
  const description = 'Ollama OpenAI-compatible chat behind an obol-stack style x402 verifier (x402 v2, JSON 402 body)';
  const registration = registrationHolder();
  const { canonical, accepts } = obolRequirements(SANDBOX_AMOUNT, parameters.payTo);

  const challenge = (req: IncomingMessage, res: ServerResponse, failure?: { reason: string; detail?: string; hint?: string }): void => {
    const body = obolPaymentRequired({ req, accepts, facilitator: parameters.facilitatorUrl, failure });
    if (prefersHtml(req.headers.accept)) {
      res.writeHead(402, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(obolPaymentPage(body));
      return;
    }
    const bytes = Buffer.from(JSON.stringify(body));
    res.writeHead(402, obolChallengeHeaders(bytes));
    res.end(bytes);
  };

  const postFacilitator = async (kind: 'verify' | 'settle', payload: Json, requirement: Json): Promise<FacilitatorAnswer> => {
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

  /** Settle; on success the receipt (the facilitator's fields as it sent them: obol relays, it does not validate). */
  const settle = async (req: IncomingMessage, res: ServerResponse, payload: Json, requirement: Json): Promise<string | null> => {
    const settled = await postFacilitator('settle', payload, requirement);
    if (!settled.ok) {
      if (!res.headersSent) sendJson(res, 503, obolError('Payment settlement failed', 'settlement_failed', false, settled.detail));
      return null;
    }
    if (settled.body.success !== true) {
      if (!res.headersSent) challenge(req, res, { reason: 'settlement_rejected', detail: String(settled.body.errorReason ?? 'unknown') });
      return null;
    }
    return encodePaymentResponseHeader({ success: true, transaction: settled.body.transaction, network: settled.body.network ?? canonical.network, payer: settled.body.payer } as never);
  };

  const handlePaid = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const header = (req.headers['x-payment'] as string | undefined) ?? (req.headers['payment-signature'] as string | undefined);
    if (!header) return challenge(req, res);
    const decoded = decodeHeader(header);
    if (!decoded || typeof decoded.payload !== 'object' || decoded.payload === null) {
      return sendJson(res, 400, obolError('Invalid payment header', 'invalid_payment_header', false, 'send base64 of the x402 PaymentPayload JSON'));
    }
    const matched = findRequirement(decoded, accepts);
    if (!matched) return challenge(req, res, { reason: 'no_matching_requirement', detail: 'no advertised requirement matches the payment', hint: 'echo one accepts entry exactly' });
    // A v2 payment is verified in CAIP-2 terms whichever twin the buyer picked; a v1 payment
    // (legacy top-level scheme/network) needs the v1 requirement shape.
    const requirement: Json = decoded.x402Version === 1 ? { ...v1Requirement(matched), resource: obolResourceUrl(req), description } : { ...matched, network: canonical.network };
    const payload = normaliseSignature(decoded);

    const verified = await postFacilitator('verify', payload, requirement);
    if (!verified.ok) return sendJson(res, 503, obolError('Payment verification unavailable', verified.reason, verified.reason === 'facilitator_unreachable', verified.detail));
    if (verified.body.isValid !== true) {
      const detail = String(verified.body.invalidReason ?? 'invalid payment');
      const hint = /signature/i.test(detail) ? `sign with the advertised EIP-712 domain name "${canonical.extra.name}" version "${canonical.extra.version}"` : 'sign a fresh authorization for the advertised requirement';
      return challenge(req, res, { reason: 'payment_invalid', detail, hint });
    }

    let receipt: string | null = null;
    if (mode === 'settle-before-serve') {
      receipt = await settle(req, res, payload, requirement);
      if (receipt === null) return;
    }
    let body: Buffer;
    try {
      body = await readBody(req, MAX_FORWARD_BYTES);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return sendJson(res, 413, { error: error.message });
      throw error;
    }
    const upstream = await openUpstream(parameters.upstreamUrl, (req.url ?? '/').slice(PREFIX.length) || '/', req.method ?? 'POST', body, req.headers['content-type']);
    const contentType = upstream.headers.get('content-type') ?? 'application/octet-stream';
    const receiptHeaders = (value: string | null): Record<string, string> => (value ? { 'X-PAYMENT-RESPONSE': value, 'PAYMENT-RESPONSE': value } : {});
    if (upstream.status >= 400 || mode !== 'proxy') {
      res.writeHead(upstream.status, { 'content-type': contentType, ...receiptHeaders(receipt) });
      res.end(await upstream.bytes());
      return;
    }
    if (contentType.toLowerCase().startsWith('text/event-stream')) {
      res.writeHead(upstream.status, { 'content-type': contentType, 'cache-control': 'no-cache', Trailer: RECEIPT_TRAILERS });
      const delivered = await upstream.pipe(res);
      // obol settles a stream only once the buyer has it all: nothing written, or a buyer gone, is not charged.
      if (delivered > 0 && !res.destroyed) {
        receipt = await settle(req, res, payload, requirement);
        if (receipt) res.addTrailers(receiptHeaders(receipt));
      }
      res.end();
      return;
    }
    const reply = await upstream.bytes();
    receipt = await settle(req, res, payload, requirement);
    if (receipt === null) return;
    res.writeHead(upstream.status, { 'content-type': contentType, ...receiptHeaders(receipt) });
    res.end(reply);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
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
    seller: sellerInfo('obol-gate', 2, server.origin, PAID_PATH, canonical.network, parameters.payTo),
    description,
    setRegistration: registration.set,
    close: server.close,
  };
}

interface OpenUpstream {
  status: number;
  headers: Headers;
  /** The whole answer, capped. */
  bytes(): Promise<Buffer>;
  /** Copy the answer to `res` as it arrives (without ending it); the bytes written. */
  pipe(res: ServerResponse): Promise<number>;
}

/** Forward a paid request to the upstream without buffering it, so a stream stays a stream. */
async function openUpstream(upstreamUrl: string, path: string, method: string, body: Buffer, contentType?: string): Promise<OpenUpstream> {
  let response: Response;
  try {
    response = await fetch(`${upstreamUrl}${path}`, {
      method,
      headers: contentType ? { 'content-type': contentType } : {},
      body: method === 'GET' || method === 'HEAD' ? undefined : new Uint8Array(body),
      signal: AbortSignal.timeout(30_000),
      redirect: 'manual',
    });
  } catch (error) {
    const text = Buffer.from(JSON.stringify({ error: `upstream unreachable: ${String((error as Error)?.message ?? error)}` }));
    return { status: 502, headers: new Headers({ 'content-type': 'application/json' }), bytes: async () => text, pipe: async (res) => (res.write(text), text.length) };
  }
  return {
    status: response.status,
    headers: response.headers,
    bytes: async () => Buffer.from(await response.arrayBuffer()).subarray(0, MAX_FORWARD_BYTES),
    pipe: async (res) => {
      let written = 0;
      if (!response.body) return 0;
      // Node's web streams are async iterable; the DOM lib some test types pull in does not say so.
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        if (res.destroyed || written >= MAX_FORWARD_BYTES) break;
        res.write(chunk);
        written += chunk.length;
      }
      return written;
    },
  };
}
