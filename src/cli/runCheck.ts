import { run } from '../engine/run.js';
import { renderReport } from '../report/index.js';
import { resolveNetwork } from '../protocol/networks.js';
import { UnknownNetworkError, UsageError } from '../errors.js';
import type { ProbeOptions } from '../engine/options.js';
import { type CheckCommandOptions, probeOptionsFromCli } from './check.js';
import type { CliIO } from './context.js';
import { createProgress } from './progress.js';

/** `--pay` needs a key: resolve it before any request, so a bad key is a usage error (exit 2). */
export async function resolvePay(options: CheckCommandOptions, io: CliIO): Promise<ProbeOptions['pay']> {
  const wantsKey = options.keyEnv !== undefined || options.signer !== undefined;
  if (!options.pay) {
    if (wantsKey) throw new UsageError('--key-env and --signer only apply with --pay');
    return undefined;
  }
  if (options.keyEnv && options.signer) throw new UsageError('--pay takes either --key-env or --signer, not both');
  if (!wantsKey) throw new UsageError('--pay needs a funded key: --key-env <VAR> or --signer <url>');
  const { signerFromEnv, signerFromRemote } = await import('../gather/pay/buyerSigner.js');
  const signer = options.keyEnv ? await signerFromEnv(options.keyEnv, io.env) : await signerFromRemote(options.signer!, { timeoutMs: options.timeout });
  return { signer, maxAmount: options.maxAmount, mainnet: options.mainnet ?? false, maxValiditySeconds: options.maxValidity };
}

/**
 * The chain read of a check: --rpc, asked for eth_chainId up front, or with --pay the public RPC
 * of the payment network; a silent one is a configuration error (exit 2) before any request.
 */
export async function resolveRpc(options: CheckCommandOptions, pay: boolean): Promise<string | undefined> {
  if (!options.rpc && !pay) return undefined;
  const { resolveChainRead } = await import('../registry/resolveRpc.js');
  return resolveChainRead({ rpc: options.rpc, pay, expectNetwork: options.expectNetwork, timeoutMs: Math.min(options.timeout, 5_000) });
}

/** `x402-probe check`: run the engine, print one report, return the exit code. */
export async function runCheck(url: string, options: CheckCommandOptions, io: CliIO): Promise<number> {
  if (options.expectNetwork && !resolveNetwork(options.expectNetwork)) {
    throw new UnknownNetworkError('--expect-network', options.expectNetwork);
  }
  const pay = await resolvePay(options, io);
  const rpc = await resolveRpc(options, pay !== undefined);
  if (options.agent && !rpc) await (await import('../registry/resolveRpc.js')).requireRegistryRpc(options.agent, Math.min(options.timeout, 5_000));
  const reporter = options.json ? 'json' : (options.reporter ?? 'pretty');
  const progress = createProgress(io.isTTY && reporter === 'pretty', io.stderr);
  const { report } = await run({
    url,
    ...probeOptionsFromCli(options),
    rpc,
    agent: options.agent || undefined,
    pay,
    onProgress: (event) => progress.update(event.phase === 'gather' ? `probing ${url}: ${event.artifact}` : 'judging'),
  }).finally(() => progress.stop());
  io.stdout(renderReport(reporter, report, { color: io.color, verbose: options.verbose }));
  return report.verdict === 'pass' ? 0 : 1;
}
