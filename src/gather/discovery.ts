import type { DiscoveryArtifact, DiscoveryDocumentFetch, DiscoveryDocumentKind, HttpExchange, ListedResourceProbe } from '../artifacts/index.js';
import { decodeChallenge } from '../protocol/decodeChallenge.js';
import { describesRequest, DISCOVERY_PATHS, readDiscovery, type ReadDiscoveryReturnType } from '../protocol/discovery.js';
import { errorLine } from '../util/errorLine.js';
import { defineGatherer } from './defineGatherer.js';
import { defaultDeadlineMs, startDeadline } from './deadline.js';
import { createDispatcher, DEFAULT_TIMEOUT_MS } from './dispatcher.js';
import { exchange } from './http.js';
import { NetworkPolicy } from './network.js';
import { requestHeaders } from './requestHeaders.js';
import type { GatherEnvironment } from './types.js';

/** A discovery document bigger than this is cut (OpenAPI documents of large APIs stay well under). */
export const DISCOVERY_DOCUMENT_CAP = 512 * 1024;
/** Listed resources requested per run, besides the probed one: enough to catch a stale list, bounded for a huge one. */
export const LISTED_RESOURCE_CAP = 8;
const MAX_REDIRECTS = 3;
/** The methods an x402 resource is asked for its 402 with. */
const UNPAID_METHODS = new Set(['GET', 'HEAD', 'POST']);

type Env = Pick<GatherEnvironment, 'options' | 'timeoutMs' | 'dispatcher' | 'network' | 'deadline'>;

/**
 * One document, redirects followed by hand: a hop on the probed origin is the user's, a hop off
 * it is the seller's choice, so it is fetched as data (public addresses only, unless
 * --allow-private). A loopback seller cannot point the probe at 10.0.0.1 this way.
 */
export async function fetchDiscoveryDocument(env: Env, kind: DiscoveryDocumentKind, url: string): Promise<DiscoveryDocumentFetch> {
  const origin = new URL(env.options.url).origin;
  const out: DiscoveryDocumentFetch = { kind, url, exchanges: [], status: null, cap: DISCOVERY_DOCUMENT_CAP, truncated: false, json: null, error: null };
  let next = url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const onOrigin = new URL(next).origin === origin;
    const ex: HttpExchange = await exchange({
      url: next,
      // The user's headers (an API key) are meant for the probed origin only.
      headers: onOrigin ? requestHeaders({ headers: env.options.headers }, { accept: 'application/json' }) : { accept: 'application/json' },
      timeoutMs: env.timeoutMs,
      bodyCap: DISCOVERY_DOCUMENT_CAP,
      maxRedirects: 0,
      dispatcher: env.dispatcher,
      source: onOrigin ? (env.options.targetSource ?? 'user') : 'data',
      network: env.network,
      deadline: env.deadline,
    });
    out.exchanges.push(ex);
    out.status = ex.status;
    const hopTo = ex.redirects[0]?.to;
    if (ex.error?.code === 'too-many-redirects' && hopTo) {
      next = hopTo;
      continue;
    }
    if (ex.status === null || ex.error) {
      out.error = ex.error ? `${ex.error.code}: ${ex.error.message}` : 'no response';
      return out;
    }
    out.truncated = ex.bodyTruncated;
    if (ex.status === 200 && !ex.bodyTruncated && !ex.bodyIncomplete) {
      try {
        out.json = { ok: true, value: JSON.parse(ex.body) };
      } catch (error) {
        out.json = { ok: false, error: errorLine(error) };
      }
    }
    return out;
  }
  out.error = `too-many-redirects: more than ${MAX_REDIRECTS} redirects`;
  return out;
}

async function probeListed(env: Env, url: string, method: string): Promise<ListedResourceProbe> {
  const ex = await exchange({
    url,
    method,
    headers: requestHeaders({ headers: env.options.headers }),
    timeoutMs: env.timeoutMs,
    dispatcher: env.dispatcher,
    source: env.options.targetSource ?? 'user',
    network: env.network,
    deadline: env.deadline,
  });
  return { url, method, exchange: ex, challenge: ex.status === null ? null : decodeChallenge(ex) };
}

