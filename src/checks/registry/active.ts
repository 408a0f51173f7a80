import type { Artifacts } from '../../artifacts/index.js';
import { readRegistration } from '../../registry/validateRegistrationFile.js';
import { fail, pass, show, skip, warn } from '../outcome.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'registry.active',
  title: 'The registration says the agent is active',
  severity: 'error',
  specRef: 'https://eips.ethereum.org/EIPS/eip-8004#agent-uri-and-agent-registration-file',
  fix: 'Set "active": true in the registration file while the endpoint is serving, and false only when it stops.',
  requires: ['registryFile'],
  messages: {
    active: 'active is true.',
    noDocument: 'There is no registration object to read (see registry.file-schema).',
    inactive: 'The registration says active: false: the seller declares it is not serving, so buyers skip it.',
    missing: 'The file does not say whether the agent is active; 8004scan and agent0 filter on it.',
    notBoolean: 'active is {value}, not a boolean.',
  },
} as const satisfies CheckMeta;

export function check({ registryFile }: Pick<Artifacts, 'registryFile'>): CheckOutcome {
  const v = readRegistration(registryFile);
  if (!v?.document) return skip(meta, 'noDocument');
  if (v.active === true) return pass(meta, 'active');
  if (v.active === false) return fail(meta, 'inactive', {}, 'active = false');
  if (v.active === undefined) return warn(meta, 'missing');
  return fail(meta, 'notBoolean', { value: show(v.active) }, `active = ${show(v.active)}`);
}
