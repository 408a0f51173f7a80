import { defineGatherer } from './defineGatherer.js';
import { sendProbedRequest } from './sendPayment.js';

/** The unpaid request: what any buyer sends first. */
export const unpaidGatherer = defineGatherer({
  meta: { artifact: 'unpaid', dependencies: [] },
  gather: (ctx) => sendProbedRequest(ctx),
  exchanges: (unpaid) => [['unpaid', unpaid]],
});
