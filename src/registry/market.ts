import type { Dispatcher } from 'undici';
import type { PublicClient } from 'viem';
import { createDispatcher, exchange } from '../gather/http.js';
import { NetworkPolicy, type NetworkPolicyOptions } from '../gather/network.js';
import { APPROX_TOKENS_PER_REQUEST } from '../obol/pricing.js';
import { findKnownAsset } from '../protocol/assets.js';
import { decodeChallenge } from '../protocol/decodeChallenge.js';
import { atomicToDecimal, decimalToAtomic, isAtomicString } from '../protocol/units.js';
import { canonicalRegistry } from './agentRef.js';
import { hasAgentIdTemplate, normalizeEndpoint } from './endpoints.js';
import { enumerateAgents } from './enumerateAgents.js';
import { fetchRegistrationFile } from './fetchRegistrationFile.js';
import { priceBand, type PriceBand } from './marketStats.js';
import { advertisedPrices } from './prices.js';
import { createRegistryClient } from './readAgent.js';
import { readTrustSummary, registryDeployed, type TrustSummary } from './readTrust.js';
import { canonicalTrustRegistries } from './trustAbi.js';
import { resolveNetwork } from '../protocol/networks.js';
import { validateRegistrationFile, type ServiceView } from './validateRegistrationFile.js';

export type ServiceType = 'inference' | 'http';

/** NetworkPolicyOptions: registration files and endpoints are data, reached only at public addresses unless `allowPrivate`. */
export interface MarketParameters extends NetworkPolicyOptions {
  rpcUrl: string;
  /** Default: the canonical IdentityRegistry of the RPC's chain. */
  registry?: `0x${string}`;
  /** Keep services whose model (or, lacking one, name, description or endpoint) mentions this. */
  model?: string;
  type?: ServiceType;
  /** Consider at most this many agents (lowest ids first). */
  limit?: number;
  /** Files fetched and endpoints probed at once (default 8). */
  concurrency?: number;
  timeoutMs?: number;
  ipfsGateway?: string;
  fromBlock?: bigint;
  /** Keep only agents this validator has answered for, best average response first. */
  validatedBy?: `0x${string}`;
  client?: PublicClient;
  dispatcher?: Dispatcher;
  onProgress?: (progress: { phase: 'enumerate' | 'files' | 'probe'; done: number; total: number }) => void;
}

/** One x402 service found through the registry, with the price its 402 asked. */
export interface MarketService {
  agentId: string;
  agentName: string | null;
  /** The services[] entry's name. */
  service: string | null;
  endpoint: string;
  type: ServiceType;
  model: string | null;
  /** The parameter size the registration declares (`parameterSize`, `parameters`), as written. */
  parameterSize?: string | null;
  /** priced: a 402 with a known asset; the rest say why no price could be read (forbidden: not at a public address, never requested). */
  status: 'priced' | 'unreachable' | 'forbidden' | 'not-402' | 'no-challenge' | 'unknown-asset';
  httpStatus: number | null;
  method: 'GET' | 'POST';
  x402Version: 1 | 2 | null;
  network: string | null;
  asset: string | null;
  symbol: string | null;
  /** Atomic amount asked per request. */
  amount: string | null;
  /** Decimal price per request, in the asset. */
  perRequest: string | null;
  /** Decimal price per million tokens, where the service says how it prices tokens. */
  perMTok: string | null;
  perMTokSource: 'registration' | 'challenge' | null;
  /** The price the registration advertises, as written (for comparison by eye). */
  advertised: string | null;
  error: string | null;
  /** The agent's validations and reputation (ERC-8004 Validation and Reputation registries). */
  trust: TrustSummary | null;
}

export interface MarketResult {
  chainId: number;
  registry: string;
  /** Agents enumerated. */
  agents: number;
  /** Agents whose file was read and kept as x402 sellers. */
  x402Agents: number;
  /** Agents (or services) left out, counted by reason. */
  excluded: Record<string, number>;
  /** Services of the requested type and model, probed, cheapest first. */
  services: MarketService[];
  /** Per-request band over the priced services (in the most common asset). It recommends; it never sets a price. */
  band: PriceBand | null;
  /** Per-1M-token band over the services that price tokens. */
  bandPerMTok: PriceBand | null;
  /** False when the chain has no Validation registry (normal: it is not deployed everywhere yet). */
  validationDeployed: boolean | null;
  validatedBy: string | null;
}

