import type { Command } from 'commander';
import type { CliContext } from './context.js';
import { VERBOSE_HELP } from './options.js';
import type { DemoCommandOptions } from './runDemo.js';

export function registerDemo(program: Command, ctx: CliContext): void {
  program
    .command('demo')
    .description('start the local sandbox and probe each of its sellers end to end: 402, attacks, a paid request settled on chain, ERC-8004 cross-check')
    .option('--json', 'print one JSON document with every report')
    .option('-v, --verbose', VERBOSE_HELP)
    .action(async (options: DemoCommandOptions) => {
      const { runDemo } = await import('./runDemo.js');
      ctx.exitCode = await runDemo(options, ctx.io);
    });
}
