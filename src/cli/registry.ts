import type { Command } from 'commander';
import type { CliContext } from './context.js';
import { allowPrivateOption, ipfsGatewayOption } from './options.js';
import { parsePositiveInt, parseUrl } from './parse.js';
import type { RegistryShowCommandOptions } from './runRegistryShow.js';

/** `x402-probe registry show <agent>`: the agent, its registration file and the checks that need no 402. */
export function registerRegistry(program: Command, ctx: CliContext): void {
  program
    .command('registry')
    .description('read ERC-8004 identity registry agents')
    .command('show')
    .description('read an ERC-8004 agent and validate its registration file (exit 1 when a check fails)')
    .argument('<agent>', 'eip155:<chainId>:<registry>:<agentId>, <chainId>:<agentId>, or an agent id on Base Sepolia')
    .option('--rpc <url>', 'JSON-RPC URL of the registry\'s chain (required when the public default is unreachable)', parseUrl)
    .addOption(ipfsGatewayOption())
    .addOption(allowPrivateOption())
    .option('--timeout <ms>', 'deadline for each request in milliseconds', parsePositiveInt('--timeout'), 10_000)
    .option('--json', 'print JSON on stdout')
    .option('-v, --verbose', 'also list skipped checks')
    .action(async (agent: string, options: RegistryShowCommandOptions) => {
      const { runRegistryShow } = await import('./runRegistryShow.js');
      ctx.exitCode = await runRegistryShow(agent, options, ctx.io);
    });
}