const NOT_HTTP_SERVICES = new Set(['oasf', 'ens', 'did', 'email', 'agentwallet', 'a2a']);
const INFERENCE_PATH = /chat\/completions|\/v1\/completions|\/api\/generate|\/api\/chat|\/inference\b|\/v1\/messages/i;

function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** A service's model: `model`, the first of `models`, or the file's `metadata.model`. */
function modelOf(service: ServiceView, doc: Record<string, unknown>): string | null {
  const models = service.raw.models;
  return str(service.raw.model) ?? (Array.isArray(models) ? str(models[0]) : null) ?? str(asRecord(doc.metadata)?.model);
}

/** A declared parameter size: the service's `parameterSize` or `parameters`, else the file's metadata. */
function declaredSizeOf(service: ServiceView, doc: Record<string, unknown>): string | null {
  const meta = asRecord(doc.metadata);
  // A bare number is billions (8), or a raw parameter count (8030261248) when it is that large.
  const pick = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? `${v >= 1e6 ? v / 1e9 : v}B` : str(v));
  return pick(service.raw.parameterSize) ?? pick(service.raw.parameters) ?? pick(meta?.parameterSize) ?? pick(meta?.parameter_size);
}

/** inference when the service or file says so, names a model, or the path is a chat/completions API; else http. */
export function classifyService(service: ServiceView, doc: Record<string, unknown>): ServiceType {
  const meta = asRecord(doc.metadata);
  const declared = str(service.raw.type) ?? str(service.raw.serviceType) ?? str(meta?.type) ?? str(meta?.['service.type']);
  if (declared) return /inference|llm|chat|completion/i.test(declared) ? 'inference' : 'http';
  if (modelOf(service, doc)) return 'inference';
  return typeof service.endpoint === 'string' && INFERENCE_PATH.test(service.endpoint) ? 'inference' : 'http';
}

function matchesModel(model: string, service: ServiceView, doc: Record<string, unknown>): boolean {
  const wanted = model.toLowerCase();
  const own = modelOf(service, doc);
  if (own) return own.toLowerCase().includes(wanted);
  return [service.name, service.endpoint, doc.name, doc.description].some((t) => typeof t === 'string' && t.toLowerCase().includes(wanted));
}

/** Run `fn` over `items` with at most `limit` at once, keeping order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>, onDone?: (done: number) => void): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
      onDone?.(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

interface Candidate {
  agentId: string;
  agentName: string | null;
  view: ServiceView;
  doc: Record<string, unknown>;
  type: ServiceType;
  model: string | null;
  parameterSize: string | null;
  advertised: ReturnType<typeof advertisedPrices>;
}

async function probe(c: Candidate, params: MarketParameters, dispatcher: Dispatcher, network: NetworkPolicy): Promise<MarketService> {
  const endpoint = c.view.endpoint as string;
  const declared = str(c.view.raw.method)?.toUpperCase();
  const first = declared === 'POST' ? 'POST' : 'GET';
  const send = (method: 'GET' | 'POST') =>
    exchange({ url: endpoint, method, headers: method === 'POST' ? { 'content-type': 'application/json' } : {}, body: method === 'POST' ? '{}' : undefined, timeoutMs: params.timeoutMs, dispatcher, source: 'data', network });
  let method: 'GET' | 'POST' = first;
  let ex = await send(method);
  // Chat APIs route only POST; a GET there is 404/405 before the gate.
  if (!declared && c.type === 'inference' && (ex.status === 404 || ex.status === 405)) ex = await send((method = 'POST'));
  const firstPrice = c.advertised.prices[0];
  const out: MarketService = {
    agentId: c.agentId, agentName: c.agentName, service: str(c.view.name), endpoint, type: c.type, model: c.model, parameterSize: c.parameterSize, status: 'priced', httpStatus: ex.status, method,
    x402Version: null, network: null, asset: null, symbol: null, amount: null, perRequest: null, perMTok: null, perMTokSource: null,
    advertised: firstPrice ? `${firstPrice.value}${firstPrice.model === 'perRequest' ? '' : ` ${firstPrice.model}`}` : null, error: null, trust: null,
  };
  if (ex.error?.code === 'forbidden-address') return { ...out, status: 'forbidden', error: ex.error.message };
  if (ex.status === null) return { ...out, status: 'unreachable', error: ex.error ? `${ex.error.code}: ${ex.error.message}` : 'no response' };
  if (ex.status !== 402) return { ...out, status: 'not-402' };
  const challenge = decodeChallenge(ex);
  out.x402Version = challenge.x402Version;
  const priced = challenge.requirements
    .filter((r) => isAtomicString(r.amount) && typeof r.network === 'string' && typeof r.asset === 'string')
    .map((r) => ({ r, known: findKnownAsset(r.network as string, r.asset as string) }));
  if (priced.length === 0) return { ...out, status: 'no-challenge' };
  const pick = priced.find((p) => p.known?.symbol === 'USDC') ?? priced.find((p) => p.known) ?? priced[0];
  out.network = pick.r.network as string;
  out.asset = pick.r.asset as string;
  out.amount = pick.r.amount as string;
  if (!pick.known) return { ...out, status: 'unknown-asset' };
  const { decimals, symbol } = pick.known;
  out.symbol = symbol;
  out.perRequest = atomicToDecimal(out.amount, decimals);
  const advertisedMTok = c.advertised.prices.find((p) => p.model === 'perMTok');
  const extra = asRecord(pick.r.extra);
  if (advertisedMTok) {
    out.perMTok = advertisedMTok.value;
    out.perMTokSource = 'registration';
  } else if (extra?.priceModel === 'perMTok') {
    out.perMTok = challengePerMTok(out.amount, decimals, extra.approxTokensPerRequest);
    out.perMTokSource = 'challenge';
  }
  return out;
}

/**
 * The per-MTok price a perMTok challenge implies: its amount over the tokens a request is taken
 * at, the seller's `approxTokensPerRequest` when it is a usable count (a fraction rounding to 0
 * would divide by zero, and 1e400 parses as Infinity), else obol's default.
 */
