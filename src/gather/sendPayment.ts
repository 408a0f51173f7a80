import type { HttpExchange } from '../artifacts/index.js';
import { exchange } from './http.js';
import { requestHeaders } from './requestHeaders.js';
import type { GatherContext } from './types.js';

type ProbeContext = Pick<GatherContext, 'options' | 'timeoutMs' | 'dispatcher' | 'network' | 'deadline'>;

/** The probed request as the user framed it (method, headers, body), under the run's limits and policy. */
export function sendProbedRequest(ctx: ProbeContext, extraHeaders: Record<string, string> = {}, url: string = ctx.options.url): Promise<HttpExchange> {
  return exchange({
    url,
    method: ctx.options.method,
    headers: requestHeaders(ctx.options, extraHeaders),
    body: ctx.options.body,
    timeoutMs: ctx.timeoutMs,
    dispatcher: ctx.dispatcher,
    source: ctx.options.targetSource,
    network: ctx.network,
    deadline: ctx.deadline,
  });
}

/** The probed request again, the same method and body, with one payment header added. */
export function sendPayment(ctx: ProbeContext, headerName: string, headerValue: string): Promise<HttpExchange> {
  return sendProbedRequest(ctx, { [headerName]: headerValue });
}

/**
 * The probed request's method and body with one payment header, sent to another URL the user
 * named (--also). The -H headers were given for the probed origin: on another origin they stay
 * behind, as on a cross-origin redirect (an Authorization for one seller is not another's).
 */
export function sendPaymentTo(ctx: ProbeContext, url: string, headerName: string, headerValue: string): Promise<HttpExchange> {
  const sameOrigin = new URL(url).origin === new URL(ctx.options.url).origin;
  const framed = sameOrigin ? ctx : { ...ctx, options: { ...ctx.options, headers: {} } };
  return sendProbedRequest(framed, { [headerName]: headerValue }, url);
}
