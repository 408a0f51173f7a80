import { Command } from 'commander';
import type { CheckCommandOptions } from './check.js';
import { addProbeOptions } from './check.js';
import type { CliContext } from './context.js';
import { parseAddress, parsePositiveInt } from './parse.js';

/** The `check` options that make sense for many targets at once: no payment, no per-target agent. */
const SHARED_OPTIONS = new Set(['method', 'header', 'body', 'timeout', 'deadline', 'expectPrice', 'expectPayTo', 'expectNetwork', 'rpc', 'attacks', 'strict', 'ipfsGateway', 'allowPrivate']);

export type ScanCommandOptions = Pick<CheckCommandOptions, 'method' | 'header' | 'body' | 'timeout' | 'deadline' | 'expectPrice' | 'expectPayTo' | 'expectNetwork' | 'rpc' | 'attacks' | 'strict' | 'json' | 'ipfsGateway' | 'allowPrivate'> & {
  concurrency: number;
  perHost: number;
  fromRegistry?: boolean;
  registry?: string;
  limit?: number;
};

export function registerScan(program: Command, ctx: CliContext): void {
  const command = program
    .command('scan')
    .description('check many x402 endpoints (a file of URLs, or the ERC-8004 registry), with bounded concurrency and a summary table')
    .argument('[file]', 'file of URLs, one per line (# comments), or - for standard input');
  // Declared once in check.ts: take the shared ones, so descriptions and parsers never drift.
  for (const option of addProbeOptions(new Command()).options) {
    if (SHARED_OPTIONS.has(option.attributeName())) command.addOption(option);
  }
  command
    .option('--json', 'print one JSON report per line (NDJSON) on stdout, and nothing else')
    .option('--concurrency <n>', 'probes in flight at once', parsePositiveInt('--concurrency'), 16)
    .option('--per-host <n>', 'probes in flight per host name (politeness; a probe has at most two requests in flight)', parsePositiveInt('--per-host'), 2)
    .option('--from-registry', 'scan every x402 service of the ERC-8004 IdentityRegistry (read over --rpc, or the public RPC), each with its registry cross-check')
    .option('--registry <address>', 'with --from-registry: IdentityRegistry address (default: the canonical one for the RPC\'s chain)', parseAddress('--registry'))
    .option('--limit <n>', 'with --from-registry: at most this many agents (lowest ids first)', parsePositiveInt('--limit'))
    .addHelpText('after', '\nExit codes: 0 every target passed, 1 at least one failed, 2 usage error (a bad input line names its number),\n130 interrupted (Ctrl-C: probes in flight finish, the rest are not started).')
    .action(async (file: string | undefined, options: ScanCommandOptions) => {
      const { runScan } = await import('./runScan.js');
      ctx.exitCode = await runScan(file, options, ctx.io);
    });
}
