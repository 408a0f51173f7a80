import { UsageError } from '../errors.js';
import { applyOffer } from '../kube/applyOffer.js';
import { buildOfferManifest, manifestYaml, type RegistrationMetadata, type SellInput } from '../obol/manifest.js';
import type { PriceModel } from '../obol/pricing.js';
import { waitForOffer } from '../obol/waitForOffer.js';
import { knownAssetsOn } from '../protocol/assets.js';
import { resolveNetwork } from '../protocol/networks.js';
import type { CliIO } from './context.js';
import { kubeClientFor } from './kube.js';
import { commandOutput } from './output.js';
import { type OfferCommandOptions, probeAndReport } from './runOffer.js';

export type SellKind = 'inference' | 'http';

export interface SellCommandOptions extends Omit<OfferCommandOptions, 'path'> {
  price?: string;
  /** obol's spelling of a per-request --price. */
  perRequest?: string;
  perMtok?: boolean;
  perHour?: boolean;
  payTo: string;
  network: string;
  /** The offer's URL path prefix (default /services/<name>). */
  path?: string;
  /** Subpath probed after the wait (default /health). */
  probePath: string;
  healthPath: string;
  register: boolean;
  registerName?: string;
  registerDescription?: string;
  /** obol's alias of --register-description. */
  description?: string;
  registerImage?: string;
  registerSkills?: string[];
  registerDomains?: string[];
  registerMetadata?: Record<string, string>;
  dryRun?: boolean;
  wait: number;
  /** inference */
  model?: string;
  upstreamService?: string;
  upstreamPort?: number;
  /** http: `svc:port`, or `svc` with --port (obol's form). */
  upstream?: string;
  port?: number;
  maxTimeout?: number;
}


/** --price or obol's --per-request: one price, and --per-request only for a per-request one. */
function price(options: SellCommandOptions): string {
  if (options.perRequest !== undefined) {
    if (options.perMtok || options.perHour) throw new UsageError(`--per-request is a per-request price; for ${options.perMtok ? 'per MTok' : 'per hour'} pass --price <decimal> ${options.perMtok ? '--per-mtok' : '--per-hour'}`);
    if (options.price !== undefined && options.price !== options.perRequest) throw new UsageError(`--price ${options.price} and --per-request ${options.perRequest} disagree; pass one of them`);
    return options.perRequest;
  }
  if (options.price === undefined) throw new UsageError('a price is required: --price <decimal> (or --per-request <decimal>)');
  return options.price;
}

/** The --register-* flags, which only mean something with registration on. */
function registration(options: SellCommandOptions): RegistrationMetadata | undefined {
  if (options.registerDescription !== undefined && options.description !== undefined && options.registerDescription !== options.description) {
    throw new UsageError('--register-description and --description are the same flag; pass one of them');
  }
  const metadata: RegistrationMetadata = {
    name: options.registerName,
    description: options.registerDescription ?? options.description,
    image: options.registerImage,
    skills: options.registerSkills,
    domains: options.registerDomains,
    metadata: options.registerMetadata,
  };
  const given = Object.entries(metadata).filter(([, v]) => v !== undefined);
  if (given.length === 0) return undefined;
  if (!options.register) {
    const flag = given[0][0] === 'description' && options.registerDescription === undefined ? '--description' : `--register-${given[0][0]}`;
    throw new UsageError(`--no-register contradicts ${flag}: registration metadata needs registration on`);
  }
  return metadata;
}

/** `--upstream svc:port`, or obol's `--upstream svc --port n`; both ports given must agree. */
function upstream(options: SellCommandOptions): { upstreamService: string; upstreamPort: number } {
  const m = /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?)(?::([0-9]{1,5}))?$/.exec(options.upstream ?? '');
  const inline = m?.[3] !== undefined ? Number(m[3]) : undefined;
  if (!m || (inline !== undefined && (inline < 1 || inline > 65535))) throw new UsageError(`--upstream must be <service>:<port> or <service> with --port, e.g. my-api:8080, got ${JSON.stringify(options.upstream)}`);
  if (inline !== undefined && options.port !== undefined && inline !== options.port) throw new UsageError(`--upstream ${options.upstream} and --port ${options.port} name different ports; pass the port once`);
  const port = inline ?? options.port;
  if (port === undefined) throw new UsageError(`--upstream ${options.upstream} names no port: pass --upstream ${m[1]}:<port> or --port <port>`);
  return { upstreamService: m[1], upstreamPort: port };
}

