/**
 * `x402-probe preflight`: is this machine ready to sell on obol-stack? Each item records what
 * was found and, when not ready, the one-line fix. I/O goes through kube/, gather/http and viem.
 */
import type { KubeClient } from '../kube/client.js';
import { KubeApiError } from '../kube/errors.js';
import { WALLET_METADATA } from '../kube/types.js';
import { exchange } from '../gather/http.js';
import { readTunnelUrl } from '../gather/offer.js';
import { isWellFormedAddress } from '../protocol/addresses.js';
import { knownAssetsOn } from '../protocol/assets.js';
import { resolveNetwork } from '../protocol/networks.js';
import { atomicToDecimal } from '../protocol/units.js';
import { redactSecrets } from '../util/redact.js';
import { ollamaModels } from './ollama.js';
import { measureCost, type CostInputs } from './measureCost.js';
import { MAX_MEASURED_MODELS } from './measurement.js';
import { openAiModels } from './openAiModels.js';
import { clusterServiceCandidates, endpointCandidates, ollamaCandidates, type SellCandidate } from './sellCandidates.js';
import { errorLine } from '../util/errorLine.js';

export type PreflightItemId = 'cluster' | 'crd' | 'ollama' | 'endpoint' | 'services' | 'wallet' | 'usdc' | 'gas' | 'tunnel';
/** What the seller means to sell: it decides which items are required. */
export type PreflightType = 'inference' | 'http';
export type PreflightStatus = 'ready' | 'not-ready' | 'skipped';

export interface PreflightItem {
  id: PreflightItemId;
  title: string;
  /** Required items decide the verdict; the others inform. */
  required: boolean;
  status: PreflightStatus;
  /** What was found, one line. */
  detail: string;
  /** How to make it ready, one line (null when ready). */
  fix: string | null;
  /** Structured facts for --json (models, address, balances). */
  data?: Record<string, unknown>;
}

export interface PreflightResult {
  /** The kind of offer readiness was judged for. */
  type: PreflightType;
  ready: boolean;
  items: PreflightItem[];
  /** Everything that could be sold, found by the ollama, endpoint and services items. */
  candidates: SellCandidate[];
}

export interface PreflightParameters {
  /** The cluster client, or why none could be made (no kubeconfig). */
  kube: KubeClient | { error: string };
  /** Ollama base URL (OLLAMA_HOST or http://localhost:11434). */
  ollamaUrl: string;
  /** --signer: remote-signer base URL. */
  signerUrl?: string;
  /** --address: the seller's wallet. */
  address?: string;
  /** --rpc: JSON-RPC of `network`, for balances. */
  rpc?: string;
  /** Network the seller will be paid on (default base-sepolia). */
  network?: string;
  /** inference (default) or http: an HTTP-only seller needs no Ollama. */
  type?: PreflightType;
  /** --endpoint: OpenAI-compatible servers (a GPU box on the LAN), read from GET /v1/models. */
  endpoints?: readonly string[];
  /** --measure: a short bounded generation on each model candidate (at most MAX_MEASURED_MODELS), costed with these inputs. */
  measure?: MeasureOptions;
  timeoutMs?: number;
}

export interface MeasureOptions extends CostInputs {
  maxTokens: number;
  timeoutMs: number;
  /** Called before each model is measured (progress on a TTY). */
  onMeasure?: (model: string, index: number, total: number) => void;
}

async function measureCandidates(candidates: SellCandidate[], options: MeasureOptions): Promise<void> {
  const models = candidates.filter((c) => c.kind !== 'cluster-service').slice(0, MAX_MEASURED_MODELS);
  for (const [index, candidate] of models.entries()) {
    options.onMeasure?.(candidate.name, index, models.length);
    const api = candidate.kind === 'ollama-model' ? 'ollama' : 'openai';
    const { measurement, floor } = await measureCost({ api, url: candidate.source, model: candidate.name, maxTokens: options.maxTokens, timeoutMs: options.timeoutMs, watts: options.watts, energyPrice: options.energyPrice, tokensPerRequest: options.tokensPerRequest });
    candidate.measurement = measurement;
    candidate.floor = floor;
  }
}

