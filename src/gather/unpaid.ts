import { defineGatherer } from './defineGatherer.js';
import { exchange } from './http.js';
import { requestHeaders } from './requestHeaders.js';

/** The unpaid request: what any buyer sends first. */
export const unpaidGatherer = defineGatherer({
  meta: { artifact: 'unpaid', dependencies: [] },
  gather: (ctx) =>
    exchange({
      url: ctx.options.url,
      method: ctx.options.method,
      headers: requestHeaders(ctx.options),
      body: ctx.options.body,
      timeoutMs: ctx.timeoutMs,
      dispatcher: ctx.dispatcher,
      source: ctx.options.targetSource,
      network: ctx.network,
      deadline: ctx.deadline,
    }),
  exchanges: (unpaid) => [['unpaid', unpaid]],
});