/** Flags to the ServiceOffer inputs; every inconsistency is a UsageError (exit 2). */
function sellInput(kind: SellKind, name: string, options: SellCommandOptions): SellInput {
  if (options.perMtok && options.perHour) throw new UsageError('pass at most one of --per-mtok and --per-hour');
  const priceModel: PriceModel = options.perMtok ? 'perMTok' : options.perHour ? 'perHour' : 'perRequest';
  const network = resolveNetwork(options.network);
  if (!network?.v1Name || !knownAssetsOn(network.caip2).some((a) => a.symbol === 'USDC')) {
    throw new UsageError(`--network ${JSON.stringify(options.network)} is not a chain obol sells on with USDC (e.g. base-sepolia, base)`);
  }
  const common = {
    name,
    namespace: options.namespace ?? (kind === 'inference' ? 'llm' : 'default'),
    price: price(options),
    priceModel,
    payTo: options.payTo,
    // The obol chain name, as `obol sell` writes it; the gate resolves it to CAIP-2.
    network: network.v1Name,
    path: options.path,
    healthPath: options.healthPath,
    register: options.register,
    registration: registration(options),
  };
  if (kind === 'inference') {
    if (!options.model || /\s/.test(options.model)) throw new UsageError('--model must name an Ollama model, e.g. qwen3:0.6b');
    return { ...common, kind, model: options.model, upstreamService: options.upstreamService ?? 'ollama', upstreamPort: options.upstreamPort ?? 11434 };
  }
  return { ...common, kind, ...upstream(options), maxTimeoutSeconds: options.maxTimeout ?? 300 };
}

/** `x402-probe sell inference|http`: apply, wait for Ready, probe. Exit 0 only when Ready and the probe passes. */
export async function runSell(kind: SellKind, name: string, options: SellCommandOptions, io: CliIO): Promise<number> {
  const manifest = buildOfferManifest(sellInput(kind, name, options));
  const output = commandOutput(options, io);
  if (options.dryRun) {
    io.stdout(output.json ? `${JSON.stringify(manifest, null, 2)}\n` : manifestYaml(manifest));
    return 0;
  }
  const namespace = manifest.metadata.namespace!;
  const { client } = await kubeClientFor(options, io, options.timeout);
  const say = output.note;
  const applied = await applyOffer(client, manifest);
  say(`ServiceOffer ${namespace}/${name} ${applied.action} (generation ${applied.offer.metadata.generation ?? '?'}) in context ${client.context}`);
  if (options.wait === 0) {
    if (output.json) io.stdout(`${JSON.stringify({ tool: 'x402-probe', command: 'sell', action: applied.action, namespace, name, generation: applied.offer.metadata.generation ?? null, conflicts: applied.conflicts, offer: applied.offer }, null, 2)}\n`);
    return 0;
  }

  const spinner = output.progress();
  const waited = await waitForOffer(client, {
    namespace,
    name,
    generation: applied.offer.metadata.generation,
    timeoutMs: options.wait * 1000,
    stop: io.waitForInterrupt(),
    onProgress: (stage) => (output.spinner ? spinner.update(`waiting for ${namespace}/${name}: ${stage}`) : say(`  ${stage}`)),
  }).finally(() => spinner.stop());
  if (waited.outcome === 'ready') say(`ServiceOffer ${namespace}/${name} is Ready after ${(waited.elapsedMs / 1000).toFixed(1)} s; probing it as a buyer`);
  else say(`${waited.outcome === 'stopped' ? 'stopped' : `timed out after ${options.wait} s`} waiting for ServiceOffer ${namespace}/${name}: ${waited.stage}; probing it anyway to explain`);

  const report = await probeAndReport(client, namespace, name, { ...options, path: options.probePath }, io);
  return waited.outcome === 'ready' && report.verdict === 'pass' ? 0 : 1;
}
