import type { Artifacts } from '../../artifacts/index.js';
import { IDENTITY_REGISTRY_MAINNET, IDENTITY_REGISTRY_TESTNET, OBSOLETE_IDENTITY_REGISTRIES } from '../../registry/abi.js';
import { canonicalRegistry, parseAgentRegistry } from '../../registry/agentRef.js';
import { readRegistration } from '../../registry/validateRegistrationFile.js';
import { pass, show, skip, warn } from '../outcome.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'registry.address-canonical',
  title: 'Each registrations[] entry names the canonical Identity registry of its chain',
  severity: 'warning',
  specRef: 'https://github.com/erc-8004/erc-8004-contracts#deployments',
  fix: 'Write agentRegistry as eip155:<chainId>:<the canonical IdentityRegistry of that chain> (0x8004A169FB4a3325136EB29fA0ceB6D2e539a432 on mainnets, 0x8004A818BFB912233c491871b3d84c89A494BD9e on testnets) and register there.',
  requires: ['registryFile'],
  messages: {
    ok: 'Every registrations[] entry names the canonical Identity registry of its chain ({entries}).',
    noDocument: 'There is no registration object to read (see registry.file-schema).',
    noEntries: 'The file has no registrations[] entry to judge (see registry.back-reference).',
    testnetOnMainnet: 'registrations[{index}] names {listed} on mainnet chain {chainId}: that is the testnet Identity registry; the canonical one there is {canonical}, so buyers on that chain look for the agent where it is not.',
    mainnetOnTestnet: 'registrations[{index}] names {listed} on test chain {chainId}: that is the mainnet Identity registry; the canonical one there is {canonical}.',
    obsolete: 'registrations[{index}] names {listed}, the obsolete pre-2026 registry with another ABI; the canonical one on chain {chainId} is {canonical}.',
    other: 'registrations[{index}] names {listed} on chain {chainId}, not the canonical Identity registry {canonical}: buyers reading the canonical registry will not find the agent.',
    unreadable: 'registrations[{index}].agentRegistry is not eip155:<chainId>:<address>: {listed}.',
  },
} as const satisfies CheckMeta;

export function check({ registryFile }: Pick<Artifacts, 'registryFile'>): CheckOutcome[] | CheckOutcome {
  const v = readRegistration(registryFile);
  if (!v?.document) return skip(meta, 'noDocument');
  const entries = v.registrations ?? [];
  if (entries.length === 0) return skip(meta, 'noEntries');
  const findings: CheckOutcome[] = [];
  entries.forEach((entry, index) => {
    const parsed = parseAgentRegistry(entry.agentRegistry);
    const listed = show(entry.agentRegistry);
    if (!parsed) return void findings.push(warn(meta, 'unreadable', { index, listed }, `registrations[${index}] = ${show(entry)}`));
    const canonical = canonicalRegistry(parsed.chainId);
    if (parsed.registry.toLowerCase() === canonical.toLowerCase()) return;
    const data = { index, listed: parsed.registry, chainId: parsed.chainId, canonical };
    const evidence = `registrations[${index}].agentRegistry = ${listed}`;
    const same = (a: string) => a.toLowerCase() === parsed.registry.toLowerCase();
    if (OBSOLETE_IDENTITY_REGISTRIES.some(same)) findings.push(warn(meta, 'obsolete', data, evidence));
    else if (same(IDENTITY_REGISTRY_TESTNET)) findings.push(warn(meta, 'testnetOnMainnet', data, evidence));
    else if (same(IDENTITY_REGISTRY_MAINNET)) findings.push(warn(meta, 'mainnetOnTestnet', data, evidence));
    else findings.push(warn(meta, 'other', data, evidence));
  });
  return findings.length > 0 ? findings : pass(meta, 'ok', { entries: entries.map((e) => show(e.agentRegistry)).join(', ') });
}
