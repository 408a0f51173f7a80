/**
 * Small builders for hand-made artifacts, so each check's unit test reads as
 * "this response in, this outcome out".
 */
import type { Artifacts, ChallengeArtifact, HttpExchange, PaymentAttempt, TargetArtifact, TokenInfo } from '../../src/artifacts/index.js';
import { decodeChallenge } from '../../src/protocol/decodeChallenge.js';

export const BASE_SEPOLIA_USDC = '0x036CbD53842c5426634e7929541eC2318f3dCF7e';
export const PAY_TO = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
export const URL = 'https://api.example.com/weather';

export function target(overrides: Partial<TargetArtifact> = {}): TargetArtifact {
  return {
    url: URL,
    method: 'GET',
    startedAt: '2026-11-25T12:00:00.000Z',
    nowSeconds: 1795608000,
    loopback: false,
    expect: {},
    rpc: false,
    ...overrides,
  };
}

export function exchange(overrides: Partial<HttpExchange> = {}): HttpExchange {
  return {
    request: { url: overrides.finalUrl ?? URL, method: 'GET', headers: {}, bodyBytes: 0 },
    finalUrl: URL,
    redirects: [],
    status: 402,
    headers: {},
    headerBytes: 100,
    body: '',
    bodyBytes: 0,
    bodyTruncated: false,
    bodyIncomplete: false,
    timings: { headersMs: 5, totalMs: 6 },
    limits: { timeoutMs: 10_000, bodyCap: 1024 * 1024, headerCap: 64 * 1024, maxRedirects: 5 },
    error: null,
    ...overrides,
  };
}

/** A v2 requirement as the reference server emits it. */
export function v2Requirement(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    scheme: 'exact',
    network: 'eip155:84532',
    amount: '10000',
    asset: BASE_SEPOLIA_USDC,
    payTo: PAY_TO,
    maxTimeoutSeconds: 60,
    extra: { name: 'USDC', version: '2' },
    ...overrides,
  };
}

/** A v1 requirement as the legacy server emits it. */
export function v1Requirement(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    scheme: 'exact',
    network: 'base-sepolia',
    maxAmountRequired: '10000',
    resource: URL,
    description: 'Weather report',
    mimeType: 'application/json',
    payTo: PAY_TO,
    maxTimeoutSeconds: 60,
    asset: BASE_SEPOLIA_USDC,
    extra: { name: 'USDC', version: '2' },
    ...overrides,
  };
}

export function v2PaymentRequired(accepts: unknown[] = [v2Requirement()], overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    x402Version: 2,
    error: 'Payment required',
    resource: { url: URL, description: 'Weather report', mimeType: 'application/json' },
    accepts,
    ...overrides,
  };
}

export function v1PaymentRequired(accepts: unknown[] = [v1Requirement()], overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { x402Version: 1, error: 'X-PAYMENT header is required', accepts, ...overrides };
}

export const b64 = (value: unknown): string => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64');

/** A v2 402 response: the header carries the challenge, the body is `{}`. */
export function v2Response(paymentRequired: unknown = v2PaymentRequired(), overrides: Partial<HttpExchange> = {}): HttpExchange {
  return exchange({
    body: '{}',
    bodyBytes: 2,
    ...overrides,
    headers: { 'payment-required': b64(paymentRequired), 'content-type': 'application/json', 'cache-control': 'no-store', ...overrides.headers },
  });
}

/** A v1 402 response: the body carries the challenge. */
export function v1Response(paymentRequired: unknown = v1PaymentRequired(), overrides: Partial<HttpExchange> = {}): HttpExchange {
  const body = JSON.stringify(paymentRequired);
  return exchange({ body, bodyBytes: body.length, ...overrides, headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...overrides.headers } });
}

/** Decode a response through protocol/ exactly as the engine does. */
export function challengeOf(response: HttpExchange): ChallengeArtifact {
  return decodeChallenge(response);
}

/** Target + unpaid + challenge for a response. */
export function artifactsFor(response: HttpExchange, extra: Partial<Artifacts> = {}): Artifacts {
  return {
    target: target(),
    unpaid: response,
    challenge: challengeOf(response),
    ...extra,
  } as Artifacts;
}

export function attempt(kind: PaymentAttempt['kind'], status: number | null, overrides: Partial<PaymentAttempt> = {}): PaymentAttempt {
  return {
    kind,
    requirementIndex: 0,
    headerName: 'PAYMENT-SIGNATURE',
    headerValue: 'eyJ4NDAyVmVyc2lvbiI6Mn0=',
    payer: '0x0000000000000000000000000000000000000001',
    value: '10000',
    exchange: status === null ? null : exchange({ status, body: status === 200 ? '{"ok":true}' : '{}' }),
    ...overrides,
  };
}

export function tokenInfo(overrides: Partial<TokenInfo> = {}): TokenInfo {
  return { asset: BASE_SEPOLIA_USDC, chainId: 84532, requirementIndex: 0, name: 'USDC', version: '2', decimals: 6, hasCode: true, error: null, ...overrides };
}

/** Add or replace response headers, keeping the others (v2Response's `overrides.headers` replaces them all). */
export function withHeaders(response: HttpExchange, headers: Record<string, string>): HttpExchange {
  return { ...response, headers: { ...response.headers, ...headers } };
}

/** Remove response headers by (lowercase) name. */
export function withoutHeaders(response: HttpExchange, ...names: string[]): HttpExchange {
  return { ...response, headers: Object.fromEntries(Object.entries(response.headers).filter(([k]) => !names.includes(k))) };
}

/** One followed redirect; `crossOrigin` is worked out from the two URLs. */
export function redirectHop(from: string, to: string, status = 302): HttpExchange['redirects'][number] {
  return { from, to, status, crossOrigin: new globalThis.URL(from).origin !== new globalThis.URL(to).origin };
}

/** A v2 402 whose header carries `headerChallenge` and whose JSON body is `body` (a mirror, a v1 body, or anything). */
export function headerAndBodyResponse(headerChallenge: unknown, body: unknown): HttpExchange {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return { ...v2Response(headerChallenge), body: text, bodyBytes: text.length };
}

/** A decoded v2 challenge: one reference requirement per override object, plus PaymentRequired overrides. */
export function challengeV2(accepts: Record<string, unknown>[] = [{}], paymentRequired: Record<string, unknown> = {}): ChallengeArtifact {
  return challengeOf(v2Response(v2PaymentRequired(accepts.map((o) => v2Requirement(o)), paymentRequired)));
}

/** A decoded v1 challenge: one legacy requirement per override object. */
export function challengeV1(accepts: Record<string, unknown>[] = [{}]): ChallengeArtifact {
  return challengeOf(v1Response(v1PaymentRequired(accepts.map((o) => v1Requirement(o)))));
}