export function challengePerMTok(amount: string, decimals: number, approxTokensPerRequest: unknown): string {
  const given = typeof approxTokensPerRequest === 'number' && Number.isFinite(approxTokensPerRequest) ? Math.round(approxTokensPerRequest) : 0;
  const tokens = given >= 1 ? given : APPROX_TOKENS_PER_REQUEST;
  return atomicToDecimal((BigInt(amount) * 1_000_000n * 100n) / BigInt(tokens), decimals + 2);
}

/** The band over the priced services among these (in their most common asset), or null. */
export function bandOf(services: readonly MarketService[], pick: (s: MarketService) => string | null): PriceBand | null {
  const groups = new Map<string, { decimals: number; symbol: string; amounts: bigint[] }>();
  for (const s of services) {
    const value = pick(s);
    const known = s.network && s.asset ? findKnownAsset(s.network, s.asset) : null;
    if (s.status !== 'priced' || value === null || !known) continue;
    const atomic = decimalToAtomic(value, known.decimals + 2);
    if (atomic === null) continue;
    const key = `${known.symbol}/${known.decimals}`;
    const group = groups.get(key) ?? { decimals: known.decimals, symbol: known.symbol, amounts: [] };
    group.amounts.push(atomic);
    groups.set(key, group);
  }
  const largest = [...groups.values()].sort((a, b) => b.amounts.length - a.amounts.length)[0];
  // Amounts carry two extra digits so per-MTok prices below one atomic unit keep their precision.
  return largest ? priceBand(largest.amounts, largest.decimals + 2, largest.symbol) : null;
}

/**
 * Market research for a seller: enumerate the registry's agents, read their files, keep the x402
 * services of the requested type and model, probe each one's 402 unpaid, and summarise the prices
 * as a band (median and quartiles). It recommends; it never sets a price.
 */
