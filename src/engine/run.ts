import { allChecks } from '../checks/index.js';
import { ConfigError } from '../errors.js';
import type { Check } from '../checks/types.js';
import type { ArtifactName, Artifacts } from '../gather/artifacts.js';
import { createDispatcher, DEFAULT_TIMEOUT_MS } from '../gather/http.js';
import { gatherers as defaultGatherers } from '../gather/index.js';
import type { GatherContext, Gatherer } from '../gather/types.js';
import { isLoopbackUrl } from '../util/url.js';
import type { Report } from '../report/types.js';
import { redactSecrets } from '../util/redact.js';
import { summarizeRegistry } from '../registry/summarizeRegistry.js';
import { version } from '../version.js';
import type { ProbeOptions } from './options.js';
import { runChecks } from './runChecks.js';
import { summarizePayment } from './summarizePayment.js';
import { summarizeRequirements } from './summarizeRequirements.js';

export interface RunResult {
  report: Report;
  artifacts: Partial<Artifacts>;
}

export interface RunParameters extends ProbeOptions {
  /** Replace the gatherer list (tests, offline re-judging). */
  gatherers?: readonly Gatherer[];
  checks?: readonly Check[];
}

/**
 * Gather, then check, then build the report. Never throws for a seller's defect; throws the
 * ConfigError of a gatherer whose failure is the buyer's own setup (e.g. a remote signer that
 * stops answering mid-run), since no verdict on the seller can be drawn from it.
 */
export async function run(options: RunParameters): Promise<RunResult> {
  const started = (options.now ?? (() => new Date()))();
  const t0 = performance.now();
  const ownDispatcher = options.dispatcher ? null : createDispatcher();
  const dispatcher = options.dispatcher ?? ownDispatcher!;
  const method = (options.method ?? 'GET').toUpperCase();
  const artifacts: Partial<Artifacts> = {
    target: {
      url: options.url,
      method,
      startedAt: started.toISOString(),
      nowSeconds: Math.floor(started.getTime() / 1000),
      loopback: isLoopbackUrl(options.url),
      expect: { ...options.expect },
      rpc: Boolean(options.rpc),
    },
  };
  const notGathered: Partial<Record<ArtifactName, string>> = {};
  const timings: Record<string, number> = {};
  const ctx: GatherContext = { options: { ...options, method }, artifacts, dispatcher, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS };
  try {
    for (const gatherer of options.gatherers ?? defaultGatherers) {
      const gatherStarted = performance.now();
      try {
        const reason = gatherer.skipReason(ctx);
        if (reason !== null) {
          notGathered[gatherer.artifact] = reason;
          continue;
        }
        options.onProgress?.({ phase: 'gather', artifact: gatherer.artifact });
        (artifacts as Record<string, unknown>)[gatherer.artifact] = await gatherer.gather(ctx);
        timings[gatherer.artifact] = Math.round(performance.now() - gatherStarted);
      } catch (error) {
        // A ConfigError is the buyer's broken setup (a signer gone mid-run): no verdict on the seller.
        if (error instanceof ConfigError) throw error;
        // A gatherer that throws (in skipReason or gather) is a bug; its checks skip with the reason, the run goes on.
        notGathered[gatherer.artifact] = `gatherer failed: ${redactSecrets((error as Error).message ?? String(error)).split('\n')[0]}`;
      }
    }
  } finally {
    await ownDispatcher?.close().catch(() => undefined);
  }
  options.onProgress?.({ phase: 'check' });
  const checks = runChecks(options.checks ?? allChecks, artifacts, notGathered);
  const summary = { pass: 0, fail: 0, warn: 0, skip: 0 };
  for (const c of checks) summary[c.status] += 1;
  const strict = options.strict ?? false;
  const report: Report = {
    tool: 'x402-probe',
    version,
    target: options.url,
    method,
    startedAt: started.toISOString(),
    durationMs: Math.round(performance.now() - t0),
    verdict: summary.fail > 0 || (strict && summary.warn > 0) ? 'fail' : 'pass',
    strict,
    x402Version: artifacts.challenge?.x402Version ?? null,
    requirements: summarizeRequirements(artifacts.challenge, artifacts.tokenInfo),
    checks,
    summary,
    timings,
  };
  if (artifacts.payment) report.payment = summarizePayment(artifacts.payment, artifacts.settlement);
  const registry = summarizeRegistry(artifacts);
  if (registry) report.registry = { ...registry };
  options.onProgress?.({ phase: 'done' });
  return { report, artifacts };
}
