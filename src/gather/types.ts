import type { Dispatcher } from 'undici';
import type { ProbeOptions } from '../engine/options.js';
import type { ArtifactName, Artifacts } from './artifacts.js';
import type { NetworkPolicy } from './network.js';

/** What a gatherer sees: the options, what was gathered before it, the shared pool and network policy. */
export interface GatherContext {
  options: ProbeOptions;
  artifacts: Partial<Artifacts>;
  dispatcher: Dispatcher;
  network: NetworkPolicy;
  timeoutMs: number;
}

/** A gatherer produces one artifact. It records trouble in the artifact and never judges. */
export interface Gatherer<K extends ArtifactName = ArtifactName> {
  artifact: K;
  /** Null when the gatherer should run, else why it does not (shown on the checks it starves). */
  skipReason(ctx: GatherContext): string | null;
  gather(ctx: GatherContext): Promise<Artifacts[K]>;
}
