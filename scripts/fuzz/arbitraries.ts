/**
 * fast-check generators for what a seller controls: x402 challenges (near-valid and wild JSON,
 * every carrier encoding, broken base64, wrong types, missing and extra fields, huge numbers,
 * unicode, deep nesting), the responses that carry them, and the other artifacts' seller-
 * controlled fields. Artifact *shapes* stay as the gatherers produce them; their contents don't.
 */
import fc from 'fast-check';
import type { HttpErrorCode, HttpExchange } from '../../src/artifacts/index.js';

/**
 * JSON text written into the output as is: number literals JSON.stringify can't write (1e400,
 * which JSON.parse turns into Infinity; -0; 80-digit integers) and values nested thousands deep.
 */
export class RawJson {
  constructor(readonly text: string) {}
}

/** JSON text of a generated value; RawJson parts are copied verbatim. */
export function toJsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${JSON.stringify(k)}:${toJsonText(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const ADDRESS = '0x036CbD53842c5426634e7929541eC2318f3dCF7e';
const PAY_TO = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';

const text = fc.oneof(
  { arbitrary: fc.string({ maxLength: 12 }), weight: 4 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 12 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }), weight: 1 },
  { arbitrary: fc.constantFrom('', ' ', '\u0000', '\u202e', '\r\n', 'null', '0x', '{}', '[]', '\x1b[31m'), weight: 2 },
  { arbitrary: fc.integer({ min: 300, max: 5000 }).map((n) => 'x'.repeat(n)), weight: 1 },
);

const numberLiteral = fc.oneof(
  fc.integer().map((n) => new RawJson(String(n))),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => new RawJson(String(n))),
  fc.bigInt({ min: -(10n ** 80n), max: 10n ** 80n }).map((n) => new RawJson(n.toString())),
  fc.constantFrom('1e400', '-1e400', '-0', '0.0000001', '1e-400', '9007199254740993', '1.5', '1e6').map((t) => new RawJson(t)),
);

