import type { Artifacts, ChallengeArtifact } from '../../artifacts/index.js';
import { describesRequest, type DiscoveryEntry } from '../../protocol/discovery.js';

/**
 * The 402 an entry describes: the probed request's own when the entry names it, else the
 * listed resource's as requested. Undefined when it was not requested (cap, template, origin).
 */
export function challengeFor(e: DiscoveryEntry, { target, challenge, discovery }: Pick<Artifacts, 'target' | 'discovery'> & Partial<Artifacts>): { challenge: ChallengeArtifact | null; status: number | null } | undefined {
  if (describesRequest(e, target.url, target.method)) return { challenge: challenge ?? null, status: challenge?.status ?? null };
  const probe = discovery.listed.find((l) => l.url === e.url && l.method === (e.method ?? 'GET'));
  return probe ? { challenge: probe.challenge, status: probe.exchange.status } : undefined;
}
