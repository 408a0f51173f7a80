import { UsageError } from '../errors.js';
import { run } from '../engine/run.js';
import { resolvePay, resolveRpc } from './buyerSetup.js';
import type { CliIO } from './context.js';
import { type ProbeCommandOptions, probeOptionsFromCli } from './options.js';
import { commandOutput } from './output.js';

/** `check` takes the probe options, and --feedback. */
export type CheckCommandOptions = ProbeCommandOptions & { feedback?: boolean };

/** `x402-probe check`: run the engine, print one report, return the exit code. */
export async function runCheck(url: string, options: CheckCommandOptions, io: CliIO): Promise<number> {
  if (options.feedback) {
    if (!options.pay) throw new UsageError('--feedback only applies with --pay: feedback is tied to a settlement');
    if (!options.keyEnv) throw new UsageError('--feedback needs --key-env: it sends a transaction from the key that paid (a remote signer signs payments only)');
    if (!options.agent) throw new UsageError('--feedback needs --agent: the ERC-8004 agent the feedback is for');
  }
  const pay = await resolvePay(options, io);
  const account = options.feedback ? await (await import('../gather/pay/buyerSigner.js')).accountFromEnv(options.keyEnv!, io.env) : null;
  const rpc = await resolveRpc(options, pay !== undefined);
  if (options.agent && !rpc) await (await import('../registry/resolveRpc.js')).requireRegistryRpc(options.agent, Math.min(options.timeout, 5_000));
  const output = commandOutput(options, io);
  const progress = output.progress();
  const { report, artifacts } = await run({
    url,
    ...probeOptionsFromCli(options),
    rpc,
    agent: options.agent || undefined,
    pay,
    onProgress: (event) => progress.update(event.phase === 'gather' ? `probing ${url}: ${event.artifact}` : 'judging'),
  }).finally(() => progress.stop());
  if (account && rpc) {
    const { leaveFeedback } = await import('../engine/leaveFeedback.js');
    const feedback = await leaveFeedback({ report, artifacts, account, rpcUrl: rpc, mainnet: options.mainnet ?? false, timeoutMs: options.timeout });
    report.feedback = { ...feedback };
    output.note(feedback.sent ? `Feedback ${feedback.value} left for agent ${feedback.agentId}: transaction ${feedback.transaction!.hash}` : `No feedback left: ${feedback.reason}`);
  }
  output.printReport(report);
  return report.verdict === 'pass' ? 0 : 1;
}
