import { decodeChallenge } from '../protocol/decodeChallenge.js';
import { defineGatherer } from './defineGatherer.js';

/** The decoded challenge: derived from the unpaid response through protocol/, no I/O. */
export const challengeGatherer = defineGatherer({
  meta: { artifact: 'challenge', dependencies: ['unpaid'], offline: true },
  skipReason: ({ artifacts }) => (artifacts.unpaid.status == null ? 'no response to the unpaid request' : null),
  gather: async ({ artifacts }) => decodeChallenge(artifacts.unpaid),
});
