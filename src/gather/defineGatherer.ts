import type { ArtifactName, Artifacts } from '../artifacts/index.js';
import type { Gatherer } from './types.js';

/**
 * Declare a gatherer: its `skipReason` and `gather` see exactly the artifacts its `meta` names,
 * required ones present, so reading one needs no `!` and reading an undeclared one does not
 * compile.
 */
export function defineGatherer<K extends ArtifactName, D extends ArtifactName = never, O extends ArtifactName = never>(gatherer: Gatherer<K, D, O>): Gatherer<K, D, O> {
  return gatherer;
}

/**
 * A gatherer that records an artifact known in advance: re-judging saved artifacts offline, and
 * tests that hand-build what a gatherer depends on.
 */
export function recordedGatherer<K extends ArtifactName>(artifact: K, value: Artifacts[K]): Gatherer<K, never, never> {
  return { meta: { artifact, dependencies: [], offline: true }, gather: async () => value };
}
