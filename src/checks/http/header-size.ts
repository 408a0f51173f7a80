import type { Artifacts } from '../../artifacts/index.js';
import { fail, pass, skip, warn } from '../outcome.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'http.header-size',
  title: 'The response headers fit the limits of common HTTP clients and proxies',
  severity: 'error',
  specRef: 'https://github.com/x402-foundation/x402/issues/2814',
  fix: 'Keep the response header block under 16 KiB and PAYMENT-REQUIRED under 8 KiB: shorten descriptions and schemas, and offer fewer requirements.',
  requires: ['unpaid'],
  messages: {
    ok: 'The response header block is {bytes} bytes.',
    noResponse: 'No response headers to measure (http.reachable reports why).',
    overCap: 'The response headers exceed the probe\'s {capKiB} KiB cap: Node\'s fetch (undici) and most proxies refuse them long before that.',
    overNode: 'The response header block is {bytes} bytes, over 16 KiB: Node\'s fetch (undici) and many proxies refuse the whole response (x402#2814, x402#2993).',
    bigChallenge: 'The PAYMENT-REQUIRED header is {bytes} bytes, over 8 KiB: common proxy header buffers (nginx, load balancers) reject or truncate it.',
  },
} as const satisfies CheckMeta;

/** Node's default --max-http-header-size, which undici (and so fetch) enforces. */
const NODE_HEADER_LIMIT = 16 * 1024;
/** A common per-header proxy buffer (nginx large_client_header_buffers, many load balancers). */
const PROXY_HEADER_LIMIT = 8 * 1024;

function largest(headers: Record<string, string>): string {
  return Object.entries(headers)
    .map(([name, value]) => [name, name.length + value.length + 4] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([name, size]) => `${name}: ${size} bytes`)
    .join('; ');
}

export function check({ unpaid }: Pick<Artifacts, 'unpaid'>): CheckOutcome {
  if (unpaid.error?.code === 'headers-too-large') {
    return fail(meta, 'overCap', { capKiB: Math.round(unpaid.limits.headerCap / 1024) }, `${unpaid.error.code}: ${unpaid.error.message}`);
  }
  if (unpaid.status === null) return skip(meta, 'noResponse');
  const bytes = unpaid.headerBytes;
  if (bytes > NODE_HEADER_LIMIT) return fail(meta, 'overNode', { bytes }, `largest: ${largest(unpaid.headers)}`);
  const challenge = unpaid.headers['payment-required'];
  if (challenge !== undefined && challenge.length > PROXY_HEADER_LIMIT) {
    return warn(meta, 'bigChallenge', { bytes: challenge.length }, `PAYMENT-REQUIRED: ${challenge.length} bytes; header block ${bytes} bytes`);
  }
  return pass(meta, 'ok', { bytes });
}
