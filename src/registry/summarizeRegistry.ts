import type { Artifacts } from '../artifacts/index.js';
import { readRegistration } from './validateRegistrationFile.js';

/** What report.registry carries: the agent, its file and the well-known file, in brief. */
export interface RegistrySummary {
  /** `eip155:<chainId>:<registry>:<agentId>`, or null when no agent was located. */
  agent: string | null;
  source: 'explicit' | 'default' | 'auto';
  owner: string | null;
  agentWallet: string | null;
  agentURI: string | null;
  file: {
    scheme: string;
    name: string | null;
    x402Support: boolean | null;
    active: boolean | null;
    services: { name: string | null; endpoint: string | null }[];
    legacy: string[];
  } | null;
  wellKnown: { url: string; status: number | null } | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** The registry part of a report; undefined when the run had no --agent. */
export function summarizeRegistry(artifacts: Partial<Artifacts>): RegistrySummary | undefined {
  const a = artifacts.registryAgent;
  if (!a) return undefined;
  const f = artifacts.registryFile;
  const v = f ? readRegistration(f) : null;
  const w = artifacts.registryWellKnown;
  return {
    agent: a.agentId !== null ? `eip155:${a.chainId}:${a.registry}:${a.agentId}` : null,
    source: a.source,
    owner: a.owner,
    agentWallet: a.agentWallet,
    agentURI: a.tokenURI,
    file: f
      ? {
          scheme: f.scheme,
          name: str(v?.name),
          x402Support: v?.x402Support ?? null,
          active: typeof v?.active === 'boolean' ? v.active : null,
          services: (v?.services ?? []).map((s) => ({ name: str(s.name), endpoint: str(s.endpoint) })),
          legacy: v?.legacy ?? [],
        }
      : null,
    wellKnown: w ? { url: w.fetchedUrl ?? w.uri, status: w.exchange?.status ?? null } : null,
  };
}
