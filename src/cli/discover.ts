import type { Command } from 'commander';
import type { CliContext } from './context.js';
import { allowPrivateOption } from './options.js';
import { collectHeader, parsePositiveInt, parseUrl } from './parse.js';
import type { DiscoverCommandOptions } from './runDiscover.js';

export function registerDiscover(program: Command, ctx: CliContext): void {
  program
    .command('discover')
    .description('list the resources an origin advertises (OpenAPI x-payment-info, /.well-known/x402); with --probe, check each one')
    .argument('<origin>', 'the seller\'s origin (any URL on it)', parseUrl)
    .option('-H, --header <name:value>', 'extra request header for the origin (repeatable)', collectHeader)
    .option('--timeout <ms>', 'deadline for each exchange in milliseconds', parsePositiveInt('--timeout'), 10_000)
    .addOption(allowPrivateOption())
    .option('--probe', 'probe each advertised resource as `scan` does (attacks on, no payment), with its summary')
    .option('--concurrency <n>', 'with --probe: probes in flight at once', parsePositiveInt('--concurrency'), 16)
    .option('--per-host <n>', 'with --probe: probes in flight per host name', parsePositiveInt('--per-host'), 2)
    .option('--json', 'print JSON on stdout (the listing; with --probe, NDJSON reports after it)')
    .addHelpText('after', '\nExit codes: 0 listed (and, with --probe, every resource passed), 1 a probed resource failed, 2 usage error.')
    .action(async (origin: string, options: DiscoverCommandOptions) => {
      const { runDiscover } = await import('./runDiscover.js');
      ctx.exitCode = await runDiscover(origin, options, ctx.io);
    });
}
