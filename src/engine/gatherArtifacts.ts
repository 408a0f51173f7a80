import type { ArtifactName, Artifacts, DeadlineArtifact } from '../artifacts/index.js';
import type { GatherContext, Gatherer, GathererContext, GathererMeta } from '../gather/types.js';
import { ConfigError, GatherPlanError } from '../errors.js';
import { errorLine } from '../util/errorLine.js';
import type { ProgressEvent } from './options.js';

export interface GatherArtifactsReturnType {
  /** Why each artifact that is missing was not gathered (shown on the checks it starves). */
  notGathered: Partial<Record<ArtifactName, string>>;
  /** Milliseconds each gatherer took. */
  timings: Record<string, number>;
  deadline: DeadlineArtifact;
}

/** The gatherers of a run, ordered from what they declare. Made by `planGathering`. */
export interface GatherPlan {
  /** Run order: every gatherer after the producers of what it reads, else in the order given. */
  order: readonly Gatherer[];
  /** The run order cut into stages, run one after another; the gatherers of one stage run at once. */
  stages: readonly (readonly Gatherer[])[];
}

/** `target` is recorded before any gatherer runs (every gatherer may read it), `deadline` after all of them. */
const RECORDED_BY_ENGINE: readonly ArtifactName[] = ['target', 'deadline'];

const readsOf = (meta: GathererMeta): readonly ArtifactName[] => [...meta.dependencies, ...(meta.optionalDependencies ?? [])];

/** A cycle among `waiting` (each waits for another of them), as `a → b → a`. */
function cycleAmong(waiting: readonly Gatherer[], producersOf: (g: Gatherer) => Gatherer[]): string {
  const path: Gatherer[] = [];
  let at = waiting[0];
  while (!path.includes(at)) {
    path.push(at);
    at = producersOf(at).find((p) => waiting.includes(p)) ?? at;
  }
  return [...path.slice(path.indexOf(at)), at].map((g) => g.meta.artifact).join(' → ');
}

/**
 * Order the gatherers from their declarations: a stable topological order (a gatherer runs after
 * the producers of its dependencies and optional dependencies, else in the order given), cut into
 * stages of adjacent `concurrent` gatherers of which none reads another. Throws GatherPlanError on
 * a cycle, a dependency no gatherer produces, two producers of one artifact, or an artifact the
 * engine records itself. An optional dependency without a producer is allowed: it is never there.
 */
export function planGathering(gatherers: readonly Gatherer[]): GatherPlan {
  const producers = new Map<ArtifactName, Gatherer>();
  for (const gatherer of gatherers) {
    const name = gatherer.meta.artifact;
    if (RECORDED_BY_ENGINE.includes(name)) throw new GatherPlanError(`gatherer "${name}": the engine records "${name}" itself`);
    if (producers.has(name)) throw new GatherPlanError(`two gatherers produce "${name}"`);
    producers.set(name, gatherer);
  }
  for (const { meta } of gatherers) {
    if (readsOf(meta).includes('deadline')) throw new GatherPlanError(`gatherer "${meta.artifact}" reads "deadline", which the engine records after every gatherer`);
    const unproduced = meta.dependencies.find((name) => name !== 'target' && !producers.has(name));
    if (unproduced !== undefined) throw new GatherPlanError(`gatherer "${meta.artifact}" depends on "${unproduced}", which no gatherer produces`);
  }

  const producersOf = (g: Gatherer): Gatherer[] => readsOf(g.meta).flatMap((name) => producers.get(name) ?? []);
  const order: Gatherer[] = [];
  const waiting = [...gatherers];
  while (waiting.length > 0) {
    const next = waiting.findIndex((g) => producersOf(g).every((p) => order.includes(p)));
    if (next === -1) throw new GatherPlanError(`gatherers depend on each other in a cycle: ${cycleAmong(waiting, producersOf)}`);
    order.push(...waiting.splice(next, 1));
  }

  const stages: Gatherer[][] = [];
  for (const gatherer of order) {
    const last = stages.at(-1);
    const reads = readsOf(gatherer.meta);
    if (gatherer.meta.concurrent && last?.every((g) => g.meta.concurrent && !reads.includes(g.meta.artifact))) last.push(gatherer);
    else stages.push([gatherer]);
  }
  return { order, stages };
}

/**
 * The context one gatherer is handed: the run's, with only the artifacts it declared. The property
 * descriptors are copied, not their values: `timeoutMs` is a getter read as each call starts.
 */
function scopedContext(ctx: GatherContext, meta: GathererMeta): GathererContext<ArtifactName, ArtifactName> {
  const artifacts: Partial<Artifacts> = { target: ctx.artifacts.target };
  for (const name of readsOf(meta)) if (ctx.artifacts[name] !== undefined) Object.assign(artifacts, { [name]: ctx.artifacts[name] });
  // The rest of the context by prototype: copying its descriptors (a live timeoutMs getter among
  // them) for each gatherer of each run was a measurable part of a scan's engine time. Assigned,
  // not defined through a descriptor map: that form leaves the object in V8's slow dictionary mode.
  const scoped = Object.create(ctx) as GathererContext<ArtifactName, ArtifactName>;
  (scoped as { artifacts: unknown }).artifacts = Object.freeze(artifacts);
  return scoped;
}

