import type { Command } from 'commander';
import type { CliContext } from './context.js';
import type { ScanMergeCommandOptions } from './runScanMerge.js';

/** `x402-probe scan merge <files...>`: the shards' NDJSON, one summary. */
export function registerScanMerge(scan: Command, ctx: CliContext): void {
  scan
    .command('merge')
    .description('combine the --json output of scan shards (scan --shard i/n) into one summary; duplicate targets and lines that are not reports are named, never trusted')
    .argument('<files...>', 'NDJSON files written by scan --json (- for standard input)')
    .option('--json', 'print the merged summary as one JSON document')
    .addHelpText('after', [
      '',
      'Exit codes: 0 every target passed, 1 a target failed or a line was rejected or duplicated, 2 a file cannot be read.',
      '',
      'Examples:',
      '  x402-probe scan --from-registry --shard 0/2 --json > shard-0.ndjson',
      '  x402-probe scan --from-registry --shard 1/2 --json > shard-1.ndjson',
      '  x402-probe scan merge shard-0.ndjson shard-1.ndjson',
      '  x402-probe scan merge --json shards/*.ndjson',
    ].join('\n'))
    .action(async (files: string[], _options: ScanMergeCommandOptions, command: Command) => {
      const { runScanMerge } = await import('./runScanMerge.js');
      // `scan` declares --json too and takes it wherever it stands: read both levels.
      ctx.exitCode = await runScanMerge(files, command.optsWithGlobals<ScanMergeCommandOptions>(), ctx.io);
    });
}
