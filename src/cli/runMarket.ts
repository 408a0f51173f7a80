import { DEFAULT_REGISTRY_CHAIN_ID } from '../registry/abi.js';
import { scanMarket, type ServiceType } from '../registry/market.js';
import { renderMarket } from './renderRegistry.js';
import { resolveRegistryRpc } from '../registry/resolveRpc.js';
import type { CliIO } from './context.js';
import { commandOutput } from './output.js';

export interface MarketCommandOptions {
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
}

const PHASES = { enumerate: 'reading the registry', files: 'reading registration files', probe: 'probing 402s' } as const;

/** `x402-probe market`: always exit 0 once the registry was read (an empty market is an answer). */
export async function runMarket(options: MarketCommandOptions, io: CliIO): Promise<number> {
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
  io.stdout(output.json ? `${JSON.stringify({ model: options.model ?? null, type: options.type ?? null, ...result }, null, 2)}\n` : renderMarket(result, { color: output.color, model: options.model }));
  return 0;
}
