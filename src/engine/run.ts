import { allChecks } from '../checks/index.js';
import type { Check } from '../checks/types.js';
import type { ArtifactName, Artifacts } from '../artifacts/index.js';
import { defaultDeadlineMs, startDeadline } from '../gather/deadline.js';
import { createDispatcher, DEFAULT_TIMEOUT_MS } from '../gather/http.js';
import { gatherers as defaultGatherers } from '../gather/index.js';
import { NetworkPolicy } from '../gather/network.js';
import type { GatherContext, Gatherer } from '../gather/types.js';
import { gatherArtifacts, planGathering, type GatherArtifactsReturnType, type GatherPlan } from './gatherArtifacts.js';
import { isLoopbackUrl } from '../util/url.js';
import type { Report } from '../report/types.js';
import { declaredExtensions, KNOWN_EXTENSIONS } from '../protocol/extensions.js';
import { summarizeRegistry } from '../registry/summarizeRegistry.js';
import { version } from '../version.js';
import type { ProbeOptions } from './options.js';
import { runChecks } from './runChecks.js';
import { summarizePayment } from './summarizePayment.js';
import { summarizeRequirements } from './summarizeRequirements.js';

export interface RunResult {
  report: Report;
  artifacts: Partial<Artifacts>;
  /** Why each missing artifact was not gathered: what `runChecks` needs to re-judge the artifacts. */
  notGathered: Partial<Record<ArtifactName, string>>;
}

export interface RunParameters extends ProbeOptions {
  /** Replace the gatherer list (tests, offline re-judging); ordered from what each declares. */
  gatherers?: readonly Gatherer[];
  checks?: readonly Check[];
}

/**
 * Plans by gatherer list: a scan runs the same list thousands of times. Each plan keeps the list
 * as it was planned: a caller that changed its array since gets a new plan (and its checks).
 */
const plans = new WeakMap<readonly Gatherer[], { planned: readonly Gatherer[]; plan: GatherPlan }>();

function planFor(gatherers: readonly Gatherer[]): GatherPlan {
  const kept = plans.get(gatherers);
  if (kept && kept.planned.length === gatherers.length && kept.planned.every((g, i) => g === gatherers[i])) return kept.plan;
  const plan = planGathering(gatherers);
  plans.set(gatherers, { planned: [...gatherers], plan });
  return plan;
}

/**
 * Gather, then check, then build the report. Never throws for a seller's defect; throws the
 * ConfigError of a gatherer whose failure is the buyer's own setup (e.g. a remote signer that
 * stops answering mid-run), since no verdict on the seller can be drawn from it. Throws
 * GatherPlanError, before any request, when the gatherers cannot be ordered.
 */
export async function run(options: RunParameters): Promise<RunResult> {
  const plan = planFor(options.gatherers ?? defaultGatherers);
  const started = (options.now ?? (() => new Date()))();
  const t0 = performance.now();
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const ownDispatcher = options.dispatcher ? null : createDispatcher({ connectTimeoutMs: timeoutMs });
  const dispatcher = options.dispatcher ?? ownDispatcher!;
  const ownNetwork = options.network
    ? null
    : new NetworkPolicy({ allowPrivate: options.allowPrivate, lookup: options.lookup, classifyAddress: options.classifyAddress, connectTimeoutMs: timeoutMs });
  const network = options.network ?? ownNetwork!;
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
  const deadline = startDeadline(options.deadlineMs ?? defaultDeadlineMs(timeoutMs));
  const ctx: GatherContext = {
    options: { ...options, method },
    artifacts,
    dispatcher,
    network,
    deadline,
    // Read as each call starts: what is left of the run caps every exchange and chain read.
    get timeoutMs() {
      return deadline.cap(timeoutMs);
    },
  };
  let gathered: GatherArtifactsReturnType;
  try {
    gathered = await gatherArtifacts(ctx, plan, options.onProgress);
  } finally {
    deadline.dispose();
    // destroy, not close: close would wait for a connection the run gave up on (a hung TLS handshake).
    await Promise.all([ownDispatcher?.destroy().catch(() => undefined), ownNetwork?.close()]);
  }
  const { notGathered, timings } = gathered;
  artifacts.deadline = gathered.deadline;
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
    deadline: { ms: gathered.deadline.ms, exceeded: gathered.deadline.exceeded, cut: gathered.deadline.cut },
  };
  if (artifacts.payment) report.payment = summarizePayment(artifacts.payment, artifacts.settlement, artifacts.followUp);
  const extensions = declaredExtensions(artifacts.challenge);
  if (extensions) report.extensions = Object.keys(extensions).map((name) => ({ name, judged: (KNOWN_EXTENSIONS as readonly string[]).includes(name) }));
  const registry = summarizeRegistry(artifacts);
  if (registry) report.registry = { ...registry };
  options.onProgress?.({ phase: 'done' });
  return { report, artifacts, notGathered };
}
