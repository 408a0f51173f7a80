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
      'Shards come from scan --from-registry --shard i/n --json > shard-i.ndjson.',
    ].join('\n'))
    .action(async (files: string[], _options: ScanMergeCommandOptions, command: Command) => {
      const { runScanMerge } = await import('./runScanMerge.js');
      // `scan` declares --json too and takes it wherever it stands: read both levels.
      ctx.exitCode = await runScanMerge(files, command.optsWithGlobals<ScanMergeCommandOptions>(), ctx.io);
    });
}
