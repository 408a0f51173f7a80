import type { Dispatcher } from 'undici';
import type { ProbeOptions } from './options.js';
import type { ArtifactName, Artifacts, HttpExchange } from '../artifacts/index.js';
import type { NetworkPolicy } from './network.js';
import type { RunDeadline } from './deadline.js';

/** What every gatherer sees, whatever it reads: the options, the shared pool and network policy, the deadline. */
export interface GatherEnvironment {
  options: ProbeOptions;
  dispatcher: Dispatcher;
  network: NetworkPolicy;
  /**
   * The per-exchange timeout capped by the time left before the run deadline (at least 1 ms).
   * Read it when a call starts: chain reads, which take no deadline, are bounded by it.
   */
  readonly timeoutMs: number;
  /** The run deadline: pass it to every `exchange()`. */
  deadline: RunDeadline;
}

/** The engine's view of a run: the environment and every artifact gathered so far. */
export interface GatherContext extends GatherEnvironment {
  artifacts: Partial<Artifacts>;
}

/**
 * The artifacts one gatherer is handed: `target` (the engine builds it before any gatherer), its
 * dependencies, each present, and its optional dependencies when they were gathered. Nothing
 * else: an artifact it did not declare is neither in the type nor in the object.
 */
export type DependencyArtifacts<D extends ArtifactName, O extends ArtifactName> = Readonly<Pick<Artifacts, 'target' | D> & Partial<Pick<Artifacts, O>>>;

/** What one gatherer sees: the environment and the artifacts it declared. */
export interface GathererContext<D extends ArtifactName = never, O extends ArtifactName = never> extends GatherEnvironment {
  readonly artifacts: DependencyArtifacts<D, O>;
}

export interface GathererMeta<K extends ArtifactName = ArtifactName, D extends ArtifactName = ArtifactName, O extends ArtifactName = ArtifactName> {
  /** The artifact it produces; one gatherer per artifact. */
  artifact: K;
  /**
   * Artifacts it cannot work without. It runs after their gatherers; when one of them was not
   * gathered, it skips and its checks name that artifact and why.
   */
  dependencies: readonly D[];
  /**
   * Artifacts it reads when they were gathered, and does without otherwise (payment reads
   * tokenInfo, which there is none of without --rpc). It runs after their gatherers.
   */
  optionalDependencies?: readonly O[];
  /** Does no I/O (decodes what was gathered): still runs after the run deadline has passed. */
  offline?: boolean;
  /**
   * May run at the same time as the gatherers next to it in run order that say so too, unless
   * one reads another (the dependency order always wins). Opt-in, not derived: each probe keeps
   * at most two requests in flight, which `scan --per-host` counts on (the forged and malformed
   * payments).
   */
  concurrent?: boolean;
}

/**
 * A gatherer produces one artifact. It records trouble in the artifact and never judges. Write
 * one with `defineGatherer`, which types the artifacts it reads from its `meta`.
 */
export interface Gatherer<K extends ArtifactName = ArtifactName, D extends ArtifactName = ArtifactName, O extends ArtifactName = ArtifactName> {
  meta: GathererMeta<K, D, O>;
  /**
   * Why the options do not ask for this artifact (no --pay, --no-attacks), or null. Asked
   * before the dependencies, so a run that never asked for a payment says so, whatever else
   * went missing.
   */
  notRequested?(options: ProbeOptions): string | null;
  /**
   * Called once as the run starts, for a gatherer the options ask for: begins loading what
   * `gather` will need (modules, a throwaway key) while earlier stages wait on the network. Only
   * a head start: it may fail silently, since `gather` loads the same things itself.
   */
  warm?(options: ProbeOptions): void;
  /** Why what was gathered leaves nothing to gather (no decodable challenge), or null. */
  skipReason?(ctx: GathererContext<D, O>): string | null;
  gather(ctx: GathererContext<D, O>): Promise<Artifacts[K]>;
  /**
   * The HTTP exchanges its artifact holds, by the names `deadline.cut` lists (`forged`,
   * `payment.paid`). A gatherer without them is named itself when the deadline cuts it.
   */
  exchanges?(artifact: Artifacts[K]): [name: string, exchange: HttpExchange | null][];
}
