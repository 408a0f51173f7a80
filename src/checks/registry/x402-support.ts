import type { Artifacts } from '../../artifacts/index.js';
import { readRegistration } from '../../registry/validateRegistrationFile.js';
import { fail, pass, show, skip, warn } from '../outcome.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'registry.x402-support',
  title: 'The registration declares x402Support: true',
  severity: 'error',
  specRef: 'https://eips.ethereum.org/EIPS/eip-8004#agent-uri-and-agent-registration-file',
  fix: 'Set "x402Support": true (camelCase, a boolean) in the registration file.',
  requires: ['registryFile'],
  messages: {
    supported: 'x402Support is true.',
    noDocument: 'There is no registration object to read (see registry.file-schema).',
    lowercase: 'x402 support is declared as "x402support" (lowercase s); readers that follow the EIP miss it.',
    object: 'x402Support is an object ({value}), not a boolean; only agent0 and its subgraph read that form.',
    missing: 'The file does not declare x402Support: buyers that filter on it never see this paid endpoint.',
    false: 'The file declares x402Support: false while the endpoint asks for x402 payment.',
    notBoolean: 'x402Support is {value}, not a boolean.',
  },
} as const satisfies CheckMeta;

export function check({ registryFile }: Pick<Artifacts, 'registryFile'>): CheckOutcome {
  const v = readRegistration(registryFile);
  if (!v?.document) return skip(meta, 'noDocument');
  const evidence = v.x402SupportField ? `${v.x402SupportField} = ${show(v.x402SupportRaw)}` : undefined;
  if (v.x402SupportField === null) return fail(meta, 'missing');
  if (v.x402Support === null) return fail(meta, 'notBoolean', { value: show(v.x402SupportRaw) }, evidence);
  if (v.x402Support === false) return fail(meta, 'false', {}, evidence);
  if (v.x402SupportField === 'x402support') return warn(meta, 'lowercase', {}, evidence);
  if (typeof v.x402SupportRaw !== 'boolean') return warn(meta, 'object', { value: show(v.x402SupportRaw) }, evidence);
  return pass(meta, 'supported');
}
