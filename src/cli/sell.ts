import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import type { CliContext } from './context.js';
import { addAgentOptions, addKubeOptions, addProbeOptions } from './options.js';
import { parseAddress, parseDecimal, parseKubeName, parseNonEmpty, parsePositiveInt, parseUrl } from './parse.js';
import type { SellCommandOptions, SellKind } from './runSell.js';

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

/**
 * One or more comma-separated items per occurrence, appended: urfave/cli's string-slice flags, which
 * obol's --register-skills, --register-domains and --register-metadata are, split the same way.
 */
function splitList(value: string): string[] {
  return value.split(',').map((v) => v.trim()).filter((v) => v !== '');
}

const OASF_SLUG = /^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/;

function collectSlugs(name: string) {
  return (value: string, previous: string[] = []): string[] => {
    const slugs = splitList(value);
    const bad = slugs.find((slug) => !OASF_SLUG.test(slug));
    if (slugs.length === 0 || bad !== undefined) throw new UsageError(`${name} takes OASF slugs such as natural_language_processing/natural_language_generation/text_completion, got ${JSON.stringify(bad ?? value)}`);
    return [...previous, ...slugs];
  };
}

/** obol's parseMetadataPairs: key=value, key and value trimmed, an empty key or no `=` refused. */
function collectMetadata(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const out = { ...previous };
  const pairs = splitList(value);
  if (pairs.length === 0) throw new UsageError(`--register-metadata must be key=value, got ${JSON.stringify(value)}`);
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at < 0 || pair.slice(0, at).trim() === '') throw new UsageError(`--register-metadata must be key=value, got ${JSON.stringify(pair)}`);
    out[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return out;
}

function parseImageUrl(value: string): string {
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {
    // reported below
  }
  if (!url || !['http:', 'https:', 'ipfs:', 'data:'].includes(url.protocol)) throw new UsageError(`--register-image must be an http(s), ipfs:// or data: URL, got ${JSON.stringify(value)}`);
  return value;
}

/** What `obol sell` and x402-probe's own flow share: price, wallet, network, wait, probe. */
function addSellOptions(command: Command, defaultNamespace: string): Command {
  command
    .option('--price <decimal>', 'price in USDC: per request, or per million tokens with --per-mtok, or per hour with --per-hour', parseDecimal('--price'))
    .option('--per-request <decimal>', "price in USDC per request (obol's spelling of --price)", parseDecimal('--per-request'))
    .option('--per-mtok', 'the price is per million tokens (obol charges it as price ÷ 1000 per request)')
    .option('--per-hour', 'the price is per compute hour (obol charges it as price × 5/60 per request)')
    .option('--pay-to <address>', 'wallet the buyers pay', parseAddress('--pay-to'))
    .option('--network <name>', 'payment network (obol chain name)', 'base-sepolia')
    .option('-n, --namespace <ns>', 'namespace of the ServiceOffer', parseKubeName('--namespace'), defaultNamespace)
    .option('--path <prefix>', 'public URL path prefix (default /services/<name>)', parsePathOption('--path'))
    .option('--health-path <path>', "upstream health-check path the controller probes", parsePathOption('--health-path'), '/health')
    .option('--no-register', 'skip ERC-8004 registration (obol registers by default)')
    .option('--register-name <name>', 'agent name in the ERC-8004 registration (default: the offer name)', parseNonEmpty('--register-name'))
    .option('--register-description <text>', 'agent description in the ERC-8004 registration', parseNonEmpty('--register-description'))
    .option('--description <text>', 'alias of --register-description', parseNonEmpty('--description'))
    .option('--register-image <url>', 'agent image URL in the ERC-8004 registration', parseImageUrl)
    .option('--register-skills <slug,...>', 'OASF skills for discovery (repeatable or comma-separated)', collectSlugs('--register-skills'))
    .option('--register-domains <slug,...>', 'OASF domains for discovery (repeatable or comma-separated)', collectSlugs('--register-domains'))
    .option('--register-metadata <key=value>', 'extra registration metadata (repeatable; commas separate pairs, as in obol)', collectMetadata)
    .option('--dry-run', 'print the ServiceOffer YAML and change nothing')
    .option('--wait <seconds>', 'how long to wait for the six conditions before probing (0: apply only)', parseSeconds, 120)
    .option('--base-url <url>', 'public origin to probe the offer at (default: the tunnel URL the cluster records)', parseUrl)
    .option('--probe-path <subpath>', "subpath under the offer's path to probe once Ready", '/health');
  addKubeOptions(command);
  return addAgentOptions(addProbeOptions(command));
}

/**
 * Required options of each kind, checked in the action rather than by commander: commander checks
 * required options before arguments, so `sell inference` without a name would name `--model`.
 */
const REQUIRED_OPTIONS = {
  inference: [['model', '--model <name>'], ['payTo', '--pay-to <address>']],
  http: [['upstream', '--upstream <svc[:port]>'], ['payTo', '--pay-to <address>']],
} as const satisfies Record<SellKind, readonly (readonly [keyof SellCommandOptions, string])[]>;

export function registerSell(program: Command, ctx: CliContext): void {
  const sell = program.command('sell').description('create or update an obol-stack ServiceOffer, wait for it to become Ready, then probe it as a buyer');
  const inference = sell
    .command('inference')
    .description('sell a model served by Ollama in the cluster')
    .argument('<name>', 'ServiceOffer name', parseKubeName('the offer name'))
    .option('--model <name>', 'model to sell, as Ollama names it (e.g. qwen3:0.6b)')
    .option('--upstream-service <svc>', 'Service in front of Ollama', 'ollama')
    .option('--upstream-port <port>', "that Service's port", parsePort('--upstream-port'), 11434);
  addSellOptions(inference, 'llm');
  const http = sell
    .command('http')
    .description('sell any HTTP service in the cluster')
    .argument('<name>', 'ServiceOffer name', parseKubeName('the offer name'))
    .option('--upstream <svc[:port]>', 'the Service to sell, with its port here or in --port')
    .option('--port <port>', "the upstream Service's port (obol's form: --upstream <svc> --port <port>)", parsePort('--port'))
    .option('--max-timeout <seconds>', 'payment validity window', parsePositiveInt('--max-timeout'), 300);
  addSellOptions(http, 'default');
  for (const [command, kind] of [[inference, 'inference'], [http, 'http']] as const satisfies readonly (readonly [Command, SellKind])[]) {
    command.action(async (name: string, options: SellCommandOptions) => {
      const missing = REQUIRED_OPTIONS[kind].find(([key]) => options[key] === undefined);
      if (missing) throw new UsageError(`required option '${missing[1]}' not specified`);
      const { runSell } = await import('./runSell.js');
      ctx.exitCode = await runSell(kind, name, options, ctx.io);
    });
  }
}