const TITLES: Record<PreflightItemId, string> = {
  cluster: 'Kubernetes cluster reachable',
  crd: 'ServiceOffer CRD installed',
  ollama: 'Ollama reachable, with models',
  endpoint: 'OpenAI-compatible endpoint',
  services: 'In-cluster Services',
  wallet: 'Seller wallet resolved',
  usdc: 'USDC balance',
  gas: 'Gas (ETH) balance',
  tunnel: 'Public tunnel',
};

// Ollama is reported for an HTTP seller too (it may sell both), but only inference needs it.
const REQUIRED: Record<PreflightType, readonly PreflightItemId[]> = {
  inference: ['cluster', 'crd', 'ollama', 'wallet'],
  http: ['cluster', 'crd', 'wallet'],
};

/** An item as the inference seller needs it; preflight() re-marks `required` for the type asked. */
function item(id: PreflightItemId, status: PreflightStatus, detail: string, fix: string | null = null, data?: Record<string, unknown>): PreflightItem {
  const out: PreflightItem = { id, title: TITLES[id], required: REQUIRED.inference.includes(id), status, detail: redactSecrets(detail), fix };
  if (data) out.data = data;
  return out;
}

async function walletFromSigner(url: string, timeoutMs: number): Promise<PreflightItem> {
  const base = url.replace(/\/+$/, '');
  const res = await exchange({ url: `${base}/api/v1/keys`, timeoutMs });
  const fix = `start the remote-signer and port-forward it (kubectl port-forward -n <agent namespace> svc/remote-signer 9000), or pass --address`;
  if (res.status === null) return item('wallet', 'not-ready', `the remote-signer at ${base} did not answer (${res.error?.code ?? 'no response'})`, fix);
  if (res.status !== 200) return item('wallet', 'not-ready', `the remote-signer at ${base} answered GET /api/v1/keys with HTTP ${res.status}`, fix);
  let keys: unknown;
  try {
    keys = (JSON.parse(res.body) as { keys?: unknown }).keys;
  } catch {
    return item('wallet', 'not-ready', `the remote-signer at ${base} sent a body that is not JSON`, fix);
  }
  const first = Array.isArray(keys) ? keys[0] : undefined;
  if (!isWellFormedAddress(first)) return item('wallet', 'not-ready', `the remote-signer at ${base} lists no key`, 'load a keystore into the remote-signer (obol agent new creates one), or pass --address');
  return item('wallet', 'ready', `${first} (first key of the remote-signer at ${base})`, null, { address: first, source: 'remote-signer' });
}

async function walletFromCluster(client: KubeClient): Promise<PreflightItem> {
  const fix = 'pass --signer http://localhost:9000 (after kubectl port-forward svc/remote-signer 9000) or --address 0x…';
  let maps;
  try {
    maps = await client.listConfigMaps(WALLET_METADATA.labelSelector);
  } catch (error) {
    return item('wallet', 'not-ready', `could not list the remote-signer wallets in the cluster: ${errorLine(error)}`, fix);
  }
  const found: Array<{ address: string; namespace: string }> = [];
  for (const cm of maps.filter((m) => m.metadata.name === WALLET_METADATA.name)) {
    try {
      const parsed = JSON.parse(cm.data?.[WALLET_METADATA.key] ?? '{}') as { addresses?: Array<{ address?: unknown }> };
      const address = parsed.addresses?.[0]?.address;
      if (isWellFormedAddress(address)) found.push({ address, namespace: cm.metadata.namespace ?? '?' });
    } catch {
      // A malformed ConfigMap names no wallet.
    }
  }
  if (found.length === 1) return item('wallet', 'ready', `${found[0].address} (remote-signer wallet of namespace ${found[0].namespace})`, null, { address: found[0].address, source: 'cluster', namespace: found[0].namespace });
  if (found.length > 1) return item('wallet', 'not-ready', `${found.length} remote-signer wallets in the cluster (${found.map((f) => `${f.namespace}: ${f.address}`).join(', ')})`, 'pass --address with the one to be paid at', { candidates: found });
  return item('wallet', 'not-ready', 'no wallet given and no remote-signer wallet found in the cluster', fix);
}

