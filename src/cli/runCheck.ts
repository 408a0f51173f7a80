import { run } from '../engine/run.js';
import { renderReport } from '../report/index.js';
import { resolveNetwork } from '../protocol/networks.js';
import { UsageError } from '../errors.js';
import type { CheckCommandOptions } from './check.js';
import type { CliIO } from './context.js';
import { createProgress } from './progress.js';

/** `x402-probe check`: run the engine, print one report, return the exit code. */
export async function runCheck(url: string, options: CheckCommandOptions, io: CliIO): Promise<number> {
  if (options.expectNetwork && !resolveNetwork(options.expectNetwork)) {
    throw new UsageError(`--expect-network: unknown network ${JSON.stringify(options.expectNetwork)} (use a CAIP-2 id such as eip155:84532 or a v1 name such as base-sepolia)`);
  }
  const reporter = options.json ? 'json' : (options.reporter ?? 'pretty');
  const progress = createProgress(io.isTTY && reporter === 'pretty', io.stderr);
  const { report } = await run({
    url,
    method: options.method,
    headers: options.header,
    body: options.body,
    timeoutMs: options.timeout,
    expect: { price: options.expectPrice, payTo: options.expectPayTo, network: options.expectNetwork },
    rpc: options.rpc,
    attacks: options.attacks,
    strict: options.strict,
    onProgress: (event) => progress.update(event.phase === 'gather' ? `probing ${url}: ${event.artifact}` : 'judging'),
  }).finally(() => progress.stop());
  io.stdout(renderReport(reporter, report, { color: io.color, verbose: options.verbose }));
  return report.verdict === 'pass' ? 0 : 1;
}
