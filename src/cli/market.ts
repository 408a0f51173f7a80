import type { Command } from 'commander';
import { Option } from 'commander';
import type { ServiceType } from '../registry/market.js';
import type { CliContext } from './context.js';
import { allowPrivateOption, ipfsGatewayOption } from './options.js';
import { addCostOptions } from './costOptions.js';
import { parseAddress, parseChoice, parsePositiveInt, parseUrl } from './parse.js';
import type { MarketCommandOptions } from './runMarket.js';

const TYPES = ['inference', 'http'] as const satisfies readonly ServiceType[];

/** `x402-probe market`: comparable x402 services from the registry, their probed prices and a recommended band. */
export function registerMarket(program: Command, ctx: CliContext): void {
  const command = program
    .command('market')
    .description('list comparable x402 services from the ERC-8004 registry with their probed prices, and a recommended price band')
    .option('--model <name>', 'keep services for this model (matched in the service\'s model, name, description or URL)')
    .addOption(new Option('--type <type>', 'keep inference or plain http services').choices(TYPES).argParser(parseChoice('--type', TYPES)))
    .option('--limit <n>', 'consider at most this many agents (lowest ids first)', parsePositiveInt('--limit'))
    .option('--rpc <url>', 'JSON-RPC URL of the registry\'s chain (required when the public Base Sepolia RPC is unreachable)', parseUrl)
    .option('--registry <address>', 'IdentityRegistry address (default: the canonical one for the RPC\'s chain)', parseAddress('--registry'))
    .option('--validated-by <address>', 'keep agents this validator has answered for in the Validation registry, best average response first', parseAddress('--validated-by'))
    .option('--concurrency <n>', 'files fetched and endpoints probed at once', parsePositiveInt('--concurrency'), 8)
    .option('--timeout <ms>', 'deadline for each request in milliseconds', parsePositiveInt('--timeout'), 10_000)
    .addOption(ipfsGatewayOption())
    .addOption(allowPrivateOption())
    .option('--json', 'print JSON on stdout (no progress)')
    .option('--html <file>', 'also write the market as one self-contained HTML page (a sortable table and a price chart)')
    .option('--size <params>', 'parameter size of the model to price, e.g. 8b, 0.6b, 8x7b, or a tag that spells it (default: read from --model)')
    .option('--measure [model]', 'run a short, bounded generation on this model (default: --model) to compute your cost floor; it loads the model')
    .option('--endpoint <url>', 'measure on this OpenAI-compatible server (vLLM, llama.cpp, LiteLLM) instead of Ollama', parseUrl)
    .option('--ollama <url>', 'Ollama base URL to measure on (default: OLLAMA_HOST, else http://localhost:11434)', parseUrl);
  addCostOptions(command).action(async (options: MarketCommandOptions) => {
    const { runMarket } = await import('./runMarket.js');
    ctx.exitCode = await runMarket(options, ctx.io);
  });
}
