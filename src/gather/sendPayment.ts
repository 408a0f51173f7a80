import type { HttpExchange } from '../artifacts/index.js';
import { exchange } from './http.js';
import { requestHeaders } from './requestHeaders.js';
import type { GatherContext } from './types.js';

/** The probed request again, the same method and body, with one payment header added. */
export function sendPayment(ctx: GatherContext, headerName: string, headerValue: string): Promise<HttpExchange> {
  return exchange({
    url: ctx.options.url,
    method: ctx.options.method,
    headers: requestHeaders(ctx.options, { [headerName]: headerValue }),
    body: ctx.options.body,
    timeoutMs: ctx.timeoutMs,
    dispatcher: ctx.dispatcher,
    source: ctx.options.targetSource,
    network: ctx.network,
    deadline: ctx.deadline,
  });
}
