import type { Artifacts } from '../../artifacts/index.js';
import { fail, pass } from '../outcome.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'http.reachable',
  title: 'The endpoint answers an HTTP request',
  severity: 'error',
  specRef: 'https://github.com/x402-foundation/x402/blob/main/specs/x402-specification.md',
  fix: 'Make the URL resolvable and reachable from the internet over HTTPS with a valid certificate.',
  requires: ['unpaid'],
  messages: {
    answered: 'The endpoint answered with HTTP {status}.',
    dns: 'The host name does not resolve (DNS): no buyer can reach it.',
    refused: 'The connection was refused: nothing listens on that host and port.',
    tls: 'The TLS handshake failed: buyers reject the certificate.',
    reset: 'The connection was reset before a response arrived.',
    timeout: 'No response arrived within {timeoutMs} ms.',
    deadline: 'No response arrived before the run deadline cut the request (after {totalMs} ms).',
    invalidUrl: 'The URL is not usable: {error}.',
    forbidden: 'Not requested: {error}.',
    other: 'The request failed before a response arrived: {error}.',
  },
} as const satisfies CheckMeta;

export function check({ unpaid }: Pick<Artifacts, 'unpaid'>): CheckOutcome {
  if (unpaid.status !== null) return pass(meta, 'answered', { status: unpaid.status });
  const error = unpaid.error;
  const evidence = error ? `${error.code}: ${error.message}` : undefined;
  switch (error?.code) {
    case 'dns':
    case 'refused':
    case 'tls':
    case 'reset':
      return fail(meta, error.code, {}, evidence);
    case 'timeout':
      return fail(meta, 'timeout', { timeoutMs: unpaid.limits.timeoutMs }, evidence);
    case 'deadline':
      return fail(meta, 'deadline', { totalMs: unpaid.timings.totalMs }, evidence);
    case 'invalid-url':
      return fail(meta, 'invalidUrl', { error: error.message }, evidence);
    case 'forbidden-address':
      return fail(meta, 'forbidden', { error: error.message }, evidence);
    default:
      return fail(meta, 'other', { error: error?.message ?? 'unknown error' }, evidence);
  }
}
