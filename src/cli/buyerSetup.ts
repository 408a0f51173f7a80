/**
 * The buyer's side of a probe, resolved before any request to the target so that a bad key or a
 * silent RPC is a usage or configuration error (exit 2), never a verdict: `check`, `offer`, `sell`.
 */
import { UsageError } from '../errors.js';
import type { ProbeOptions } from '../engine/options.js';
import type { CliIO } from './context.js';
import type { ProbeCommandOptions } from './options.js';

/** `--pay` needs a key: --key-env or --signer, exactly one, and only with --pay. */
export async function resolvePay(options: ProbeCommandOptions, io: CliIO): Promise<ProbeOptions['pay']> {
  const wantsKey = options.keyEnv !== undefined || options.signer !== undefined;
  if (!options.pay) {
    if (wantsKey) throw new UsageError('--key-env and --signer only apply with --pay');
    if (options.also?.length || options.replayConcurrency !== undefined) throw new UsageError('--also and --replay-concurrency only apply with --pay: they replay the paid request');
    if (options.approvePermit2) throw new UsageError('--approve-permit2 only applies with --pay');
    if (options.maxTotal !== undefined || options.payFailure !== undefined) throw new UsageError('--max-total and --pay-failure only apply with --pay');
    return undefined;
  }
  if (options.approvePermit2 && !options.keyEnv) throw new UsageError('--approve-permit2 needs --key-env: it sends an approve transaction, which a remote signer does not sign');
  if (options.keyEnv && options.signer) throw new UsageError('--pay takes either --key-env or --signer, not both');
  if (!wantsKey) throw new UsageError('--pay needs a funded key: --key-env <VAR> or --signer <url>');
  const { accountFromEnv, signerFromEnv, signerFromRemote } = await import('../gather/pay/buyerSigner.js');
  const signer = options.keyEnv ? await signerFromEnv(options.keyEnv, io.env) : await signerFromRemote(options.signer!, { timeoutMs: options.timeout });
  const approvePermit2 = options.approvePermit2 ? await accountFromEnv(options.keyEnv!, io.env) : undefined;
  const failureBody = options.payFailure === undefined ? undefined : await readBodyArgument('--pay-failure', options.payFailure);
  return { signer, maxAmount: options.maxAmount, mainnet: options.mainnet ?? false, maxValiditySeconds: options.maxValidity, maxTotal: options.maxTotal, failureBody, ...(approvePermit2 ? { approvePermit2 } : {}) };
}

/** A body given as text, or `@file` for a file's contents (curl's convention). */
async function readBodyArgument(flag: string, value: string): Promise<string> {
  if (!value.startsWith('@')) return value;
  const { readFile } = await import('node:fs/promises');
  try {
    return await readFile(value.slice(1), 'utf8');
  } catch (error) {
    throw new UsageError(`${flag}: cannot read ${value.slice(1)} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`);
  }
}

/**
 * The chain read: --rpc, asked for eth_chainId up front, or with --pay the public RPC of the
 * payment network; a silent one is a configuration error (exit 2) before any request.
 */
export async function resolveRpc(options: ProbeCommandOptions, pay: boolean): Promise<string | undefined> {
  if (!options.rpc && !pay) return undefined;
  const { resolveChainRead } = await import('../registry/resolveRpc.js');
  return resolveChainRead({ rpc: options.rpc, pay, expectNetwork: options.expectNetwork, timeoutMs: Math.min(options.timeout, 5_000) });
}
