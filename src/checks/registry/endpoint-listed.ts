import type { Artifacts } from '../../artifacts/index.js';
import { hasAgentIdTemplate, matchService } from '../../registry/endpoints.js';
import { readRegistration } from '../../registry/validateRegistrationFile.js';
import { fail, pass, show, skip, warn } from '../outcome.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'registry.endpoint-listed',
  title: 'The probed URL is among the registration\'s services',
  severity: 'error',
  specRef: 'https://eips.ethereum.org/EIPS/eip-8004#agent-uri-and-agent-registration-file',
  fix: 'List the endpoint buyers should call in services[] as {"name": "web", "endpoint": "<the URL>"} and update the agentURI.',
  requires: ['target', 'registryFile'],
  messages: {
    listed: 'services[{index}] ({name}) lists {url}.',
    underBase: 'services[{index}] ({name}) lists {endpoint}, a base path of the probed URL.',
    noDocument: 'There is no registration object to read (see registry.file-schema).',
    noServices: 'The registration lists no services, so buyers cannot find {url} through it.',
    template: 'services[{index}] still holds an unsubstituted {agentId} template: {endpoint}.',
    originOnly: 'Only the bare origin {endpoint} is listed; buyers cannot tell which path is the paid endpoint.',
    notListed: 'The probed URL {url} is not among the {count} listed service endpoints: buyers who find the agent call something else.',
  },
} as const satisfies CheckMeta;

export function check({ target, registryFile }: Pick<Artifacts, 'target' | 'registryFile'>): CheckOutcome {
  const v = readRegistration(registryFile);
  if (!v?.document) return skip(meta, 'noDocument');
  const url = target.url;
  if (v.services.length === 0) return fail(meta, 'noServices', { url });
  const evidence = `endpoints: ${v.services.map((s) => show(s.endpoint)).join(', ')}`.slice(0, 600);
  const match = matchService(v.services, url);
  if (match?.kind === 'exact') return pass(meta, 'listed', { index: match.service.index, name: show(match.service.name), url });
  const templated = v.services.find((s) => typeof s.endpoint === 'string' && hasAgentIdTemplate(s.endpoint));
  if (templated) return fail(meta, 'template', { index: templated.index, endpoint: String(templated.endpoint), agentId: '{agentId}' }, evidence);
  if (match?.kind === 'base') return pass(meta, 'underBase', { index: match.service.index, name: show(match.service.name), endpoint: String(match.service.endpoint) });
  if (match?.kind === 'origin') return warn(meta, 'originOnly', { endpoint: String(match.service.endpoint) }, evidence);
  return fail(meta, 'notListed', { url, count: v.services.length }, evidence);
}
