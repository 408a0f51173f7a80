import { UsageError } from '../errors.js';
import { DEFAULT_REGISTRY_CHAIN_ID } from '../registry/abi.js';
import { scanMarket, type ServiceType } from '../registry/market.js';
import { parameterSizeFromName } from '../obol/modelSize.js';
import { priceResearch, serviceSizeClass } from '../obol/marketPricing.js';
import { measureCost } from '../obol/measureCost.js';
import { ollamaBaseUrl } from '../obol/ollama.js';
import { renderMarket } from './renderRegistry.js';
import { renderPricing } from './renderPricing.js';
import { resolveRegistryRpc } from '../registry/resolveRpc.js';
import type { CliIO } from './context.js';
import type { CostCommandOptions } from './costOptions.js';
import { commandOutput } from './output.js';

export interface MarketCommandOptions extends CostCommandOptions {
  model?: string;
  type?: ServiceType;
  limit?: number;
  rpc?: string;
  registry?: string;
  validatedBy?: string;
  concurrency: number;
  timeout: number;
  ipfsGateway?: string;
  allowPrivate?: boolean;
  json?: boolean;
  /** --html: where to write the page. */
  html?: string;
  size?: string;
  /** true: measure --model; a string: measure that model. */
  measure?: boolean | string;
  endpoint?: string;
  ollama?: string;
}

const PHASES = { enumerate: 'reading the registry', files: 'reading registration files', probe: 'probing 402s' } as const;

/** `x402-probe market`: always exit 0 once the registry was read (an empty market is an answer). */
export async function runMarket(options: MarketCommandOptions, io: CliIO): Promise<number> {
  const measureModel = typeof options.measure === 'string' ? options.measure : options.measure ? options.model : undefined;
  if (options.measure && !measureModel) throw new UsageError('--measure needs a model: pass --measure <model> or --model <model>');
  if (options.endpoint && !options.measure) throw new UsageError('--endpoint names the server to measure on: pass --measure too');
  const size = options.size !== undefined ? parameterSizeFromName(options.size) : (parameterSizeFromName(options.model) ?? parameterSizeFromName(measureModel));
  if (options.size !== undefined && !size) throw new UsageError(`--size must spell a parameter size such as 8b, 0.6b or 8x7b, got ${JSON.stringify(options.size)}`);
  if (options.html) await (await import('./htmlPages.js')).checkHtmlTarget(options.html);
  const rpcUrl = await resolveRegistryRpc({ rpc: options.rpc, chainId: DEFAULT_REGISTRY_CHAIN_ID, timeoutMs: Math.min(options.timeout, 5_000) });
  const output = commandOutput(options, io);
  const progress = output.progress();
  const result = await scanMarket({
    rpcUrl,
    registry: options.registry as `0x${string}` | undefined,
    validatedBy: options.validatedBy as `0x${string}` | undefined,
    model: options.model,
    type: options.type,
    limit: options.limit,
    concurrency: options.concurrency,
    timeoutMs: options.timeout,
    ipfsGateway: options.ipfsGateway,
    allowPrivate: options.allowPrivate,
    onProgress: (p) => progress.update(`${PHASES[p.phase]}: ${p.done}${p.total ? `/${p.total}` : ''}`),
  }).finally(() => progress.stop());
  let cost = null;
  if (measureModel) {
    const api = options.endpoint ? 'openai' : 'ollama';
    const url = options.endpoint ?? ollamaBaseUrl(options.ollama, io.env);
    const measuring = output.progress();
    measuring.update(`measuring ${measureModel} at ${url} (at most ${options.measureTokens} tokens, ${Math.round(options.measureTimeout / 1000)} s)`);
    cost = await measureCost({ api, url, model: measureModel, maxTokens: options.measureTokens, timeoutMs: options.measureTimeout, watts: options.watts, energyPrice: options.energyPrice, tokensPerRequest: options.tokensPerRequest }).finally(() => measuring.stop());
  }
  const type = options.type ?? 'inference';
  const pricing = priceResearch({ services: result.services, band: result.band, type, model: options.model ?? measureModel ?? null, size, measurement: cost?.measurement ?? null, floor: cost?.floor ?? null });
  if (output.json) {
    const services = result.services.map((s) => ({ ...s, sizeClass: serviceSizeClass(s) }));
    const defaults = { watts: options.watts, energyPrice: options.energyPrice, tokensPerRequest: options.tokensPerRequest };
    io.stdout(`${JSON.stringify({ model: options.model ?? null, type: options.type ?? null, ...result, services, pricing: { ...pricing, costInputs: defaults } }, null, 2)}\n`);
  } else {
    io.stdout(renderMarket(result, { color: output.color, model: options.model }) + renderPricing(pricing, { color: output.color, watts: options.watts, energyPrice: options.energyPrice, tokensPerRequest: options.tokensPerRequest }));
  }
  if (options.html) {
    const { marketPage, writeHtmlPage } = await import('./htmlPages.js');
    await writeHtmlPage(options.html, marketPage(result, options.model, { research: pricing, inputs: { watts: options.watts, energyPrice: options.energyPrice, tokensPerRequest: options.tokensPerRequest } }));
    output.note(`HTML page written to ${options.html}`);
  }
  return 0;
}