/**
 * The origin's discovery documents, fetched at once, then each listed resource on the origin
 * (but the probed one, whose 402 the run already has) requested unpaid, at most
 * LISTED_RESOURCE_CAP of them. It needs nothing but the unpaid answer, so it runs beside the attacks.
 */
export const discoveryGatherer = defineGatherer({
  meta: { artifact: 'discovery', dependencies: [], optionalDependencies: ['unpaid'], concurrent: true },
  notRequested: (options) => (options.discovery === false ? 'discovery disabled (--no-discovery)' : null),
  // An origin that did not finish answering the probed request would make every document wait
  // out its own timeout too: a hanging seller must not cost the run a second deadline.
  skipReason: ({ artifacts }) => (artifacts.unpaid && (artifacts.unpaid.status === null || artifacts.unpaid.error) ? 'the origin did not answer the unpaid request in full' : null),
  exchanges: (artifact) => [
    ...artifact.documents.flatMap((d) => d.exchanges.map((ex): [string, HttpExchange] => [`discovery ${d.url}`, ex])),
    ...artifact.listed.map((l): [string, HttpExchange] => [`discovery ${l.method} ${l.url}`, l.exchange]),
  ],
  async gather(env) {
    const origin = new URL(env.options.url).origin;
    const documents = await Promise.all(DISCOVERY_PATHS.map(({ kind, path }) => fetchDiscoveryDocument(env, kind, new URL(path, origin).toString())));
    const { entries } = readDiscovery(documents, origin);
    const probedMethod = (env.options.method ?? 'GET').toUpperCase();
    const wanted = new Map<string, { url: string; method: string }>();
    const notProbed: DiscoveryArtifact['notProbed'] = [];
    for (const e of entries) {
      if (e.url === null || describesRequest(e, env.options.url, probedMethod)) continue;
      const method = e.method ?? 'GET';
      const key = `${method} ${e.url}`;
      if (wanted.has(key)) continue;
      if (new URL(e.url).origin !== origin) notProbed.push({ url: e.url, reason: 'on another origin' });
      // The document picks the method, and the request carries the user's -H headers: no DELETE or PUT on their account.
      else if (!UNPAID_METHODS.has(method)) notProbed.push({ url: e.url, reason: `method ${method.slice(0, 20)} is not requested unpaid (GET, HEAD and POST only)` });
      else if (e.templated) notProbed.push({ url: e.url, reason: 'a path template' });
      else if (wanted.size >= LISTED_RESOURCE_CAP) notProbed.push({ url: e.url, reason: `beyond the first ${LISTED_RESOURCE_CAP}` });
      else wanted.set(key, { url: e.url, method });
    }
    const listed = await Promise.all([...wanted.values()].map(({ url, method }) => probeListed(env, url, method)));
    return { origin, documents, listed, listedCap: LISTED_RESOURCE_CAP, notProbed };
  },
});

export interface DiscoverOriginParameters {
  /** Any URL of the origin: only its origin is read. */
  origin: string;
  timeoutMs?: number;
  headers?: Record<string, string>;
  allowPrivate?: boolean;
}

export interface DiscoverOriginReturnType extends ReadDiscoveryReturnType {
  origin: string;
  documents: DiscoveryDocumentFetch[];
}

/** `discover`: the origin's discovery documents, read under the same caps and policy as `check`. */
export async function discoverOrigin(params: DiscoverOriginParameters): Promise<DiscoverOriginReturnType> {
  const origin = new URL(params.origin).origin;
  const timeoutMs = params.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const dispatcher = createDispatcher({ connectTimeoutMs: timeoutMs });
  const network = new NetworkPolicy({ allowPrivate: params.allowPrivate });
  const deadline = startDeadline(defaultDeadlineMs(timeoutMs));
  try {
    const env: Env = { options: { url: `${origin}/`, headers: params.headers }, timeoutMs, dispatcher, network, deadline };
    const documents = await Promise.all(DISCOVERY_PATHS.map(({ kind, path }) => fetchDiscoveryDocument(env, kind, new URL(path, origin).toString())));
    return { origin, documents, ...readDiscovery(documents, origin) };
  } finally {
    deadline.dispose();
    await Promise.allSettled([dispatcher.close(), network.close()]);
  }
}