export async function scanMarket(params: MarketParameters): Promise<MarketResult> {
  const concurrency = params.concurrency ?? 8;
  const client = params.client ?? (await createRegistryClient(params.rpcUrl, params.timeoutMs ?? 10_000));
  const chainId = await client.getChainId();
  const registry = params.registry ?? canonicalRegistry(chainId);
  const ownDispatcher = params.dispatcher ? null : createDispatcher({ connections: concurrency });
  const dispatcher = params.dispatcher ?? ownDispatcher!;
  const network = new NetworkPolicy({ allowPrivate: params.allowPrivate, lookup: params.lookup, classifyAddress: params.classifyAddress, connections: concurrency, connectTimeoutMs: params.timeoutMs });
  const excluded: Record<string, number> = {};
  const exclude = (reason: string) => void (excluded[reason] = (excluded[reason] ?? 0) + 1);
  try {
    params.onProgress?.({ phase: 'enumerate', done: 0, total: 0 });
    const { agents } = await enumerateAgents({ client, registry, limit: params.limit, fromBlock: params.fromBlock, onProgress: (p) => params.onProgress?.({ phase: 'enumerate', done: p.agents, total: 0 }) });
    const files = await mapLimit(agents, concurrency, (a) => fetchRegistrationFile({ uri: a.uri, ipfsGateway: params.ipfsGateway, timeoutMs: params.timeoutMs, dispatcher, source: 'data', network }), (done) =>
      params.onProgress?.({ phase: 'files', done, total: agents.length }),
    );
    const candidates: Candidate[] = [];
    const seen = new Set<string>();
    let x402Agents = 0;
    agents.forEach((agent, i) => {
      const f = files[i];
      if (f.error?.code === 'forbidden-address') return exclude('registration file not at a public address');
      const ok = f.json?.ok && (!f.exchange || f.exchange.status === 200);
      if (!ok || !f.json?.ok) return exclude('registration file unreadable');
      const v = validateRegistrationFile(f.json.value);
      if (!v.document) return exclude('registration file unreadable');
      if (v.x402Support !== true) return exclude('not declared x402');
      if (v.active === false) return exclude('inactive');
      x402Agents += 1;
      for (const view of v.services) {
        if (typeof view.endpoint !== 'string' || NOT_HTTP_SERVICES.has(String(view.name).toLowerCase())) continue;
        const normal = normalizeEndpoint(view.endpoint);
        if (!normal) continue;
        if (hasAgentIdTemplate(view.endpoint)) {
          exclude('endpoint has an {agentId} template');
          continue;
        }
        const type = classifyService(view, v.document);
        if (params.type && type !== params.type) {
          exclude(`not ${params.type}`);
          continue;
        }
        if (params.model && !matchesModel(params.model, view, v.document)) {
          exclude('another model');
          continue;
        }
        if (seen.has(normal)) continue;
        seen.add(normal);
        const advertised = advertisedPrices(v.document, { index: view.index, raw: view.raw, field: v.servicesField ?? 'services' });
        candidates.push({ agentId: agent.agentId.toString(), agentName: str(v.name), view, doc: v.document, type, model: modelOf(view, v.document), parameterSize: declaredSizeOf(view, v.document), advertised });
      }
    });
    const trustRegistries = canonicalTrustRegistries(resolveNetwork(`eip155:${chainId}`)?.testnet ?? false);
    const [validationDeployed, reputationDeployed] = await Promise.all([registryDeployed(client, trustRegistries.validation), registryDeployed(client, trustRegistries.reputation)]);
    const agentIds = [...new Set(candidates.map((c) => c.agentId))];
    const summaries = await mapLimit(agentIds, concurrency, (id) =>
      readTrustSummary({ client, agentId: BigInt(id), validationRegistry: trustRegistries.validation, reputationRegistry: trustRegistries.reputation, validationDeployed: validationDeployed === true, reputationDeployed: reputationDeployed === true, validatedBy: params.validatedBy }),
    );
    const trustOf = new Map(agentIds.map((id, i) => [id, summaries[i]]));
    let kept = candidates;
    if (params.validatedBy) {
      kept = candidates.filter((c) => (trustOf.get(c.agentId)?.validatedBy?.count ?? 0) > 0);
      for (let i = kept.length; i < candidates.length; i++) exclude(`not validated by ${params.validatedBy}`);
    }
    const services = await mapLimit(kept, concurrency, (c) => probe(c, params, dispatcher, network), (done) => params.onProgress?.({ phase: 'probe', done, total: kept.length }));
    for (const s of services) s.trust = trustOf.get(s.agentId) ?? null;
    for (const s of services) if (s.status !== 'priced') exclude(`endpoint ${s.status}`);
    const order = (s: MarketService) => (s.status === 'priced' && s.perRequest !== null ? Number(s.perRequest) : Number.POSITIVE_INFINITY);
    // Ranked by the named validator's average response, then by price.
    const rank = (s: MarketService) => -(s.trust?.validatedBy?.average ?? 0);
    services.sort((a, b) => (params.validatedBy ? rank(a) - rank(b) : 0) || order(a) - order(b));
    return {
      chainId,
      registry,
      agents: agents.length,
      x402Agents,
      excluded,
      services,
      band: bandOf(services, (s) => s.perRequest),
      bandPerMTok: bandOf(services, (s) => s.perMTok),
      validationDeployed,
      validatedBy: params.validatedBy ?? null,
    };
  } finally {
    await Promise.all([ownDispatcher?.destroy().catch(() => undefined), network.close()]);
  }
}
