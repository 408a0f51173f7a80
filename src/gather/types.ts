import type { Dispatcher } from 'undici';
import type { ProbeOptions } from '../engine/options.js';
import type { ArtifactName, Artifacts } from '../artifacts/index.js';
import type { NetworkPolicy } from './network.js';
import type { RunDeadline } from './deadline.js';

/** What a gatherer sees: the options, what was gathered before it, the shared pool and network policy. */
export interface GatherContext {
  options: ProbeOptions;
  artifacts: Partial<Artifacts>;
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

/** A gatherer produces one artifact. It records trouble in the artifact and never judges. */
export interface Gatherer<K extends ArtifactName = ArtifactName> {
  artifact: K;
  /** Null when the gatherer should run, else why it does not (shown on the checks it starves). */
  skipReason(ctx: GatherContext): string | null;
  gather(ctx: GatherContext): Promise<Artifacts[K]>;
  /** Does no I/O (decodes what was gathered): still runs after the run deadline has passed. */
  offline?: boolean;
  /**
   * Reads no artifact of the adjacent gatherers that also say so: the engine runs such a
   * sequence at the same time (the forged and malformed payments).
   */
  concurrent?: boolean;
}
