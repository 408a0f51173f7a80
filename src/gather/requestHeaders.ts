import type { ProbeOptions } from './options.js';
import { version } from '../version.js';

export const PROBE_USER_AGENT = `x402-probe/${version}`;
export const PROBE_ACCEPT = 'application/json, */*;q=0.5';

/** Headers every probe request carries: the user's, a JSON Accept, and our User-Agent. */
export function requestHeaders(options: Pick<ProbeOptions, 'headers' | 'body'>, extra: Record<string, string> = {}): Record<string, string> {
  const headers: Record<string, string> = { 'user-agent': PROBE_USER_AGENT, accept: PROBE_ACCEPT };
  if (options.body !== undefined && options.body.length > 0) {
    const trimmed = options.body.trim();
    headers['content-type'] = trimmed.startsWith('{') || trimmed.startsWith('[') ? 'application/json' : 'text/plain';
  }
  for (const [k, v] of Object.entries(options.headers ?? {})) headers[k.toLowerCase()] = v;
  for (const [k, v] of Object.entries(extra)) headers[k.toLowerCase()] = v;
  return headers;
}