/** Arrays or objects nested `depth` deep (deeper than JSON.stringify can walk): rare, they cost. */
const deep = fc
  .tuple(fc.integer({ min: 1_000, max: 30_000 }), fc.boolean())
  .map(([depth, arrays]) => new RawJson(arrays ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`));

/** Any JSON value, small (may hold RawJson: write it with toJsonText). */
export const wild: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.jsonValue({ maxDepth: 2 }), weight: 6 },
  { arbitrary: text, weight: 3 },
  { arbitrary: numberLiteral, weight: 3 },
  { arbitrary: fc.constantFrom(null, true, false, [], {}, 0, -1), weight: 2 },
);

/** Mostly a value of the right kind for `field`, sometimes a near miss, sometimes anything. */
function field(good: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: good, weight: 600 }, { arbitrary: wild, weight: 300 }, { arbitrary: deep, weight: 1 });
}

const address = fc.oneof(
  fc.constantFrom(ADDRESS, PAY_TO, ADDRESS.toLowerCase(), PAY_TO.toUpperCase().replace('0X', '0x'), `0x${'0'.repeat(40)}`, '0x036CbD53842c5426634e7929541eC2318f3dCF7E', 'So11111111111111111111111111111111111111112'),
  fc.stringMatching(/^0x[0-9a-fA-F]{0,42}$/),
);
const network = fc.oneof(
  fc.constantFrom('eip155:84532', 'eip155:8453', 'eip155:1', 'eip155:43113', 'eip155:999999', 'eip155:', 'eip155:abc', 'solana:5eykt4UsFv8P8NJdTREpY1vzqKqZKvdp', 'cosmos:hub'),
  fc.constantFrom('base-sepolia', 'base', 'avalanche-fuji', 'sepolia', 'iotex', 'solana', 'unknown-net', 'Base-Sepolia'),
  fc.stringMatching(/^[a-z0-9]{1,8}:[a-zA-Z0-9]{0,10}$/),
);
const amount = fc.oneof(
  fc.bigInt({ min: 0n, max: 10n ** 30n }).map(String),
  fc.constantFrom('0', '-1', '1.5', '0.01', '1e6', '', ' 10000', '10000 ', '0x2710', '١٠٠', 'NaN', '115792089237316195423570985008687907853269984665640564039457584007913129639936'),
  numberLiteral,
);
const url = fc.oneof(fc.webUrl({ withQueryParameters: true }), fc.constantFrom('http://127.0.0.1:8080/api/weather', '/relative', 'javascript:alert(1)', 'https://'));
const extra = fc.oneof(
  fc.record({ name: field(fc.constantFrom('USDC', 'USD Coin', '')), version: field(fc.constantFrom('2', '1', 2)) }, { requiredKeys: [] }),
  wild,
);

const REQUIREMENT_FIELDS = {
  scheme: field(fc.constantFrom('exact', 'upto', 'EXACT', '', 'exact ')),
  network: field(network),
  amount: field(amount),
  maxAmountRequired: field(amount),
  asset: field(address),
  payTo: field(address),
  maxTimeoutSeconds: field(fc.oneof(fc.integer({ min: -10, max: 100_000 }), numberLiteral)),
  extra: field(extra),
  resource: field(url),
  description: field(text),
  mimeType: field(fc.constantFrom('application/json', 'text/plain', '')),
  outputSchema: wild,
};

export const requirement = fc
  .tuple(fc.record(REQUIREMENT_FIELDS, { requiredKeys: [] }), fc.dictionary(fc.string({ maxLength: 6 }), wild, { maxKeys: 2 }))
  .map(([known, extraKeys]) => ({ ...extraKeys, ...known }));

const accepts = fc.oneof(
  { arbitrary: fc.array(fc.oneof({ arbitrary: requirement, weight: 8 }, { arbitrary: wild, weight: 1 }), { maxLength: 4 }), weight: 200 },
  { arbitrary: fc.array(requirement, { minLength: 50, maxLength: 120 }), weight: 1 },
  { arbitrary: wild, weight: 20 },
);

/** A PaymentRequired-ish object: x402Version, error, resource, accepts, extensions, extra keys. */
export const paymentRequired = fc
  .tuple(
    fc.record(
      {
        x402Version: field(fc.constantFrom(1, 2)),
        error: field(text),
        resource: field(fc.record({ url: field(url), description: field(text), mimeType: field(fc.constantFrom('application/json', '')) }, { requiredKeys: [] })),
        accepts,
        extensions: wild,
      },
      { requiredKeys: ['accepts'] },
    ),
    fc.dictionary(fc.constantFrom('x402version', 'resourceInfo', 'x402', 'accept', 'Accepts', 'payment'), wild, { maxKeys: 1 }),
  )
  .map(([pr, odd]) => ({ ...odd, ...pr }));

/** Ways to turn JSON text into a PAYMENT-REQUIRED header value, right and wrong. */
const headerEncoding = fc.constantFrom('base64', 'base64', 'base64', 'base64url', 'raw', 'truncated', 'padded', 'badPadding', 'latin1');
function encodeHeader(json: string, how: string, cut: number): string {
  const b64 = Buffer.from(json, 'utf8').toString('base64');
  switch (how) {
    case 'base64url':
      return Buffer.from(json, 'utf8').toString('base64url');
    case 'raw':
      return json;
    case 'truncated':
      return b64.slice(0, Math.floor(b64.length * cut));
    case 'padded':
      return `  ${b64}\t`;
    case 'badPadding':
      return `${b64.replace(/=+$/, '')}===`;
    case 'latin1':
      return Buffer.from(json, 'latin1').toString('base64');
    default:
      return b64;
  }
}

const garbageHeader = fc.oneof(fc.base64String({ maxLength: 40 }), fc.string({ maxLength: 40 }), fc.uint8Array({ maxLength: 30 }).map((b) => Buffer.from(b).toString('base64')));

/** A settlement receipt header value: base64 JSON (right or wrong shape) or garbage. */
export const settlementValue = fc.oneof(
  fc
    .record({ success: field(fc.boolean()), transaction: field(fc.stringMatching(/^0x[0-9a-f]{0,64}$/)), network: field(network), payer: field(address), errorReason: field(text) }, { requiredKeys: [] })
    .map((v) => Buffer.from(toJsonText(v)).toString('base64')),
  wild.map((v) => Buffer.from(toJsonText(v)).toString('base64')),
  garbageHeader,
);

const otherHeaders = fc.record(
  {
    'cache-control': fc.constantFrom('no-store', 'public, max-age=60', 'no-cache', ''),
    'access-control-allow-origin': fc.constantFrom('*', 'https://a.example', ''),
    'access-control-expose-headers': fc.constantFrom('PAYMENT-REQUIRED, PAYMENT-RESPONSE', 'X-PAYMENT-RESPONSE', '*', ''),
    'www-authenticate': fc.constantFrom('x402', 'X402 realm="pay"', 'Bearer', 'x402 accepts="[]"'),
    'x-payment-required': garbageHeader,
    'x402-challenge': garbageHeader,
    'payment-response': settlementValue,
    'x-payment-response': settlementValue,
    location: url,
    allow: fc.constantFrom('GET, POST', 'post', ''),
    'retry-after': fc.constantFrom('5', 'soon'),
  },
  { requiredKeys: [] },
);

const ERROR_CODES: HttpErrorCode[] = ['invalid-url', 'dns', 'refused', 'reset', 'tls', 'timeout', 'headers-too-large', 'redirect-loop', 'too-many-redirects', 'bad-redirect', 'protocol', 'other'];

/** A response as exchange() records it, carrying a challenge (or not) in any way a seller might. */
export const response: fc.Arbitrary<HttpExchange> = fc
  .record({
    pr: fc.oneof({ arbitrary: paymentRequired, weight: 8 }, { arbitrary: wild, weight: 1 }),
    carrier: fc.constantFrom('header', 'header', 'body', 'both', 'both-different', 'none'),
    encoding: headerEncoding,
    cut: fc.double({ min: 0, max: 1, noNaN: true }),
    garbage: fc.option(garbageHeader, { freq: 8 }),
    contentType: fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/html', 'text/plain', undefined),
    bodyKind: fc.constantFrom('json', 'json', 'truncated', 'html', 'empty', 'text'),
    otherBody: text,
    status: fc.oneof({ arbitrary: fc.constant<number | null>(402), weight: 10 }, { arbitrary: fc.integer({ min: 100, max: 599 }), weight: 3 }, { arbitrary: fc.constant<number | null>(null), weight: 1 }),
    headers: otherHeaders,
    error: fc.option(fc.record({ code: fc.constantFrom(...ERROR_CODES), message: text }), { freq: 6 }),
    redirects: fc.array(fc.record({ from: url, to: url, status: fc.constantFrom(301, 302, 303, 307, 308), crossOrigin: fc.boolean() }), { maxLength: 2 }),
    flags: fc.record({ truncated: fc.boolean(), incomplete: fc.boolean() }),
    timings: fc.record({ headersMs: fc.option(fc.nat(20_000), { nil: null }), totalMs: fc.nat(30_000) }),
    headerBytes: fc.nat(100_000),
  })
  .map((r) => {
    const json = toJsonText(r.pr);
    const headers: Record<string, string> = { ...r.headers };
    if (r.contentType) headers['content-type'] = r.contentType;
    if (r.carrier === 'header' || r.carrier === 'both' || r.carrier === 'both-different') headers['payment-required'] = r.garbage ?? encodeHeader(json, r.encoding, r.cut);
    const bodyJson = r.carrier === 'both-different' ? toJsonText({ x402Version: 1, accepts: [] }) : json;
    const carriesBody = r.carrier === 'body' || r.carrier === 'both' || r.carrier === 'both-different';
    const body = !carriesBody
      ? r.bodyKind === 'html' ? '<html><body>Pay $0.01</body></html>' : r.bodyKind === 'empty' ? '' : r.bodyKind === 'text' ? r.otherBody : '{}'
      : r.bodyKind === 'truncated' ? bodyJson.slice(0, Math.floor(bodyJson.length * r.cut)) : bodyJson;
    const target = 'http://127.0.0.1:8080/api/weather';
    return {
      request: { url: target, method: 'GET', headers: {}, bodyBytes: 0 },
      finalUrl: r.redirects.at(-1)?.to ?? target,
      redirects: r.redirects,
      status: r.status,
      headers,
      headerBytes: r.headerBytes,
      body,
      bodyBytes: Buffer.byteLength(body),
      bodyTruncated: r.flags.truncated,
      bodyIncomplete: r.flags.incomplete,
      timings: r.timings,
      limits: { timeoutMs: 10_000, bodyCap: 1024 * 1024, headerCap: 64 * 1024, maxRedirects: 5 },
      error: r.error,
    } satisfies HttpExchange;
  });

/** A small JSON value as a plain JS value, for artifact fields that hold parsed JSON. */
export const wildValue: fc.Arbitrary<unknown> = wild.map((v) => JSON.parse(toJsonText(v)) as unknown);

/** An answer to a payment (cheaper than `response`): status, a receipt or re-challenge header, a small body. */
export const reply: fc.Arbitrary<HttpExchange> = fc
  .record({
    status: fc.oneof(fc.constantFrom<number | null>(200, 402, 400, 500, null), fc.integer({ min: 100, max: 599 })),
    headers: fc.record(
      {
        'payment-response': settlementValue,
        'x-payment-response': settlementValue,
        'payment-required': garbageHeader,
        'content-type': fc.constantFrom('application/json', 'text/plain'),
      },
      { requiredKeys: [] },
    ),
    body: fc.oneof(fc.constantFrom('', '{}', '{"answer":42}', '{"error":"invalid_payment"}'), text),
    error: fc.option(fc.record({ code: fc.constantFrom(...ERROR_CODES), message: text }), { freq: 6 }),
    totalMs: fc.nat(30_000),
  })
  .map((r) => ({
    request: { url: 'http://127.0.0.1:8080/api/weather', method: 'GET', headers: {}, bodyBytes: 0 },
    finalUrl: 'http://127.0.0.1:8080/api/weather',
    redirects: [],
    status: r.status,
    headers: r.headers,
    headerBytes: 200,
    body: r.body,
    bodyBytes: Buffer.byteLength(r.body),
    bodyTruncated: false,
    bodyIncomplete: false,
    timings: { headersMs: r.status === null ? null : Math.min(5, r.totalMs), totalMs: r.totalMs },
    limits: { timeoutMs: 10_000, bodyCap: 1024 * 1024, headerCap: 64 * 1024, maxRedirects: 5 },
    error: r.error,
  }));
