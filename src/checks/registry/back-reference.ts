import type { Artifacts } from '../../artifacts/index.js';
import { parseAgentRegistry, registrationAgentId } from '../../registry/agentRef.js';
import { readRegistration } from '../../registry/validateRegistrationFile.js';
import { fail, pass, show, skip, warn } from '../outcome.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'registry.back-reference',
  title: 'The registration file names this agent id in this registry',
  severity: 'error',
  specRef: 'https://eips.ethereum.org/EIPS/eip-8004#agent-uri-and-agent-registration-file',
  fix: 'Add {"agentId": <id>, "agentRegistry": "eip155:<chainId>:<registry>"} to registrations[] (register first, then setAgentURI with the id filled in).',
  requires: ['registryAgent', 'registryFile'],
  messages: {
    ok: 'registrations[{index}] names agent {agentId} in {expected}.',
    noAgent: 'No agent was located, so there is nothing to compare (see registry.agent-exists).',
    noDocument: 'There is no registration object to read (see registry.file-schema).',
    missing: 'The file has no registrations[]: nothing ties it to agent {agentId}, so anyone could copy it.',
    wrongId: 'registrations[] names agent {listed} in this registry, not agent {agentId}.',
    wrongRegistry: 'registrations[] names agent {agentId} in {listed}, not in {expected}.',
    mismatch: 'No registrations[] entry names agent {agentId} in {expected}.',
    idString: 'registrations[{index}] gives agentId as a string; the EIP writes a JSON number.',
  },
} as const satisfies CheckMeta;

function sameRegistry(value: unknown, chainId: number, registry: string): boolean {
  const parsed = parseAgentRegistry(value);
  return parsed !== null && parsed.chainId === chainId && parsed.registry.toLowerCase() === registry.toLowerCase();
}

export function check({ registryAgent: a, registryFile }: Pick<Artifacts, 'registryAgent' | 'registryFile'>): CheckOutcome {
  if (a.agentId === null || a.chainId === null || a.registry === null) return skip(meta, 'noAgent');
  const v = readRegistration(registryFile);
  if (!v?.document) return skip(meta, 'noDocument');
  const expected = `eip155:${a.chainId}:${a.registry}`;
  const agentId = BigInt(a.agentId);
  const data = { agentId: a.agentId, expected };
  const entries = v.registrations;
  if (!entries || entries.length === 0) return fail(meta, 'missing', data, `registrations = ${show(v.document.registrations)}`);
  const evidence = `registrations = ${show(entries)}`;
  const index = entries.findIndex((e) => registrationAgentId(e.agentId) === agentId && sameRegistry(e.agentRegistry, a.chainId!, a.registry!));
  if (index >= 0) {
    if (typeof entries[index].agentId === 'string') return warn(meta, 'idString', { ...data, index }, evidence);
    return pass(meta, 'ok', { ...data, index });
  }
  const sameRegistryEntry = entries.find((e) => sameRegistry(e.agentRegistry, a.chainId!, a.registry!));
  if (sameRegistryEntry) return fail(meta, 'wrongId', { ...data, listed: show(sameRegistryEntry.agentId) }, evidence);
  const sameIdEntry = entries.find((e) => registrationAgentId(e.agentId) === agentId);
  if (sameIdEntry) return fail(meta, 'wrongRegistry', { ...data, listed: show(sameIdEntry.agentRegistry) }, evidence);
  return fail(meta, 'mismatch', data, evidence);
}
