import type { Command } from 'commander';
import type { PreflightType } from '../obol/preflight.js';
import type { CliContext } from './context.js';
import { MAX_MEASURED_MODELS } from '../obol/measurement.js';
import { addCostOptions } from './costOptions.js';
import { addKubeOptions } from './options.js';
import { collectUrl, parseAddress, parseChoice, parseNetwork, parsePositiveInt, parseUrl } from './parse.js';
import type { PreflightCommandOptions } from './runPreflight.js';

const PREFLIGHT_TYPES = ['inference', 'http'] as const satisfies readonly PreflightType[];

export function registerPreflight(program: Command, ctx: CliContext): void {
  const command = program
    .command('preflight')
    .description('ready to sell on obol-stack? cluster, ServiceOffer CRD, Ollama models (for inference), wallet, balances, tunnel')
    .option('--json', 'print the result as one JSON document')
    .option('--signer <url>', "obol remote-signer URL (its first key is the seller's wallet)", parseUrl)
    .option('--address <address>', "the seller's wallet address", parseAddress('--address'))
    .option('--rpc <url>', 'JSON-RPC URL of the payment network, to read the USDC and gas balances', parseUrl)
    .option('--ollama <url>', 'Ollama base URL (default: OLLAMA_HOST, else http://localhost:11434)', parseUrl)
    .option('--endpoint <url>', 'an OpenAI-compatible server to sell from (vLLM, llama.cpp, LiteLLM on a LAN GPU box), read from GET /v1/models; repeatable', collectUrl, [])
    .option('--network <name>', 'network the seller will be paid on', parseNetwork('--network'), 'base-sepolia')
    .option('--type <kind>', 'what will be sold: inference (needs Ollama) or http (Ollama reported, not required)', parseChoice('--type', PREFLIGHT_TYPES), 'inference')
    .option('--timeout <ms>', 'deadline for each request in milliseconds', parsePositiveInt('--timeout'), 5_000);
  command.option('--measure', `run a short, bounded generation on each model found (at most ${MAX_MEASURED_MODELS}) and compute its cost floor; it loads the models`);
  addCostOptions(command);
  addKubeOptions(command);
  command.action(async (options: PreflightCommandOptions) => {
    const { runPreflight } = await import('./runPreflight.js');
    ctx.exitCode = await runPreflight(options, ctx.io);
  });
}
