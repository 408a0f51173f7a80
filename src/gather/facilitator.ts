import type { FacilitatorSupported } from '../artifacts/index.js';
import { defineGatherer } from './defineGatherer.js';
import { exchange } from './http.js';

/** /supported is a short JSON document: a facilitator listing more is not one to believe. */
const SUPPORTED_BODY_CAP = 256 * 1024;

/** The facilitator URL the probe may ask: the user's --facilitator, else an http(s) `facilitator` string the challenge names (obol's verifier adds one). */
function facilitatorUrl(facilitatorOption: string | undefined, paymentRequired: unknown): { url: string; source: 'option' | 'challenge' } | null {
  if (facilitatorOption) return { url: facilitatorOption.replace(/\/+$/, ''), source: 'option' };
  const named = paymentRequired && typeof paymentRequired === 'object' ? (paymentRequired as Record<string, unknown>).facilitator : undefined;
  if (typeof named !== 'string' || !/^https?:\/\//i.test(named)) return null;
  try {
    return { url: new URL(named).toString().replace(/\/+$/, ''), source: 'challenge' };
  } catch {
    return null;
  }
}

/**
 * The facilitator's `GET /supported`, only when a requirement is upto (its witness binds the
 * facilitator that /supported publishes). A URL the seller names is data: it is asked only at
 * public addresses unless the user allows private ones, like any target from data.
 */
export const facilitatorSupportedGatherer = defineGatherer({
  meta: { artifact: 'facilitatorSupported', dependencies: ['challenge'], concurrent: true },
  skipReason: ({ options, artifacts }) => {
    if (!artifacts.challenge.requirements.some((r) => r.scheme === 'upto')) return 'no upto requirement';
    return facilitatorUrl(options.facilitatorUrl, artifacts.challenge.paymentRequired) ? null : 'no facilitator URL known (--facilitator, or a challenge naming one)';
  },
  async gather(ctx) {
    const found = facilitatorUrl(ctx.options.facilitatorUrl, ctx.artifacts.challenge.paymentRequired)!;
    const result: FacilitatorSupported = { url: found.url, source: found.source, kinds: null, error: null };
    const ex = await exchange({
      url: `${found.url}/supported`,
      timeoutMs: ctx.timeoutMs,
      dispatcher: ctx.dispatcher,
      network: ctx.network,
      deadline: ctx.deadline,
      bodyCap: SUPPORTED_BODY_CAP,
      source: found.source === 'option' ? 'user' : 'data',
    });
    if (ex.status !== 200) return { ...result, error: ex.status === null ? (ex.error?.code ?? 'no response') : `HTTP ${ex.status}` };
    try {
      const kinds = (JSON.parse(ex.body) as { kinds?: unknown }).kinds;
      if (!Array.isArray(kinds)) return { ...result, error: 'no kinds[] in the answer' };
      result.kinds = kinds.filter((k): k is Record<string, unknown> => !!k && typeof k === 'object').map((k) => ({ x402Version: k.x402Version, scheme: k.scheme, network: k.network, extra: k.extra }));
    } catch {
      result.error = 'the answer is not JSON';
    }
    return result;
  },
});
