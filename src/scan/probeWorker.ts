/**
 * One thread of `scan --workers N` (a piscina worker): runs whole probes, so the CPU of a probe
 * (signing the forged payments, decoding, 51 checks, the NDJSON line) is spread over the cores.
 * Each worker keeps its own undici pool and its own NetworkPolicy, built from the scan's plain
 * options: a registry target (`source: 'data'`) is held to public addresses here as in one process.
 */
import type { Dispatcher } from 'undici';
import { run } from '../engine/run.js';
import { createDispatcher, DEFAULT_TIMEOUT_MS } from '../gather/http.js';
import { NetworkPolicy } from '../gather/network.js';
import type { Report } from '../report/types.js';
import { scanLine } from './scanLine.js';
import type { ScanProbeOptions } from './scanTargets.js';
import type { ScanTarget } from './targets.js';

export interface ProbeTask {
  target: ScanTarget;
  /** Structured-cloned to the worker: plain data only (no lookup or classifyAddress functions). */
  probe: ScanProbeOptions;
  connections: number;
  /** Send the whole report back (for --html); otherwise only what the summary and a line need. */
  full: boolean;
  /** The line carries the whole report (`--full-reports`), not each check's per-target part only. */
  fullLine: boolean;
}

/** What comes back: the rendered NDJSON line and the few fields the main thread reads. */
export interface ProbeTaskResult {
  line: string;
  brief: Pick<Report, 'target' | 'verdict' | 'durationMs'> & { checks: Pick<Report['checks'][number], 'id' | 'status'>[] };
  report?: Report;
}

let shared: { dispatcher: Dispatcher; network: NetworkPolicy } | undefined;

function pools(probe: ScanProbeOptions, connections: number) {
  const timeoutMs = probe.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  shared ??= {
    dispatcher: createDispatcher({ connections, connectTimeoutMs: timeoutMs }),
    network: new NetworkPolicy({ allowPrivate: probe.allowPrivate, connections, connectTimeoutMs: timeoutMs }),
  };
  return shared;
}

export default async function probeTask(task: ProbeTask): Promise<ProbeTaskResult> {
  const { dispatcher, network } = pools(task.probe, task.connections);
  const { target } = task;
  const perTarget = { ...(target.agent ? { agent: target.agent } : {}), ...(target.method ? { method: target.method } : {}), ...(target.source ? { targetSource: target.source } : {}) };
  const { report } = await run({ ...task.probe, ...perTarget, url: target.url, dispatcher, network });
  return {
    line: scanLine(report, task.fullLine),
    brief: { target: report.target, verdict: report.verdict, durationMs: report.durationMs, checks: report.checks.map((c) => ({ id: c.id, status: c.status })) },
    ...(task.full ? { report } : {}),
  };
}
