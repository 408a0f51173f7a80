/** Hand-built discovery artifacts: documents as the gatherer records them, listed resources with their 402s. */
import type { DiscoveryArtifact, DiscoveryDocumentFetch, HttpExchange } from '../../src/artifacts/index.js';
import { decodeChallenge } from '../../src/protocol/decodeChallenge.js';
import { exchange } from './artifacts.js';

export const ORIGIN = 'https://api.example.com';

/** A document that answered 200 with `value` as JSON (a string is sent as is). */
export function doc(kind: DiscoveryDocumentFetch['kind'], path: string, value: unknown, overrides: Partial<DiscoveryDocumentFetch> = {}): DiscoveryDocumentFetch {
  const body = typeof value === 'string' ? value : JSON.stringify(value);
  let json: DiscoveryDocumentFetch['json'];
  try {
    json = { ok: true, value: JSON.parse(body) };
  } catch (error) {
    json = { ok: false, error: (error as Error).message };
  }
  const url = `${ORIGIN}${path}`;
  return { kind, url, exchanges: [exchange({ finalUrl: url, status: 200, body, headers: { 'content-type': 'application/json' } })], status: 200, cap: 512 * 1024, truncated: false, json, error: null, ...overrides };
}

/** A document path that answered 404. */
export function missing(kind: DiscoveryDocumentFetch['kind'], path: string): DiscoveryDocumentFetch {
  const url = `${ORIGIN}${path}`;
  return { kind, url, exchanges: [exchange({ finalUrl: url, status: 404 })], status: 404, cap: 512 * 1024, truncated: false, json: null, error: null };
}

export function discovery(documents: DiscoveryDocumentFetch[], listed: { url: string; method?: string; response: HttpExchange }[] = [], notProbed: DiscoveryArtifact['notProbed'] = []): DiscoveryArtifact {
  return {
    origin: ORIGIN,
    documents,
    listed: listed.map(({ url, method, response }) => ({ url, method: method ?? 'GET', exchange: response, challenge: response.status === null ? null : decodeChallenge(response) })),
    listedCap: 8,
    notProbed,
  };
}
