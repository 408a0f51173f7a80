import type { ProbeOptions } from '../engine/options.js';
import { run as defaultRun, type RunParameters, type RunResult } from '../engine/run.js';
import { createDispatcher, DEFAULT_TIMEOUT_MS } from '../gather/http.js';
import { NetworkPolicy } from '../gather/network.js';
import { createWorkerSigner } from '../gather/workerSigner.js';
import type { Report } from '../report/types.js';
import { errorLine } from '../util/errorLine.js';
import { schedule } from './schedule.js';
import { addError, addReport, emptySummary, type ScanSummary } from './summary.js';
import { hostOf, type ScanTarget } from './targets.js';

export const DEFAULT_CONCURRENCY = 16;
export const DEFAULT_PER_HOST = 2;
/** Exchanges one probe of a scan has in flight at most (a scan never pays). */
const EXCHANGES_AT_ONCE = 2;

/** The probe options every target of a scan shares (no payments: a scan never spends). */
export type ScanProbeOptions = Omit<ProbeOptions, 'url' | 'pay' | 'dispatcher' | 'network' | 'targetSource' | 'onProgress' | 'agent'>;

/** One target's outcome: its report, or the error when the probe itself threw (a bug). */
export type ScanResult = { target: ScanTarget; report: Report; error?: undefined } | { target: ScanTarget; report?: undefined; error: string };

export interface ScanTargetsParameters {
  targets: readonly ScanTarget[];
  probe?: ScanProbeOptions;
  /** Probes in flight in all (default 16). */
  concurrency?: number;
  /** Probes in flight per host name (default 2): a scan must not hammer one seller. */
  perHost?: number;
  /** Each result as it completes (completion order), so output can stream. */
  onResult?: (result: ScanResult, progress: { done: number; total: number; inFlight: number; failed: number }) => void;
  /** Stops starting new probes; those in flight finish within their run deadlines (`probe.deadlineMs`, one per target). */
  signal?: AbortSignal;
  /** The engine (tests replace it). */
  run?: (options: RunParameters) => Promise<RunResult>;
}

export interface ScanTargetsReturnType {
  summary: ScanSummary;
  /** True when the signal stopped the scan before every target was probed. */
  interrupted: boolean;
}

/**
 * Probe many targets through one shared undici pool, at most `concurrency` at a time and at
 * most `perHost` per host. Reports stream out through `onResult` and are then dropped: memory
 * stays bounded by what is in flight, not by the length of the list.
 */
export async function scanTargets(params: ScanTargetsParameters): Promise<ScanTargetsReturnType> {
  const concurrency = params.concurrency ?? DEFAULT_CONCURRENCY;
  const perHost = params.perHost ?? DEFAULT_PER_HOST;
  const run = params.run ?? defaultRun;
  const timeoutMs = params.probe?.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // A probe sends its forged and malformed payments at once: two connections per probe in flight.
  const dispatcher = createDispatcher({ connections: perHost * EXCHANGES_AT_ONCE, connectTimeoutMs: timeoutMs });
  const probe = params.probe ?? {};
  const network = new NetworkPolicy({ allowPrivate: probe.allowPrivate, lookup: probe.lookup, classifyAddress: probe.classifyAddress, connections: perHost * EXCHANGES_AT_ONCE, connectTimeoutMs: timeoutMs });
  const summary = emptySummary();
  const t0 = performance.now();
  let inFlight = 0;
  // Signing the forged payments is most of a scan's CPU: give it a thread of its own.
  const forgeSigner = params.probe?.attacks !== false && params.targets.length > 1 && !params.run ? await createWorkerSigner() : undefined;
  try {
    const stats = await schedule({
      items: params.targets,
      concurrency,
      perKey: perHost,
      keyOf: (t) => hostOf(t.url),
      signal: params.signal,
      work: (target) => {
        inFlight += 1;
        const perTarget = { ...(target.agent ? { agent: target.agent } : {}), ...(target.method ? { method: target.method } : {}), ...(target.source ? { targetSource: target.source } : {}) };
        return run({ ...probe, ...perTarget, url: target.url, dispatcher, network, forgeSigner }).finally(() => (inFlight -= 1));
      },
      onSettled: (target, settled) => {
        let result: ScanResult;
        if (settled.status === 'fulfilled') {
          addReport(summary, settled.value.report);
          result = { target, report: settled.value.report };
        } else {
          addError(summary);
          const reason = settled.reason as Error | undefined;
          result = { target, error: errorLine(reason) };
        }
        summary.durationMs = Math.round(performance.now() - t0);
        params.onResult?.(result, { done: summary.targets, total: params.targets.length, inFlight, failed: summary.failed });
      },
    });
    summary.durationMs = Math.round(performance.now() - t0);
    return { summary, interrupted: stats.stopped };
  } finally {
    await Promise.all([dispatcher.destroy().catch(() => undefined), network.close()]);
    await forgeSigner?.close();
  }
}
