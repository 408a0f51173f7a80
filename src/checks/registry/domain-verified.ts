import type { Artifacts } from '../../artifacts/index.js';
import { parseAgentRegistry, registrationAgentId } from '../../registry/agentRef.js';
import { endpointHost, endpointHostname, isLoopbackHost } from '../../registry/endpoints.js';
import { readRegistration } from '../../registry/validateRegistrationFile.js';
import { fail, pass, show, skip } from '../outcome.js';
import type { CheckInput, CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'registry.domain-verified',
  title: 'The endpoint\'s domain vouches for the agent in /.well-known/agent-registration.json',
  severity: 'warning',
  specRef: 'https://eips.ethereum.org/EIPS/eip-8004#endpoint-domain-verification-optional',
  fix: 'Serve /.well-known/agent-registration.json over https on the endpoint\'s domain with a registrations[] entry naming this agentId and agentRegistry.',
  requires: ['target', 'registryAgent', 'registryWellKnown'],
  messages: {
    verified: '{url} names agent {agentId} in {expected}.',
    sameDomain: 'The agentURI is served from the endpoint\'s own domain ({host}); no separate verification is needed.',
    noAgent: 'No agent was located, so there is nothing to verify (see registry.agent-exists).',
    unreachable: '{url} could not be fetched: {error}.',
    deadline: 'The run deadline cut the fetch of {url}: whether the domain vouches for the agent is unknown.',
    missing: '{url} answered HTTP {status}: the domain does not vouch for any agent.',
    notHttps: '{url} is served over plain http; verification needs https so the answer cannot be forged on the path.',
    notJson: '{url} is not a JSON object.',
    noRegistrations: '{url} has no registrations[].',
    noMatch: '{url} names other agents, not agent {agentId} in {expected}: the domain does not vouch for this registration.',
  },
} as const satisfies CheckMeta;

export function check({ target, registryAgent: a, registryWellKnown: w, registryFile }: CheckInput<typeof meta>): CheckOutcome {
  if (a.agentId === null || a.chainId === null || a.registry === null) return skip(meta, 'noAgent');
  const host = endpointHost(target.url);
  // The spec exempts an endpoint on the domain that serves the agentURI (host and port: loopback sellers share a name).
  const fileUrl = registryFile?.fetchedUrl ?? (registryFile?.scheme === 'https' || registryFile?.scheme === 'http' ? registryFile.uri : null);
  if (host && fileUrl && registryFile?.scheme !== 'ipfs' && endpointHost(fileUrl) === host && registryFile?.exchange?.status === 200) {
    return pass(meta, 'sameDomain', { host }, `agentURI ${registryFile.uri}`);
  }
  const url = w.fetchedUrl ?? w.uri;
  const expected = `eip155:${a.chainId}:${a.registry}`;
  const data = { url, agentId: a.agentId, expected };
  if (w.exchange?.error?.code === 'deadline') return fail(meta, 'deadline', data, `${w.exchange.error.code}: ${w.exchange.error.message}`);
  if (!w.exchange || w.exchange.status === null) return fail(meta, 'unreachable', { ...data, error: w.error?.message ?? 'no response' }, w.error?.message);
  if (w.exchange.status !== 200) return fail(meta, 'missing', { ...data, status: w.exchange.status }, `HTTP ${w.exchange.status}`);
  const finalUrl = w.exchange.finalUrl;
  if (!finalUrl.startsWith('https:') && !isLoopbackHost(endpointHostname(finalUrl) ?? '')) return fail(meta, 'notHttps', data, finalUrl);
  const v = readRegistration(w);
  if (!v?.document) return fail(meta, 'notJson', data, (w.text ?? '').slice(0, 200));
  const entries = v.registrations ?? [];
  if (entries.length === 0) return fail(meta, 'noRegistrations', data, `registrations = ${show(v.document.registrations)}`);
  const id = BigInt(a.agentId);
  const ok = entries.some((e) => {
    const reg = parseAgentRegistry(e.agentRegistry);
    return registrationAgentId(e.agentId) === id && reg !== null && reg.chainId === a.chainId && reg.registry.toLowerCase() === a.registry!.toLowerCase();
  });
  return ok ? pass(meta, 'verified', data) : fail(meta, 'noMatch', data, `registrations = ${show(entries)}`);
}
