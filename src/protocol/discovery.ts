/**
 * Discovery documents, read: `/.well-known/x402` (a list of resource URLs, a list of objects, or
 * resources keyed by path) and OpenAPI operations carrying `x-payment-info` (x402scan's
 * docs/DISCOVERY.md). Pure: the gatherer fetches, this reads what it fetched.
 */
import type { Artifacts, ChallengeArtifact, DiscoveryDocumentFetch, DiscoveryDocumentKind } from '../artifacts/index.js';

/** Where discovery documents live, in the order x402scan reads them. */
export const DISCOVERY_PATHS: readonly { kind: DiscoveryDocumentKind; path: string }[] = [
  { kind: 'openapi', path: '/openapi.json' },
  { kind: 'openapi', path: '/.well-known/openapi.json' },
  { kind: 'well-known', path: '/.well-known/x402' },
];

/** A price a document states: USD (OpenAPI x-payment-info, a `price` field), a USD range, or atomic units. */
export type StatedPrice = { kind: 'usd'; value: string } | { kind: 'usd-range'; min: string; max: string } | { kind: 'atomic'; value: string };

/** One resource a discovery document describes, with only the fields it states. */
export interface DiscoveryEntry {
  source: DiscoveryDocumentKind;
  documentUrl: string;
  /** Where in the document: `resources[2]`, `paths["/api/weather"].get`. */
  pointer: string;
  /** The resource's absolute URL (resolved against the origin), or null when unusable. */
  url: string | null;
  /** True when the path holds an OpenAPI template such as `{city}`: it cannot be requested as is. */
  templated: boolean;
  /** The method stated (upper case), or null. */
  method: string | null;
  price: StatedPrice | null;
  /** The price as written, for evidence. */
  priceRaw: unknown;
  payTo: string | null;
  network: string | null;
}

/** What could not be read in a fetched document. */
export interface DiscoveryProblem {
  documentUrl: string;
  problem: string;
}

export interface ReadDiscoveryReturnType {
  /** Documents that answered 200. */
  found: DiscoveryDocumentFetch[];
  entries: DiscoveryEntry[];
  problems: DiscoveryProblem[];
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'];
const MAX_ENTRIES = 500;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

function absolute(ref: string, origin: string): string | null {
  try {
    return new URL(ref, origin).toString();
  } catch {
    return null;
  }
}

/** `"$0.01"`, `"0.01 USD"`, `0.01`, `{ amount: "0.01", currency: "USD" }` as a decimal string, else null. */
export function usdDecimal(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return String(value).includes('e') ? value.toFixed(18).replace(/0+$/, '') : String(value);
  if (isObject(value)) return usdDecimal(value.amount ?? value.value);
  if (typeof value !== 'string') return null;
  const m = /^\s*\$?\s*(\d+(?:\.\d+)?)\s*(?:USD[CT]?)?\s*$/i.exec(value);
  return m ? m[1] : null;
}

function statedPrice(info: Record<string, unknown>, usd: boolean): { price: StatedPrice | null; raw: unknown } {
  if (info.pricingMode === 'range' || (info.minPrice !== undefined && info.maxPrice !== undefined)) {
    const min = usdDecimal(info.minPrice);
    const max = usdDecimal(info.maxPrice);
    return { price: min && max ? { kind: 'usd-range', min, max } : null, raw: { minPrice: info.minPrice, maxPrice: info.maxPrice } };
  }
  if (info.pricingMode === 'quote') return { price: null, raw: undefined };
  if (info.price !== undefined) {
    const value = usdDecimal(info.price);
    return { price: value ? { kind: 'usd', value } : null, raw: info.price };
  }
  const atomic = info.amount ?? info.maxAmountRequired;
  if (!usd && atomic !== undefined) return { price: typeof atomic === 'string' && /^\d+$/.test(atomic) ? { kind: 'atomic', value: atomic } : null, raw: atomic };
  return { price: null, raw: undefined };
}

function firstAccept(entry: Record<string, unknown>): Record<string, unknown> {
  const accepts = entry.accepts;
  const first = Array.isArray(accepts) ? accepts[0] : accepts;
  return isObject(first) ? { ...first, ...entry } : entry;
}

function wellKnownEntry(raw: unknown, pointer: string, key: string | null, doc: DiscoveryDocumentFetch, origin: string): DiscoveryEntry | string {
  if (typeof raw === 'string') return entry(doc, pointer, raw, origin, { method: null, price: null, priceRaw: undefined, payTo: null, network: null });
  if (!isObject(raw)) return `${pointer} is neither a URL nor an object`;
  const fields = firstAccept(raw);
  const ref = text(fields.url) ?? text(fields.resource) ?? text(fields.path) ?? key;
  if (!ref) return `${pointer} names no url`;
  const { price, raw: priceRaw } = statedPrice(fields, false);
  return entry(doc, pointer, ref, origin, { method: text(fields.method)?.toUpperCase() ?? null, price, priceRaw, payTo: text(fields.payTo), network: text(fields.network) });
}

function entry(doc: DiscoveryDocumentFetch, pointer: string, ref: string, origin: string, rest: Pick<DiscoveryEntry, 'method' | 'price' | 'priceRaw' | 'payTo' | 'network'>): DiscoveryEntry {
  return { source: doc.kind, documentUrl: doc.url, pointer, url: absolute(ref, origin), templated: /\{[^}]*\}/.test(ref), ...rest };
}

