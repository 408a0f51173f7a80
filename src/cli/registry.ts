import type { Command } from 'commander';
import { ALLOW_PRIVATE_HELP } from './check.js';
import type { CliContext } from './context.js';
import { parsePositiveInt, parseUrl } from './parse.js';

export interface RegistryShowOptions {
  rpc?: string;
  ipfsGateway?: string;
  allowPrivate?: boolean;
  timeout: number;
  json?: boolean;
  verbose?: boolean;
}

/** `x402-probe registry show <agent>`: the agent, its registration file and the checks that need no 402. */
export function registerRegistry(program: Command, ctx: CliContext): void {
  const registry = program.command('registry').description('read ERC-8004 identity registry agents');
  const show = registry
    .command('show')
    .description('read an ERC-8004 agent and validate its registration file (exit 1 when a check fails)')
    .argument('<agent>', 'eip155:<chainId>:<registry>:<agentId>, <chainId>:<agentId>, or an agent id on Base Sepolia')
    .option('--rpc <url>', 'JSON-RPC URL of the registry\'s chain (required when the public default is unreachable)', parseUrl)
    .option('--ipfs-gateway <url>', 'gateway for ipfs:// agentURIs (default https://ipfs.io)', parseUrl)
    .option('--allow-private', ALLOW_PRIVATE_HELP)
    .option('--timeout <ms>', 'deadline for each request in milliseconds', parsePositiveInt('--timeout'), 10_000)
    .option('--json', 'print JSON on stdout')
    .option('-v, --verbose', 'also list skipped checks')
    .action(async (agent: string, options: RegistryShowOptions) => {
      const [{ parseAgentRef }, { resolveRegistryRpc }, { inspectAgent }, { renderInspection }, { UsageError }] = await Promise.all([
        import('../registry/agentRef.js'),
        import('../registry/resolveRpc.js'),
        import('../registry/inspectAgent.js'),
        import('../registry/render.js'),
        import('../errors.js'),
      ]);
      const ref = parseAgentRef(agent);
      if (ref.kind === 'auto') throw new UsageError('registry show needs an agent (auto reads a target URL; use check <url> --agent auto)');
      const rpcUrl = await resolveRegistryRpc({ rpc: options.rpc, chainId: ref.chainId, timeoutMs: Math.min(options.timeout, 5_000) });
      const result = await inspectAgent({ locator: ref, ref: agent, source: ref.defaulted ? 'default' : 'explicit', rpcUrl, ipfsGateway: options.ipfsGateway, allowPrivate: options.allowPrivate, timeoutMs: options.timeout });
      ctx.io.stdout(options.json ? `${JSON.stringify(result, null, 2)}\n` : renderInspection(result, { color: ctx.io.color, verbose: options.verbose }));
      ctx.exitCode = result.verdict === 'pass' ? 0 : 1;
    });
  // Nested commands do not inherit the program's exit and output overrides.
  for (const command of [registry, show]) {
    command.exitOverride().configureOutput({ writeOut: (s) => ctx.io.stdout(s), writeErr: (s) => ctx.io.stderr(s), outputError: () => {} });
  }
}
