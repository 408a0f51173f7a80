import type { ArtifactName, DeadlineArtifact, HttpExchange, PaymentAttempt, PaymentSession, RegistrationFetch } from '../artifacts/index.js';
import type { GatherContext, Gatherer } from '../gather/types.js';
import { ConfigError } from '../errors.js';
import { errorLine } from '../util/errorLine.js';
import type { ProgressEvent } from './options.js';

export interface GatherArtifactsReturnType {
  /** Why each artifact that is missing was not gathered (shown on the checks it starves). */
  notGathered: Partial<Record<ArtifactName, string>>;
  /** Milliseconds each gatherer took. */
  timings: Record<string, number>;
  deadline: DeadlineArtifact;
}

/** Adjacent gatherers marked `concurrent` form one stage; every other gatherer is a stage of its own. */
export function stagesOf(gatherers: readonly Gatherer[]): Gatherer[][] {
  const stages: Gatherer[][] = [];
  for (const gatherer of gatherers) {
    const last = stages.at(-1);
    if (gatherer.concurrent && last?.[0]?.concurrent) last.push(gatherer);
    else stages.push([gatherer]);
  }
  return stages;
}

/** The HTTP exchanges an artifact holds, by the names `deadline.cut` uses. */
export function exchangesOf(name: ArtifactName, artifact: unknown): [string, HttpExchange | null][] {
  switch (name) {
    case 'unpaid':
      return [['unpaid', artifact as HttpExchange]];
    case 'forged':
    case 'malformed':
      return [[name, (artifact as PaymentAttempt).exchange]];
    case 'registryWellKnown':
    case 'registryFile':
      return [[name, (artifact as RegistrationFetch).exchange]];
    case 'payment': {
      const s = artifact as PaymentSession;
      return [s.underpaid, s.wrongRecipient, s.expired, s.paid, s.replay]
        .filter((a): a is PaymentAttempt => a !== null)
        .map((a) => [`payment.${a.kind}`, a.exchange]);
    }
    default:
      return [];
  }
}

/**
 * What the deadline cut of a gatherer that ended after it: its exchanges cut or never sent, or,
 * when it holds no exchange (chain reads), the gatherer itself.
 */
function cutOf(name: ArtifactName, artifact: unknown): string[] {
  const exchanges = artifact === undefined ? [] : exchangesOf(name, artifact);
  if (exchanges.length === 0) return [name];
  return exchanges.filter(([, ex]) => ex?.error?.code === 'deadline').map(([n]) => n);
}

/**
 * Run the gatherers in order (a stage of concurrent ones at once) under the run deadline. A
 * gatherer that would start after the deadline is not started (offline ones still run); a
 * gatherer that throws is a bug: its checks skip with the reason and the run goes on.
 */
export async function gatherArtifacts(ctx: GatherContext, gatherers: readonly Gatherer[], onProgress?: (event: ProgressEvent) => void): Promise<GatherArtifactsReturnType> {
  const { artifacts, deadline } = ctx;
  const notGathered: Partial<Record<ArtifactName, string>> = {};
  const timings: Record<string, number> = {};
  const cut = new Map<Gatherer, string[]>();
  const started = performance.now();

  const runOne = async (gatherer: Gatherer): Promise<void> => {
    const gatherStarted = performance.now();
    try {
      const reason = gatherer.skipReason(ctx);
      if (reason !== null) {
        notGathered[gatherer.artifact] = reason;
        return;
      }
      if (!gatherer.offline && deadline.exceeded) {
        notGathered[gatherer.artifact] = `not started: the run deadline (${deadline.ms} ms) had passed`;
        cut.set(gatherer, [gatherer.artifact]);
        return;
      }
      onProgress?.({ phase: 'gather', artifact: gatherer.artifact });
      const artifact = await gatherer.gather(ctx);
      (artifacts as Record<string, unknown>)[gatherer.artifact] = artifact;
      timings[gatherer.artifact] = Math.round(performance.now() - gatherStarted);
      if (!gatherer.offline && deadline.exceeded) cut.set(gatherer, cutOf(gatherer.artifact, artifact));
    } catch (error) {
      // A ConfigError is the buyer's broken setup (a signer gone mid-run): no verdict on the seller.
      if (error instanceof ConfigError) throw error;
      notGathered[gatherer.artifact] = `gatherer failed: ${errorLine(error)}`;
      if (!gatherer.offline && deadline.exceeded) cut.set(gatherer, [gatherer.artifact]);
    }
  };

  for (const stage of stagesOf(gatherers)) await Promise.all(stage.map(runOne));
  return {
    notGathered,
    timings,
    deadline: {
      ms: deadline.ms,
      gatherMs: Math.round(performance.now() - started),
      exceeded: deadline.exceeded,
      // Run order, whatever order a concurrent stage finished in.
      cut: gatherers.flatMap((g) => cut.get(g) ?? []),
    },
  };
}
