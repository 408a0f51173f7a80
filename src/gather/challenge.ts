import { decodeChallenge } from '../protocol/decodeChallenge.js';
import type { Gatherer } from './types.js';

/** The decoded challenge: derived from the unpaid response through protocol/, no I/O. */
export const challengeGatherer: Gatherer<'challenge'> = {
  artifact: 'challenge',
  offline: true,
  skipReason: ({ artifacts }) => (artifacts.unpaid?.status == null ? 'no response to the unpaid request' : null),
  gather: async ({ artifacts }) => decodeChallenge(artifacts.unpaid!),
};
