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
  /** Subpath under the endpoint (default /health). */
  path?: string;
  /** ERC-8004 agent to cross-check: a ref, false for none, or undefined for status.agentId. */
  agent?: string | false;
}

export interface ProbeOfferReturnType extends RunResult {
  offer: OfferArtifact;
  expectations: OfferExpectations | null;
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
  const offer = await readOffer(client, { namespace, name, baseUrl, path });
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
  const result = offer.publicUrl
    ? await run({ ...engine, url: offer.publicUrl, expect, agent, offer })
    : // Nothing to send a request to: judge the offer alone, so its conditions explain why.
      await run({ ...engine, url: `serviceoffer/${namespace}/${name}`, offer, gatherers: [offerGatherer], checks: offerChecks });
  result.report.offer = offerReportField(offer, e, agent);
  return { ...result, offer, expectations: e };
}
