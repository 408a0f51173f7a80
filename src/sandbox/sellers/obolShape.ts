/**
 * What obol-stack's x402 verifier puts on the wire, as data: its requirements (each CAIP-2 entry
 * followed by its legacy-name twin), its JSON 402 body and headers, its HTML 402 page and its error
 * bodies. Facts: reference/x402-now.md, "obol's verifier in detail".
 */
import { declareDiscoveryExtension } from '@x402/extensions/bazaar';
import type { IncomingMessage } from 'node:http';
import { USDC_ADDRESS } from '../usdc.js';

export type Json = Record<string, unknown>;

export const LEGACY_NAMES: Readonly<Record<string, string>> = { 'eip155:84532': 'base-sepolia' };
/** obol's verifier lets a buyer echo the legacy name; the facilitator always gets the CAIP-2 one. */
export const sameObolNetwork = (a: unknown, b: string): boolean => a === b || (typeof a === 'string' && (LEGACY_NAMES[a] === b || LEGACY_NAMES[b] === a));

/** obol's default validity window for an authorization. */
export const OBOL_MAX_TIMEOUT_SECONDS = 600;
export const OBOL_SERVICE_NAME = 'Obol Stack';
export const OBOL_CATALOG_LINK = '</api/services.json>; rel="catalog"';

export interface ObolRequirement {
  scheme: 'exact';
  network: string;
  amount: string;
  asset: string;
  payTo: string;
  maxTimeoutSeconds: number;
  extra: { name: string; version: string; assetTransferMethod: string };
}

/** USDC via EIP-3009 on Base Sepolia, then the same entry under the legacy network name. */
export function obolRequirements(amount: string, payTo: string): { canonical: ObolRequirement; accepts: ObolRequirement[] } {
  const canonical: ObolRequirement = {
    scheme: 'exact',
    network: 'eip155:84532',
    amount,
    asset: USDC_ADDRESS,
    payTo,
    maxTimeoutSeconds: OBOL_MAX_TIMEOUT_SECONDS,
    extra: { name: 'USDC', version: '2', assetTransferMethod: 'eip3009' },
  };
  return { canonical, accepts: [canonical, { ...canonical, network: LEGACY_NAMES[canonical.network] }] };
}

/** The resource URL as obol builds it: X-Forwarded-Host and -Uri first, http only for a local host. */
export function obolResourceUrl(req: IncomingMessage): string {
  const host = (req.headers['x-forwarded-host'] as string | undefined) ?? req.headers.host ?? '127.0.0.1';
  const uri = (req.headers['x-forwarded-uri'] as string | undefined) ?? req.url ?? '/';
  const local = /^(localhost|127\.|\[::1\])/.test(host);
  return `${local && req.headers['x-forwarded-proto'] !== 'https' ? 'http' : 'https'}://${host}${uri}`;
}

/**
 * The bazaar discovery extension obol adds to every 402: how to call the offer. Built with the
 * official declaration (info plus its JSON schema), with the method filled in as a server does.
 */
export function obolBazaar(method: string): Json {
  const upper = method.toUpperCase();
  const declared = ['POST', 'PUT', 'PATCH'].includes(upper)
    ? declareDiscoveryExtension({ bodyType: 'json', input: { model: 'qwen3:0.6b', messages: [{ role: 'user', content: 'hello' }] }, output: { example: { choices: [] } } })
    : declareDiscoveryExtension({ input: {}, output: { example: {} } });
  const bazaar = structuredClone(declared.bazaar) as unknown as { info: { input: Record<string, unknown> } } & Json;
  bazaar.info.input.method = upper;
  return bazaar;
}

export interface ObolChallengeParameters {
  req: IncomingMessage;
  accepts: ObolRequirement[];
  /** The facilitator URL, disclosed top-level for legacy (Bankr-style) readers. */
  facilitator: string;
  /** On a re-issued challenge: why the payment was refused. */
  failure?: { reason: string; detail?: string; hint?: string };
}

/** The JSON 402 body, key for key as obol's `paymentRequiredBody` builds it. */
export function obolPaymentRequired({ req, accepts, facilitator, failure }: ObolChallengeParameters): Json {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  let error = 'Payment required for this resource';
  if (failure) error = `Payment invalid${failure.detail ? `: ${failure.detail}` : ''}${failure.hint ? ` — ${failure.hint}` : ''}`;
  const extensions: Json = { bazaar: obolBazaar(req.method ?? 'POST') };
  if (failure) extensions.paymentFailure = { reason: failure.reason, ...(failure.detail ? { detail: failure.detail } : {}), ...(failure.hint ? { hint: failure.hint } : {}) };
  return {
    x402Version: 2,
    error,
    resource: { url: obolResourceUrl(req), description: `Payment required for ${path}`, mimeType: 'application/json', serviceName: OBOL_SERVICE_NAME, iconUrl: new URL('/obol-stack-logo.png', obolResourceUrl(req)).toString() },
    accepts,
    extensions,
    facilitator,
  };
}

/** The headers of obol's JSON 402: no CORS and no Cache-Control (real obol sends neither). */
export function obolChallengeHeaders(bodyBytes: Buffer): Record<string, string> {
  return { 'content-type': 'application/json', 'PAYMENT-REQUIRED': bodyBytes.toString('base64'), Link: OBOL_CATALOG_LINK };
}

/** Whether the Accept header asks for a page (text/html or XHTML anywhere in it), as obol decides. */
export function prefersHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  return accept.split(',').some((part) => /^(text\/html|application\/xhtml\+xml)$/i.test(part.split(';')[0].trim()));
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** obol's HTML 402 for browsers: the offer, its price and the JSON challenge for agents to copy. */
export function obolPaymentPage(body: Json): string {
  const first = (body.accepts as ObolRequirement[])[0];
  return [
    '<!doctype html><html><head><meta charset="utf-8"><title>Payment required — Obol Stack</title></head><body>',
    `<h1>Payment required</h1><p>${escapeHtml(String(first.amount))} atomic units of ${escapeHtml(first.asset)} on ${escapeHtml(first.network)}, settled via x402.</p>`,
    `<pre>${escapeHtml(JSON.stringify(body, null, 2))}</pre></body></html>`,
  ].join('');
}

/** obol's error bodies: a message, a machine reason, whether a retry can help, and a hint. */
export function obolError(error: string, reason: string, retriable: boolean, hint?: string): Json {
  return { error, reason, retriable, ...(hint ? { hint } : {}) };
}
