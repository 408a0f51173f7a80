import type { Command } from 'commander';
import type { CliContext } from './context.js';
import { addProbeOptions } from './options.js';
import { parseUrl } from './parse.js';
import type { CheckCommandOptions } from './runCheck.js';

export function registerCheck(program: Command, ctx: CliContext): void {
  addProbeOptions(program.command('check').description('probe one x402 endpoint as a buyer').argument('<url>', 'the endpoint URL', parseUrl))
    .option('--feedback', 'with --pay, --key-env and --agent: leave ERC-8004 Reputation feedback for the paid endpoint, the settlement as its proof (opt-in; sends a transaction)')
    .action(
    async (url: string, options: CheckCommandOptions) => {
      const { runCheck } = await import('./runCheck.js');
      ctx.exitCode = await runCheck(url, options, ctx.io);
    },
  );
}
