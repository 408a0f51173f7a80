import type { ProbeOptions } from '../engine/options.js';
import { run as defaultRun, type RunParameters, type RunResult } from '../engine/run.js';
import { createDispatcher, DEFAULT_TIMEOUT_MS } from '../gather/http.js';
import { NetworkPolicy } from '../gather/network.js';
import { createWorkerSigner } from '../gather/workerSigner.js';
import type { Report } from '../report/types.js';
import { errorLine } from '../util/errorLine.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRoot } from '../util/packageRoot.js';
import type { ProbeTask, ProbeTaskResult } from './probeWorker.js';
import { schedule } from './schedule.js';
import { addError, addReport, emptySummary, type ScanSummary } from './summary.js';
import { hostOf, type ScanTarget } from './targets.js';

export const DEFAULT_CONCURRENCY = 16;
export const DEFAULT_PER_HOST = 2;
/** Exchanges one probe of a scan has in flight at most (a scan never pays). */
const EXCHANGES_AT_ONCE = 2;

/** The probe options every target of a scan shares (no payments: a scan never spends). */
export type ScanProbeOptions = Omit<ProbeOptions, 'url' | 'pay' | 'dispatcher' | 'network' | 'targetSource' | 'onProgress' | 'agent'>;

/** What a line and the summary need of a report: all a worker sends back unless asked for the whole. */
export type BriefReport = Pick<Report, 'target' | 'verdict' | 'durationMs'> & { checks: Pick<Report['checks'][number], 'id' | 'status'>[] };

/**
 * One target's outcome: its report (with `line`, its NDJSON, when a worker rendered it), a
 * worker's brief and line, or the error when the probe itself threw (a bug).
 */
export type ScanResult =
  | { target: ScanTarget; report: Report; brief?: undefined; line?: string; error?: undefined }
  | { target: ScanTarget; report?: undefined; brief: BriefReport; line: string; error?: undefined }
  | { target: ScanTarget; report?: undefined; brief?: undefined; line?: undefined; error: string };

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
  /**
   * Threads that run the probes (piscina), each with its own connection pool; 1 (the default)
   * probes on this thread. Needs `probe` to be plain data (no lookup/classifyAddress functions).
   */
  workers?: number;
  /** With workers: send each whole report back (for an HTML page), not only its brief and line. */
  fullReports?: boolean;
  /** With workers: the lines they render carry whole reports (`scanLine`'s `full`). */
  fullLines?: boolean;
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
  const workers = params.run ? 1 : Math.max(1, Math.floor(params.workers ?? 1));
  const pool = workers > 1 ? await startProbePool(workers, Math.ceil(concurrency / workers)) : undefined;
  // On one thread, signing the forged payments is most of a scan's CPU: give it a thread of its own.
  const forgeSigner = !pool && params.probe?.attacks !== false && params.targets.length > 1 && !params.run ? await createWorkerSigner() : undefined;
  const settle = (target: ScanTarget, result: ScanResult) => {
    summary.durationMs = Math.round(performance.now() - t0);
    params.onResult?.(result, { done: summary.targets, total: params.targets.length, inFlight, failed: summary.failed });
  };
  try {
    const stats = await schedule({
      items: params.targets,
      concurrency,
      perKey: perHost,
      keyOf: (t) => hostOf(t.url),
      signal: params.signal,
      work: (target): Promise<RunResult | ProbeTaskResult> => {
        inFlight += 1;
        if (pool) {
          // The workers' pools share the per-host connection budget, so a seller sees no more sockets than from one pool.
          const task: ProbeTask = { target, probe, connections: Math.max(1, Math.ceil((perHost * EXCHANGES_AT_ONCE) / workers)), full: Boolean(params.fullReports), fullLine: Boolean(params.fullLines) };
          return (pool.run(task) as Promise<ProbeTaskResult>).finally(() => (inFlight -= 1));
        }
        const perTarget = { ...(target.agent ? { agent: target.agent } : {}), ...(target.method ? { method: target.method } : {}), ...(target.source ? { targetSource: target.source } : {}) };
        return run({ ...probe, ...perTarget, url: target.url, dispatcher, network, forgeSigner }).finally(() => (inFlight -= 1));
      },
      onSettled: (target, settled) => {
        let result: ScanResult;
        if (settled.status === 'fulfilled' && 'line' in settled.value) {
          const done = settled.value;
          addReport(summary, done.report ?? done.brief);
          result = done.report ? { target, report: done.report, line: done.line } : { target, brief: done.brief, line: done.line };
        } else if (settled.status === 'fulfilled') {
          const { report } = settled.value as RunResult;
          addReport(summary, report);
          result = { target, report };
        } else {
          addError(summary);
          const reason = settled.reason as Error | undefined;
          result = { target, error: errorLine(reason) };
        }
        settle(target, result);
      },
    });
    summary.durationMs = Math.round(performance.now() - t0);
    return { summary, interrupted: stats.stopped };
  } finally {
    await Promise.all([dispatcher.destroy().catch(() => undefined), network.close()]);
    await forgeSigner?.close();
    await pool?.destroy();
  }
}

/** The worker file beside this module (dist/scan/, the CLI bundle), else the built one (running from src/). */
function probeWorkerFile(): string {
  const beside = fileURLToPath(new URL('./probeWorker.js', import.meta.url));
  if (existsSync(beside)) return beside;
  const built = join(packageRoot(), 'dist', 'scan', 'probeWorker.js');
  if (existsSync(built)) return built;
  throw new Error('scan --workers needs the built worker (dist/scan/probeWorker.js): run npm run build');
}

async function startProbePool(threads: number, tasksPerThread: number): Promise<import('piscina').Piscina> {
  const { Piscina } = await import('piscina');
  return new Piscina({ filename: probeWorkerFile(), minThreads: threads, maxThreads: threads, concurrentTasksPerWorker: tasksPerThread, idleTimeout: 60_000, maxQueue: 'auto' });
}
