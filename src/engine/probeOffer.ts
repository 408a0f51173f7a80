/**
 * `x402-probe offer` (the seed's `obol sell probe`), done as a buyer: read the ServiceOffer,
 * build its public URL, and run the engine against it with the expectations its spec.payment
 * implies (price as obol charges it, payTo, network as CAIP-2) and the ERC-8004 cross-check of
 * its status.agentId.
 */
import { offerChecks } from '../checks/offer/index.js';
import { run, type RunParameters, type RunResult } from './run.js';
import type { OfferArtifact } from '../artifacts/index.js';
import { offerGatherer, readOffer } from '../gather/offer.js';
import type { KubeClient } from '../kube/client.js';
import { resolveNetwork } from '../protocol/networks.js';
import { type OfferExpectations, offerExpectations } from '../obol/expectations.js';
import { describePrice } from '../obol/pricing.js';

export interface ProbeOfferParameters extends Omit<RunParameters, 'url' | 'offer' | 'agent'> {
  client: KubeClient;
  namespace: string;
  name: string;
  /** --base-url: public origin to prefix status.endpoint with. */
  baseUrl?: string;
  /**
   * Subpath under the endpoint. Left out, an inference offer is probed where buyers call it (a
   * chat-completions POST, once plain and once streamed) and any other offer at /health.
   */
  path?: string;
  /** ERC-8004 agent to cross-check: a ref, false for none, or undefined for status.agentId. */
  agent?: string | false;
}

export interface ProbeOfferReturnType extends RunResult {
  offer: OfferArtifact;
  expectations: OfferExpectations | null;
  /** The streamed chat completion's run, when the offer was probed the way buyers call it. */
  streamed: RunResult | null;
}

/** Where an OpenAI-compatible inference offer is called. */
export const CHAT_PATH = '/v1/chat/completions';

/** The chat a buyer sends an inference offer: its own model, one short message, streamed or not. */
export function buyerChat(model: unknown, stream: boolean): string {
  return JSON.stringify({ ...(typeof model === 'string' && model ? { model } : {}), messages: [{ role: 'user', content: 'ping' }], ...(stream ? { stream: true } : {}) });
}

/** What the JSON report says of the streamed probe: what was sent, its verdict, and every check that did not pass. */
function streamedReportField(streamed: RunResult, body: string): Record<string, unknown> {
  const { report } = streamed;
  const receipt = report.checks.find((c) => c.id === 'pay.settlement-header');
  return {
    url: report.target,
    body,
    verdict: report.verdict,
    checks: report.checks.filter((c) => c.status === 'fail' || c.status === 'warn').map(({ id, status, messageId, message, fix }) => ({ id, status, messageId, message, fix })),
    receipt: receipt ? { status: receipt.status, message: receipt.message } : null,
  };
}

/** `<chainId>:<agentId>` on the offer's network, or the bare id when the network is unknown. */
function agentRefOf(agentId: unknown, network: string | null): string | undefined {
  const id = typeof agentId === 'number' ? String(agentId) : typeof agentId === 'string' ? agentId.trim() : '';
  if (!/^[0-9]+$/.test(id)) return undefined;
  const chainId = network ? resolveNetwork(network)?.chainId : null;
  return chainId ? `${chainId}:${id}` : id;
}

/** The JSON report's `offer` field: the artifact, plus what the spec made the probe expect. */
function offerReportField(offer: OfferArtifact, e: OfferExpectations | null, agent: string | undefined): Record<string, unknown> {
  return {
    ...offer,
    agentRef: agent ?? null,
    expected: e && {
      amount: e.amount,
      price: e.priceDecimal,
      symbol: e.symbol,
      priceModel: e.price.model,
      derivation: describePrice(e.price),
      payTo: e.payTo,
      network: e.network,
      caip2: e.caip2,
      asset: e.asset,
      assetSource: e.assetSource,
      problems: e.problems,
    },
  };
}

export async function probeOffer(params: ProbeOfferParameters): Promise<ProbeOfferReturnType> {
  const { client, namespace, name, baseUrl, path, agent: agentOption, ...engine } = params;
  let offer = await readOffer(client, { namespace, name, baseUrl, path: path ?? '/health' });
  // Buyers of an inference offer POST chat completions, streamed or not: probe that, not /health.
  const asBuyers = path === undefined && offer.found && offer.type === 'inference' && engine.body === undefined;
  if (asBuyers) offer = await readOffer(client, { namespace, name, baseUrl, path: CHAT_PATH });
  const e = offer.found ? offerExpectations(offer.payment) : null;
  // What the user passed wins over what the spec implies.
  const expect = {
    price: engine.expect?.price ?? e?.priceDecimal ?? undefined,
    payTo: engine.expect?.payTo ?? e?.payTo ?? undefined,
    network: engine.expect?.network ?? e?.caip2 ?? undefined,
  };
  // OffChainOnly: listed off-chain, so whatever status.agentId says names no agent to cross-check
  // (offer.registered-onchain says so); an --agent the user gives is still checked.
  const offChainOnly = offer.conditions.some((c) => c.type === 'Registered' && c.status === 'True' && c.reason === 'OffChainOnly');
  const agent = agentOption === false ? undefined : (agentOption ?? (offChainOnly ? undefined : agentRefOf(offer.agentId, e?.caip2 ?? null)));
  const chat = (stream: boolean) => (asBuyers ? { method: 'POST', body: buyerChat(offer.model, stream), headers: { ...engine.headers, 'content-type': 'application/json' } } : {});
  const result = offer.publicUrl
    ? await run({ ...engine, ...chat(false), url: offer.publicUrl, expect, agent, offer })
    : // Nothing to send a request to: judge the offer alone, so its conditions explain why.
      await run({ ...engine, url: `serviceoffer/${namespace}/${name}`, offer, gatherers: [offerGatherer], checks: offerChecks });
  // The streamed answer is where obol's receipt moves to the trailers; the registry was read once already.
  const streamed = asBuyers && offer.publicUrl ? await run({ ...engine, ...chat(true), url: offer.publicUrl, expect, offer }) : null;
  result.report.offer = { ...offerReportField(offer, e, agent), ...(streamed ? { streamed: streamedReportField(streamed, buyerChat(offer.model, true)) } : {}) };
  // For an offer probed as buyers call it, the verdict covers both calls.
  if (streamed?.report.verdict === 'fail') result.report.verdict = 'fail';
  return { ...result, offer, expectations: e, streamed };
}