function readWellKnown(value: unknown, doc: DiscoveryDocumentFetch, origin: string, out: ReadDiscoveryReturnType): void {
  const list = Array.isArray(value) ? value : isObject(value) ? (value.resources ?? (isObject(value.discoveryDocument) ? value.discoveryDocument.resources : undefined)) : undefined;
  const items: [unknown, string, string | null][] = Array.isArray(list)
    ? list.map((r, i) => [r, `resources[${i}]`, null])
    : isObject(list)
      ? Object.entries(list).map(([k, r]) => [r, `resources[${JSON.stringify(k)}]`, k])
      : [];
  if (items.length === 0) {
    out.problems.push({ documentUrl: doc.url, problem: 'it lists no resources (a "resources" list of URLs or objects)' });
    return;
  }
  for (const [raw, pointer, key] of items.slice(0, MAX_ENTRIES)) {
    const read = wellKnownEntry(raw, pointer, key, doc, origin);
    if (typeof read === 'string') out.problems.push({ documentUrl: doc.url, problem: read });
    else out.entries.push(read);
  }
}

/** The path prefix of OpenAPI `servers[0].url` when it is on the origin (or relative). */
function serverPrefix(value: Record<string, unknown>, origin: string): string {
  const first = Array.isArray(value.servers) && isObject(value.servers[0]) ? text(value.servers[0].url) : null;
  if (!first) return '';
  const url = absolute(first, origin);
  return url && new URL(url).origin === origin ? new URL(url).pathname.replace(/\/+$/, '') : '';
}

function readOpenApi(value: unknown, doc: DiscoveryDocumentFetch, origin: string, out: ReadDiscoveryReturnType): void {
  if (!isObject(value) || !isObject(value.paths)) {
    out.problems.push({ documentUrl: doc.url, problem: 'it is not an OpenAPI document (no "paths" object)' });
    return;
  }
  const prefix = serverPrefix(value, origin);
  for (const [path, item] of Object.entries(value.paths)) {
    if (!isObject(item)) continue;
    for (const method of METHODS) {
      const op = item[method];
      if (!isObject(op) || op['x-payment-info'] === undefined) continue;
      const pointer = `paths[${JSON.stringify(path)}].${method}["x-payment-info"]`;
      const info = op['x-payment-info'];
      if (!isObject(info)) {
        out.problems.push({ documentUrl: doc.url, problem: `${pointer} is not an object` });
        continue;
      }
      const { price, raw } = statedPrice(info, true);
      if (out.entries.length < MAX_ENTRIES) {
        out.entries.push(entry(doc, pointer, `${prefix}${path}`, origin, { method: method.toUpperCase(), price, priceRaw: raw, payTo: text(info.payTo), network: text(info.network) }));
      }
    }
  }
}

/**
 * A 200 that is no document at all: a catch-all page (an SPA's index.html, a "free" route)
 * served at every path, neither JSON nor labelled JSON. A body labelled JSON that does not parse
 * is a broken document, not this.
 */
function isCatchAllPage(doc: DiscoveryDocumentFetch): boolean {
  const type = doc.exchanges.at(-1)?.headers['content-type'] ?? '';
  return !doc.truncated && doc.json?.ok === false && !/json/i.test(type);
}

/** Read every fetched document: the resources they describe and what could not be read. */
export function readDiscovery(documents: readonly DiscoveryDocumentFetch[], origin: string): ReadDiscoveryReturnType {
  const out: ReadDiscoveryReturnType = { found: [], entries: [], problems: [] };
  for (const doc of documents) {
    if (doc.status !== 200 || doc.error || isCatchAllPage(doc)) continue;
    out.found.push(doc);
    if (doc.truncated) out.problems.push({ documentUrl: doc.url, problem: `it is larger than the ${doc.cap}-byte cap` });
    else if (!doc.json) out.problems.push({ documentUrl: doc.url, problem: 'its body is incomplete' });
    else if (!doc.json.ok) out.problems.push({ documentUrl: doc.url, problem: `it is not JSON (${doc.json.error})` });
    else if (doc.kind === 'openapi') readOpenApi(doc.json.value, doc, origin, out);
    else readWellKnown(doc.json.value, doc, origin, out);
  }
  return out;
}

/** An entry's URL matched against a requested URL: same origin and path (and query when the entry states one). */
export function sameResource(entryUrl: string, url: string): boolean {
  try {
    const a = new URL(entryUrl);
    const b = new URL(url);
    return a.origin === b.origin && a.pathname.replace(/\/+$/, '') === b.pathname.replace(/\/+$/, '') && (a.search === '' || a.search === b.search);
  } catch {
    return false;
  }
}

/** The probed request is the one an entry describes: same resource, and the entry's method when it states one. */
export function describesRequest(e: DiscoveryEntry, url: string, method: string): boolean {
  return e.url !== null && sameResource(e.url, url) && (e.method === null || e.method === method.toUpperCase());
}


/**
 * The 402 an entry describes: the probed request's own when the entry names it, else the
 * listed resource's as requested. Undefined when it was not requested (cap, template, origin).
 */
export function challengeFor(e: DiscoveryEntry, { target, challenge, discovery }: Pick<Artifacts, 'target' | 'discovery'> & Partial<Artifacts>): { challenge: ChallengeArtifact | null; status: number | null } | undefined {
  if (describesRequest(e, target.url, target.method)) return { challenge: challenge ?? null, status: challenge?.status ?? null };
  const probe = discovery.listed.find((l) => l.url === e.url && l.method === (e.method ?? 'GET'));
  return probe ? { challenge: probe.challenge, status: probe.exchange.status } : undefined;
}
