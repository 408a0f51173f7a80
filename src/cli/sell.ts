import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { addProbeOptions } from './check.js';
import type { CliContext } from './context.js';
import { addAgentOptions, addKubeOptions, type OfferCommandOptions, parseKubeName } from './offer.js';
import { parseAddress, parseDecimal, parsePositiveInt, parseUrl } from './parse.js';

export interface SellCommandOptions extends Omit<OfferCommandOptions, 'path'> {
  price: string;
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
  dryRun?: boolean;
  wait: number;
  /** inference */
  model?: string;
  upstreamService?: string;
  upstreamPort?: number;
  /** http: `svc:port` */
  upstream?: string;
  maxTimeout?: number;
}

function parsePort(name: string) {
  return (value: string): number => {
    const port = Number(value);
    if (!/^[0-9]+$/.test(value) || port < 1 || port > 65535) throw new UsageError(`${name} must be a port number 1-65535, got ${JSON.stringify(value)}`);
    return port;
  };
}

function parseSeconds(value: string): number {
  if (!/^[0-9]+$/.test(value)) throw new UsageError(`--wait must be a whole number of seconds, got ${JSON.stringify(value)}`);
  return Number(value);
}

function parsePathOption(name: string) {
  return (value: string): string => {
    if (!/^\/[a-zA-Z0-9/_.-]*$/.test(value) || value.split('/').includes('..')) throw new UsageError(`${name} must be a URL path such as /services/my-api, got ${JSON.stringify(value)}`);
    return value;
  };
}

/** What `obol sell` and x402-probe's own flow share: price, wallet, network, wait, probe. */
function addSellOptions(command: Command, defaultNamespace: string): Command {
  command
    .requiredOption('--price <decimal>', 'price in USDC: per request, or per million tokens with --per-mtok, or per hour with --per-hour', parseDecimal('--price'))
    .option('--per-mtok', 'the price is per million tokens (obol charges it as price ÷ 1000 per request)')
    .option('--per-hour', 'the price is per compute hour (obol charges it as price × 5/60 per request)')
    .requiredOption('--pay-to <address>', 'wallet the buyers pay', parseAddress('--pay-to'))
    .option('--network <name>', 'payment network (obol chain name)', 'base-sepolia')
    .option('-n, --namespace <ns>', 'namespace of the ServiceOffer', parseKubeName('--namespace'), defaultNamespace)
    .option('--path <prefix>', 'public URL path prefix (default /services/<name>)', parsePathOption('--path'))
    .option('--health-path <path>', "upstream health-check path the controller probes", parsePathOption('--health-path'), '/health')
    .option('--no-register', 'skip ERC-8004 registration (obol registers by default)')
    .option('--dry-run', 'print the ServiceOffer YAML and change nothing')
    .option('--wait <seconds>', 'how long to wait for the six conditions before probing (0: apply only)', parseSeconds, 120)
    .option('--base-url <url>', 'public origin to probe the offer at (default: the tunnel URL the cluster records)', parseUrl)
    .option('--probe-path <subpath>', "subpath under the offer's path to probe once Ready", '/health');
  addKubeOptions(command);
  return addAgentOptions(addProbeOptions(command));
}

export function registerSell(program: Command, ctx: CliContext): void {
  const sell = program.command('sell').description('create or update an obol-stack ServiceOffer, wait for it to become Ready, then probe it as a buyer');
  const inference = sell
    .command('inference')
    .description('sell a model served by Ollama in the cluster')
    .argument('<name>', 'ServiceOffer name', parseKubeName('the offer name'))
    .requiredOption('--model <name>', 'model to sell, as Ollama names it (e.g. qwen3:0.6b)')
    .option('--upstream-service <svc>', 'Service in front of Ollama', 'ollama')
    .option('--upstream-port <port>', "that Service's port", parsePort('--upstream-port'), 11434);
  addSellOptions(inference, 'llm');
  const http = sell
    .command('http')
    .description('sell any HTTP service in the cluster')
    .argument('<name>', 'ServiceOffer name', parseKubeName('the offer name'))
    .requiredOption('--upstream <svc:port>', 'the Service and port to sell')
    .option('--max-timeout <seconds>', 'payment validity window', parsePositiveInt('--max-timeout'), 300);
  addSellOptions(http, 'default');
  for (const [command, kind] of [[inference, 'inference'], [http, 'http']] as const) {
    // main() only sets these on top-level commands; nested ones must not call process.exit.
    command.exitOverride().configureOutput({ writeOut: (s) => ctx.io.stdout(s), writeErr: (s) => ctx.io.stderr(s), outputError: () => {} });
    command.action(async (name: string, options: SellCommandOptions) => {
      const { runSell } = await import('./runSell.js');
      ctx.exitCode = await runSell(kind, name, options, ctx.io);
    });
  }
  sell.exitOverride().configureOutput({ writeOut: (s) => ctx.io.stdout(s), writeErr: (s) => ctx.io.stderr(s), outputError: () => {} });
}
