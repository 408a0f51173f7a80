import type { Command } from 'commander';
import type { CliContext } from './context.js';
import type { SandboxCommandOptions } from './runSandbox.js';

export function registerSandbox(program: Command, ctx: CliContext): void {
  program
    .command('sandbox')
    .description('start a local x402 stack (anvil as Base Sepolia, USDC, ERC-8004 registry, facilitator, three sellers) and print its addresses; Ctrl-C stops it')
    .option('--json', 'print the addresses, sellers and accounts as one JSON document')
    .action(async (options: SandboxCommandOptions) => {
      const { runSandbox } = await import('./runSandbox.js');
      ctx.exitCode = await runSandbox(options, ctx.io);
    });
}
