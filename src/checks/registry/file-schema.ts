import type { Artifacts } from '../../artifacts/index.js';
import { validateRegistrationFile, type LegacyForm } from '../../registry/validateRegistrationFile.js';
import { fail, pass, show, skip, warn } from '../outcome.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'registry.file-schema',
  title: 'The registration file follows the current ERC-8004 format',
  severity: 'error',
  specRef: 'https://eips.ethereum.org/EIPS/eip-8004#agent-uri-and-agent-registration-file',
  fix: 'Publish a JSON object with type "https://eips.ethereum.org/EIPS/eip-8004#registration-v1", a name, services[] of {name, endpoint}, x402Support and active as booleans.',
  requires: ['registryFile'],
  messages: {
    valid: 'The file is a current registration for "{name}" with {count} services.',
    noDocument: 'There is no registration document to validate (see registry.uri-resolves).',
    notJson: 'The registration file is not JSON: {error}.',
    notObject: 'The registration file is not a JSON object.',
    type: 'type is {value}; buyers and indexers look for "https://eips.ethereum.org/EIPS/eip-8004#registration-v1".',
    name: 'The file has no name: {issue}.',
    noServices: 'The file lists no services[]: {issue}.',
    service: 'services[{index}] is unusable: {issue}.',
    invalid: 'The file does not follow the format: {issue}.',
    typeAgent: 'type is "Agent", a stale value; 8004scan flags it and the EIP expects the registration-v1 URL.',
    endpoints: 'The file uses the legacy "endpoints" key; since Jan 2026 the EIP calls it "services".',
    lowercaseX402: 'The file writes "x402support" (agent0 before 1.4.0); the EIP spells it "x402Support".',
    x402Object: 'x402Support is an object ({value}); the EIP makes it a boolean.',
    serviceUrl: 'A service gives its address as "url"; the EIP field is "endpoint".',
    supportedTrusts: 'The file writes "supportedTrusts"; the EIP field is "supportedTrust".',
  },
} as const satisfies CheckMeta;

const LEGACY_MESSAGE: Record<LegacyForm, 'typeAgent' | 'endpoints' | 'lowercaseX402' | 'x402Object' | 'serviceUrl' | 'supportedTrusts'> = {
  'type-agent': 'typeAgent',
  endpoints: 'endpoints',
  'x402support-lowercase': 'lowercaseX402',
  'x402support-object': 'x402Object',
  'service-url': 'serviceUrl',
  supportedTrusts: 'supportedTrusts',
};

export function check({ registryFile: f }: Pick<Artifacts, 'registryFile'>): CheckOutcome | CheckOutcome[] {
  if (f.json === null) return skip(meta, 'noDocument');
  if (!f.json.ok) return fail(meta, 'notJson', { error: f.json.error }, (f.text ?? '').slice(0, 200));
  const v = validateRegistrationFile(f.json.value);
  if (!v.isObject) return fail(meta, 'notObject', {}, show(f.json.value).slice(0, 200));
  const first = v.issues[0];
  if (first) {
    const issue = `${first.path}: ${first.message}`;
    const evidence = v.issues.map((i) => `${i.path}: ${i.message}`).join('; ');
    const head = first.path.split('.')[0];
    if (head === 'type') return fail(meta, 'type', { value: show(v.type) }, evidence);
    if (head === 'name') return fail(meta, 'name', { issue }, evidence);
    if (head === 'services' && /^services\.\d+/.test(first.path)) return fail(meta, 'service', { index: first.path.split('.')[1], issue }, evidence);
    if (head === 'services') return fail(meta, 'noServices', { issue }, evidence);
    return fail(meta, 'invalid', { issue }, evidence);
  }
  if (v.legacy.length > 0) {
    const evidence = `stale forms: ${v.legacy.join(', ')}`;
    return v.legacy.map((form) => warn(meta, LEGACY_MESSAGE[form], { value: show(v.x402SupportRaw) }, evidence));
  }
  return pass(meta, 'valid', { name: String(v.name), count: v.services.length });
}
