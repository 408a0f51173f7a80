import { run } from '../engine/run.js';
import { resolvePay, resolveRpc } from './buyerSetup.js';
import type { CliIO } from './context.js';
import { type ProbeCommandOptions, probeOptionsFromCli } from './options.js';
import { commandOutput } from './output.js';

/** `check` takes the probe options and nothing else. */
export type CheckCommandOptions = ProbeCommandOptions;

/** `x402-probe check`: run the engine, print one report, return the exit code. */
export async function runCheck(url: string, options: CheckCommandOptions, io: CliIO): Promise<number> {
  const pay = await resolvePay(options, io);
  const rpc = await resolveRpc(options, pay !== undefined);
  if (options.agent && !rpc) await (await import('../registry/resolveRpc.js')).requireRegistryRpc(options.agent, Math.min(options.timeout, 5_000));
  const output = commandOutput(options, io);
  const progress = output.progress();
  const { report } = await run({
    url,
    ...probeOptionsFromCli(options),
    rpc,
    agent: options.agent || undefined,
    pay,
    onProgress: (event) => progress.update(event.phase === 'gather' ? `probing ${url}: ${event.artifact}` : 'judging'),
  }).finally(() => progress.stop());
  output.printReport(report);
  return report.verdict === 'pass' ? 0 : 1;
}
