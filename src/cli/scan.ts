import { Command } from 'commander';
import type { CliContext } from './context.js';
import { addProbeOptions } from './options.js';
import { parseAddress, parsePositiveInt, parseShard } from './parse.js';
import type { ScanCommandOptions, ScanProbeOptionName } from './runScan.js';
import { registerScanMerge } from './scanMerge.js';

/** Exactly the probe options runScan's type takes: the compiler holds this list and that type together. */
const SCAN_PROBE_OPTIONS: Record<ScanProbeOptionName, true> = {
  method: true,
  header: true,
  body: true,
  timeout: true,
  deadline: true,
  expectPrice: true,
  expectPayTo: true,
  expectNetwork: true,
  rpc: true,
  attacks: true,
  strict: true,
  ipfsGateway: true,
  allowPrivate: true,
};

export function registerScan(program: Command, ctx: CliContext): void {
  const command = program
    .command('scan')
    .description('check many x402 endpoints (a file of URLs, or the ERC-8004 registry), with bounded concurrency and a summary table')
    .argument('[file]', 'file of URLs, one per line (# comments), or - for standard input');
  // Declared once in options.ts: take the shared ones, so descriptions and parsers never drift.
  for (const option of addProbeOptions(new Command()).options) {
    if (Object.hasOwn(SCAN_PROBE_OPTIONS, option.attributeName())) command.addOption(option);
  }
  command
    .option('--json', 'print one JSON report per line (NDJSON) on stdout, and nothing else; each check carries its id, status, messageId, message and evidence (the rest is the check\'s own: docs/checks.md)')
    .option('--full-reports', 'with --json: each line is the whole report, as check --json prints it (title, severity, fix, specRef, docsUrl and findings of every check)')
    .option('--html <file>', 'also write the results as one self-contained HTML page (a sortable table and a price chart)')
    .option('--concurrency <n>', 'probes in flight at once', parsePositiveInt('--concurrency'), 16)
    .option('--per-host <n>', 'probes in flight per host name (politeness; a probe has at most two requests in flight)', parsePositiveInt('--per-host'), 2)
    .option('--from-registry', 'scan every x402 service of the ERC-8004 IdentityRegistry (read over --rpc, or the public RPC), each with its registry cross-check')
    .option('--registry <address>', 'with --from-registry: IdentityRegistry address (default: the canonical one for the RPC\'s chain)', parseAddress('--registry'))
    .option('--limit <n>', 'with --from-registry: at most this many agents (lowest ids first)', parsePositiveInt('--limit'))
    .option('--workers <n>', 'threads running the probes, each with its own connection pool (default 1: probes on the main thread, signing on a thread of its own); try the core count on an idle machine', parsePositiveInt('--workers'))
    .option('--exit-zero', 'exit 0 even when targets fail (2 still means a usage error): for a Job whose pods should fail only on the probe\'s own trouble')
    .option('--shard <i/n>', 'probe only slice i of n (0 <= i < n), chosen by a hash of each target\'s agent (else its URL): the n slices together are exactly the whole scan; combine their --json output with `scan merge`', parseShard)
    .addHelpText('after', '\nExit codes: 0 every target passed, 1 at least one failed, 2 usage error (a bad input line names its number),\n130 interrupted (Ctrl-C: probes in flight finish, the rest are not started).')
    .action(async (file: string | undefined, options: ScanCommandOptions) => {
      const { runScan } = await import('./runScan.js');
      ctx.exitCode = await runScan(file, options, ctx.io);
    });
  registerScanMerge(command, ctx);
}
