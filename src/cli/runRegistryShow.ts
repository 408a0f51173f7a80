import { UsageError } from '../errors.js';
import { parseAgentRef } from '../registry/agentRef.js';
import { inspectAgent } from '../engine/inspectAgent.js';
import { renderInspection } from './renderRegistry.js';
import { resolveRegistryRpc } from '../registry/resolveRpc.js';
import type { CliIO } from './context.js';
import type { OutputCommandOptions } from './options.js';
import { commandOutput } from './output.js';

export interface RegistryShowCommandOptions extends Pick<OutputCommandOptions, 'json' | 'verbose'> {
  rpc?: string;
  ipfsGateway?: string;
  allowPrivate?: boolean;
  timeout: number;
}

/** `x402-probe registry show <agent>`: exit 0 when every registry check passes, 1 otherwise. */
export async function runRegistryShow(agent: string, options: RegistryShowCommandOptions, io: CliIO): Promise<number> {
  const ref = parseAgentRef(agent);
  if (ref.kind === 'auto') throw new UsageError('registry show needs an agent (auto reads a target URL; use check <url> --agent auto)');
  const rpcUrl = await resolveRegistryRpc({ rpc: options.rpc, chainId: ref.chainId, timeoutMs: Math.min(options.timeout, 5_000) });
  const result = await inspectAgent({ locator: ref, ref: agent, source: ref.defaulted ? 'default' : 'explicit', rpcUrl, ipfsGateway: options.ipfsGateway, allowPrivate: options.allowPrivate, timeoutMs: options.timeout });
  const output = commandOutput(options, io);
  io.stdout(output.json ? `${JSON.stringify(result, null, 2)}\n` : renderInspection(result, { color: output.color, verbose: output.verbose }));
  return result.verdict === 'pass' ? 0 : 1;
}