async function balances(rpc: string, network: string, address: string, timeoutMs: number): Promise<PreflightItem[]> {
  const info = resolveNetwork(network);
  const usdc = info ? knownAssetsOn(info.caip2).find((a) => a.symbol === 'USDC') : undefined;
  const { createPublicClient, http, erc20Abi } = await import('../util/lazyViem.js');
  const client = createPublicClient({ transport: http(rpc, { timeout: timeoutMs, retryCount: 0 }) });
  let chainId: number;
  try {
    chainId = await client.getChainId();
  } catch (error) {
    const why = `the RPC ${rpc} did not answer: ${errorLine(error)}`;
    return [item('usdc', 'not-ready', why, 'pass a working --rpc for the network'), item('gas', 'not-ready', why, 'pass a working --rpc for the network')];
  }
  if (info?.chainId != null && chainId !== info.chainId) {
    const why = `the RPC is chain ${chainId}, but ${network} is chain ${info.chainId}`;
    return [item('usdc', 'not-ready', why, `pass an RPC of ${network}`), item('gas', 'not-ready', why, `pass an RPC of ${network}`)];
  }
  const out: PreflightItem[] = [];
  if (!usdc) out.push(item('usdc', 'not-ready', `no USDC is known on ${network}`, 'sell on a network with USDC (base-sepolia, base)'));
  else {
    try {
      const raw = await client.readContract({ address: usdc.address as `0x${string}`, abi: erc20Abi, functionName: 'balanceOf', args: [address as `0x${string}`] });
      const value = atomicToDecimal(raw, usdc.decimals);
      out.push(item('usdc', 'ready', `${value} USDC at ${address} on ${network} (${usdc.address})`, null, { atomic: raw.toString(), balance: value, asset: usdc.address }));
    } catch (error) {
      out.push(item('usdc', 'not-ready', `balanceOf on USDC ${usdc.address} failed: ${errorLine(error)}`, `check that --rpc serves ${network} with its USDC contract`));
    }
  }
  try {
    const wei = await client.getBalance({ address: address as `0x${string}` });
    const eth = atomicToDecimal(wei, 18);
    out.push(wei > 0n ? item('gas', 'ready', `${eth} ETH at ${address}`, null, { wei: wei.toString(), balance: eth }) : item('gas', 'not-ready', `0 ETH at ${address}: no gas for the ERC-8004 registration transaction`, `send a little ETH on ${network} to ${address} (a faucet on testnets)`, { wei: '0', balance: '0' }));
  } catch (error) {
    out.push(item('gas', 'not-ready', `eth_getBalance failed: ${errorLine(error)}`, 'pass a working --rpc'));
  }
  return out;
}

