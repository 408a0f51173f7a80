import type { Command } from 'commander';
import { Option } from 'commander';
import { ALLOW_PRIVATE_HELP } from './check.js';
import type { CliContext } from './context.js';
import { parseAddress, parseChoice, parsePositiveInt, parseUrl } from './parse.js';

const TYPES = ['inference', 'http'] as const;

export interface MarketOptions {
  model?: string;
  type?: (typeof TYPES)[number];
  limit?: number;
  rpc?: string;
  registry?: string;
  concurrency: number;
  timeout: number;
  ipfsGateway?: string;
  allowPrivate?: boolean;
  json?: boolean;
}

/** `x402-probe market`: comparable x402 services from the registry, their probed prices and a recommended band. */
export function registerMarket(program: Command, ctx: CliContext): void {
  program
    .command('market')
    .description('list comparable x402 services from the ERC-8004 registry with their probed prices, and a recommended price band')
    .option('--model <name>', 'keep services for this model (matched in the service\'s model, name, description or URL)')
    .addOption(new Option('--type <type>', 'keep inference or plain http services').choices(TYPES as unknown as string[]).argParser(parseChoice('--type', TYPES)))
    .option('--limit <n>', 'consider at most this many agents (lowest ids first)', parsePositiveInt('--limit'))
    .option('--rpc <url>', 'JSON-RPC URL of the registry\'s chain (required when the public Base Sepolia RPC is unreachable)', parseUrl)
    .option('--registry <address>', 'IdentityRegistry address (default: the canonical one for the RPC\'s chain)', parseAddress('--registry'))
    .option('--concurrency <n>', 'files fetched and endpoints probed at once', parsePositiveInt('--concurrency'), 8)
    .option('--timeout <ms>', 'deadline for each request in milliseconds', parsePositiveInt('--timeout'), 10_000)
    .option('--ipfs-gateway <url>', 'gateway for ipfs:// agentURIs (default https://ipfs.io)', parseUrl)
    .option('--allow-private', ALLOW_PRIVATE_HELP)
    .option('--json', 'print JSON on stdout (no progress)')
    .action(async (options: MarketOptions) => {
      const [{ resolveRegistryRpc }, { scanMarket }, { renderMarket }, { createProgress }, { DEFAULT_REGISTRY_CHAIN_ID }] = await Promise.all([
        import('../registry/resolveRpc.js'),
        import('../registry/market.js'),
        import('../registry/render.js'),
        import('./progress.js'),
        import('../registry/abi.js'),
      ]);
      const rpcUrl = await resolveRegistryRpc({ rpc: options.rpc, chainId: DEFAULT_REGISTRY_CHAIN_ID, timeoutMs: Math.min(options.timeout, 5_000) });
      const progress = createProgress(ctx.io.isTTY && !options.json, ctx.io.stderr);
      const phases = { enumerate: 'reading the registry', files: 'reading registration files', probe: 'probing 402s' } as const;
      const result = await scanMarket({
        rpcUrl,
        registry: options.registry as `0x${string}` | undefined,
        model: options.model,
        type: options.type,
        limit: options.limit,
        concurrency: options.concurrency,
        timeoutMs: options.timeout,
        ipfsGateway: options.ipfsGateway,
        allowPrivate: options.allowPrivate,
        onProgress: (p) => progress.update(`${phases[p.phase]}: ${p.done}${p.total ? `/${p.total}` : ''}`),
      }).finally(() => progress.stop());
      ctx.io.stdout(options.json ? `${JSON.stringify({ model: options.model ?? null, type: options.type ?? null, ...result }, null, 2)}\n` : renderMarket(result, { color: ctx.io.color, model: options.model }));
      ctx.exitCode = 0;
    });
}