/**
 * What the deadline cut of a gatherer that ended after it: its exchanges cut or never sent, or,
 * when it holds no exchange (chain reads), the gatherer itself.
 */
function cutOf(gatherer: Gatherer, artifact: unknown): string[] {
  const exchanges = artifact === undefined ? [] : (gatherer.exchanges?.(artifact as Artifacts[ArtifactName]) ?? []);
  if (exchanges.length === 0) return [gatherer.meta.artifact];
  return exchanges.filter(([, ex]) => ex?.error?.code === 'deadline').map(([n]) => n);
}

/**
 * Run the plan's stages one after another (the gatherers of a stage at once) under the run
 * deadline. A gatherer skips when the options do not ask for it, when a dependency was not
 * gathered (naming it and why), or when its own skipReason says so; one that would start after
 * the deadline is not started (offline ones still run); one that throws is a bug: its checks skip
 * with the reason and the run goes on.
 */
export async function gatherArtifacts(ctx: GatherContext, plan: GatherPlan, onProgress?: (event: ProgressEvent) => void): Promise<GatherArtifactsReturnType> {
  const { artifacts, deadline } = ctx;
  const notGathered: Partial<Record<ArtifactName, string>> = {};
  // Why a dependency is missing, followed down to the first artifact that went missing for a reason of its own.
  const rootCause: Partial<Record<ArtifactName, string>> = {};
  const timings: Record<string, number> = {};
  const cut = new Map<Gatherer, string[]>();
  const started = performance.now();
  for (const gatherer of plan.stages.flat()) if (gatherer.warm && gatherer.notRequested?.(ctx.options) == null) gatherer.warm(ctx.options);

  const skipBefore = (gatherer: Gatherer): string | null => {
    const { meta } = gatherer;
    const notRequested = gatherer.notRequested?.(ctx.options) ?? null;
    if (notRequested !== null) return notRequested;
    const missing = meta.dependencies.find((name) => artifacts[name] === undefined);
    if (missing === undefined) return null;
    const cause = rootCause[missing] ?? notGathered[missing] ?? 'not gathered';
    rootCause[meta.artifact] = cause;
    return `needs "${missing}", which was not gathered: ${cause}`;
  };

  const failed = (gatherer: Gatherer, error: unknown): void => {
    // A ConfigError is the buyer's broken setup (a signer gone mid-run): no verdict on the seller.
    if (error instanceof ConfigError) throw error;
    notGathered[gatherer.meta.artifact] = `gatherer failed: ${errorLine(error)}`;
    if (!gatherer.meta.offline && deadline.exceeded) cut.set(gatherer, [gatherer.meta.artifact]);
  };

  const gatherOne = async (gatherer: Gatherer, scoped: GathererContext<ArtifactName, ArtifactName>, gatherStarted: number): Promise<void> => {
    const { meta } = gatherer;
    try {
      onProgress?.({ phase: 'gather', artifact: meta.artifact });
      const artifact = await gatherer.gather(scoped);
      (artifacts as Record<ArtifactName, unknown>)[meta.artifact] = artifact;
      timings[meta.artifact] = Math.round(performance.now() - gatherStarted);
      if (!meta.offline && deadline.exceeded) cut.set(gatherer, cutOf(gatherer, artifact));
    } catch (error) {
      failed(gatherer, error);
    }
  };

  /** Decides synchronously whether the gatherer runs: a skip (most of a scan's gatherers) costs no promise. */
  const runOne = (gatherer: Gatherer): Promise<void> | undefined => {
    const { meta } = gatherer;
    const gatherStarted = performance.now();
    try {
      const skipped = skipBefore(gatherer);
      if (skipped !== null) {
        notGathered[meta.artifact] = skipped;
        return undefined;
      }
      const scoped = scopedContext(ctx, meta);
      const reason = gatherer.skipReason?.(scoped) ?? null;
      if (reason !== null) {
        notGathered[meta.artifact] = reason;
        return undefined;
      }
      if (!meta.offline && deadline.exceeded) {
        notGathered[meta.artifact] = `not started: the run deadline (${deadline.ms} ms) had passed`;
        cut.set(gatherer, [meta.artifact]);
        return undefined;
      }
      return gatherOne(gatherer, scoped, gatherStarted);
    } catch (error) {
      failed(gatherer, error);
      return undefined;
    }
  };

  for (const stage of plan.stages) {
    let running: Promise<void>[] | undefined;
    try {
      for (const gatherer of stage) {
        const gathering = runOne(gatherer);
        if (gathering) (running ??= []).push(gathering);
      }
    } catch (error) {
      // A ConfigError from a skip decision: what already started in the stage still ends before the run does.
      if (running) await Promise.allSettled(running);
      throw error;
    }
    if (running) await (running.length === 1 ? running[0] : Promise.all(running));
  }
  return {
    notGathered,
    timings,
    deadline: {
      ms: deadline.ms,
      gatherMs: Math.round(performance.now() - started),
      exceeded: deadline.exceeded,
      // Run order, whatever order a concurrent stage finished in.
      cut: plan.order.flatMap((g) => cut.get(g) ?? []),
    },
  };
}