export async function preflight(params: PreflightParameters): Promise<PreflightResult> {
  const timeoutMs = params.timeoutMs ?? 5_000;
  const network = params.network ?? 'base-sepolia';
  const items: PreflightItem[] = [];
  const client = 'error' in params.kube ? null : params.kube;
  let clusterReady = false;
  if (!client) {
    items.push(item('cluster', 'not-ready', (params.kube as { error: string }).error, 'start obol-stack (obol stack up) and point KUBECONFIG or --kubeconfig at its kubeconfig (~/.config/obol/kubeconfig.yaml)'));
  } else {
    try {
      const v = await client.version();
      clusterReady = true;
      items.push(item('cluster', 'ready', `Kubernetes ${v.gitVersion} at ${client.server} (context ${client.context})`));
    } catch (error) {
      items.push(item('cluster', 'not-ready', errorLine(error), 'start the cluster (obol stack up), or pick the right --context'));
    }
  }
  if (!client || !clusterReady) items.push(item('crd', 'not-ready', 'not checked: the cluster is not reachable', 'make the cluster reachable first'));
  else {
    try {
      items.push((await client.offerCrdServed()) ? item('crd', 'ready', 'serviceoffers.obol.org/v1alpha1 is served') : item('crd', 'not-ready', 'the cluster does not serve serviceoffers.obol.org/v1alpha1', 'install obol-stack in this cluster (obol stack up), or pick the cluster that has it with --context'));
    } catch (error) {
      items.push(item('crd', 'not-ready', errorLine(error), error instanceof KubeApiError && error.reason === 'forbidden' ? 'ask for RBAC access to the obol.org API group' : 'check the cluster'));
    }
  }
  const candidates: SellCandidate[] = [];
  items.push(await ollamaItem(params.ollamaUrl, timeoutMs, candidates));
  for (const url of params.endpoints ?? []) items.push(await endpointItem(url, timeoutMs, candidates));
  if (!client || !clusterReady) items.push(item('services', 'skipped', 'not listed: the cluster is not reachable', 'make the cluster reachable first'));
  else items.push(await servicesItem(client, candidates));
  let wallet: PreflightItem;
  if (params.address) wallet = item('wallet', 'ready', `${params.address} (--address)`, null, { address: params.address, source: 'address' });
  else if (params.signerUrl) wallet = await walletFromSigner(params.signerUrl, timeoutMs);
  else if (client && clusterReady) wallet = await walletFromCluster(client);
  else wallet = item('wallet', 'not-ready', 'no --signer or --address, and no cluster to find the remote-signer wallet in', 'pass --signer http://localhost:9000 (kubectl port-forward svc/remote-signer 9000) or --address 0x…');
  items.push(wallet);
  const address = wallet.status === 'ready' ? String(wallet.data?.address) : null;
  if (!params.rpc) items.push(item('usdc', 'skipped', 'not read: no --rpc', 'pass --rpc <url> to read balances'), item('gas', 'skipped', 'not read: no --rpc', 'pass --rpc <url> to read balances'));
  else if (!address) items.push(item('usdc', 'skipped', 'not read: no wallet', 'resolve the wallet first'), item('gas', 'skipped', 'not read: no wallet', 'resolve the wallet first'));
  else items.push(...(await balances(params.rpc, network, address, timeoutMs)));
  if (!client || !clusterReady) items.push(item('tunnel', 'not-ready', 'not checked: the cluster is not reachable', 'make the cluster reachable first'));
  else {
    const tunnel = await readTunnelUrl(client);
    items.push(tunnel ? item('tunnel', 'ready', tunnel, null, { url: tunnel }) : item('tunnel', 'not-ready', 'no tunnelURL in ConfigMap obol-frontend/obol-stack-config: buyers cannot reach the offers from the internet', 'the quick tunnel starts with the first obol sell; or run obol tunnel restart'));
  }
  if (params.measure) await measureCandidates(candidates, params.measure);
  const type = params.type ?? 'inference';
  const judged = items.map((i) => ({ ...i, required: REQUIRED[type].includes(i.id) }));
  return { type, ready: judged.every((i) => !i.required || i.status === 'ready'), items: judged, candidates };
}

async function endpointItem(url: string, timeoutMs: number, candidates: SellCandidate[]): Promise<PreflightItem> {
  const result = await openAiModels(url, timeoutMs);
  if ('error' in result) return item('endpoint', 'not-ready', result.error, 'start the server, or pass the base URL it serves /v1/models on', { url: result.base });
  candidates.push(...endpointCandidates(result.base, result.models));
  const more = result.omitted > 0 ? ` (and ${result.omitted} more not listed)` : '';
  return item('endpoint', 'ready', `${result.models.length} model${result.models.length === 1 ? '' : 's'} at ${result.base}${more}`, null, { url: result.base, models: result.models, omitted: result.omitted });
}

async function servicesItem(client: KubeClient, candidates: SellCandidate[]): Promise<PreflightItem> {
  const result = await clusterServiceCandidates(client);
  if ('error' in result) return item('services', 'not-ready', result.error, 'ask for RBAC access to list Services, or name the upstream yourself');
  candidates.push(...result.candidates);
  const n = result.candidates.length;
  return item('services', 'ready', n === 0 ? 'no Services outside the system namespaces' : `${n} Service${n === 1 ? '' : 's'} outside the system namespaces`, null, { services: result.candidates.map((c) => c.source) });
}

async function ollamaItem(url: string, timeoutMs: number, candidates: SellCandidate[]): Promise<PreflightItem> {
  const result = await ollamaModels(url, timeoutMs);
  if ('error' in result) return item('ollama', 'not-ready', result.error, 'start Ollama (ollama serve), or point OLLAMA_HOST or --ollama at it');
  if (result.models.length === 0) return item('ollama', 'not-ready', `Ollama at ${result.url} has no models`, 'pull a model, e.g. ollama pull qwen3:0.6b', { url: result.url, models: [] });
  candidates.push(...ollamaCandidates(result.url, result.models));
  return item('ollama', 'ready', `${result.models.length} model${result.models.length === 1 ? '' : 's'} at ${result.url}`, null, { url: result.url, models: result.models });
}
