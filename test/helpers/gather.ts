/**
 * Run one gatherer through the real engine: what it depends on is either hand-built (`given`,
 * recorded as is) or gathered by the real gatherers in `before`. No checks run.
 */
import type { ArtifactName, Artifacts } from '../../src/artifacts/index.js';
import { run, type RunParameters } from '../../src/engine/run.js';
import { recordedGatherer } from '../../src/gather/defineGatherer.js';
import type { Gatherer } from '../../src/gather/types.js';

export interface GatherWithParameters extends Omit<RunParameters, 'url' | 'gatherers' | 'checks'> {
  /** Default: a loopback address nothing listens on, for gatherers that send nothing. */
  url?: string;
  /** Hand-built artifacts the gatherer reads. */
  given?: Partial<Omit<Artifacts, 'target' | 'deadline'>>;
  /** Real gatherers to run first. */
  before?: readonly Gatherer[];
}

export interface GatherWithReturnType<K extends ArtifactName> {
  /** What the gatherer produced, or undefined when it skipped or failed. */
  artifact: Artifacts[K] | undefined;
  /** Why it was not gathered, when it was not. */
  notGathered: string | undefined;
  artifacts: Partial<Artifacts>;
}

export async function gatherWith<K extends ArtifactName>(gatherer: Gatherer<K>, params: GatherWithParameters = {}): Promise<GatherWithReturnType<K>> {
  const { url = 'http://127.0.0.1:9/', given = {}, before = [], ...options } = params;
  const recorded = Object.entries(given).map(([name, value]) => recordedGatherer(name as ArtifactName, value as never));
  const result = await run({ ...options, url, gatherers: [...recorded, ...before, gatherer as Gatherer], checks: [] });
  const name = gatherer.meta.artifact;
  return { artifact: result.artifacts[name] as Artifacts[K] | undefined, notGathered: result.notGathered[name], artifacts: result.artifacts };
}
