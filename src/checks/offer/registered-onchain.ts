import type { Artifacts } from '../../artifacts/index.js';
import { pass, skip, warn } from '../outcome.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'offer.registered-onchain',
  title: 'The ServiceOffer is registered on-chain, with an agentId buyers can cross-check',
  severity: 'warning',
  specRef: 'https://eips.ethereum.org/EIPS/eip-8004#identity-registry',
  fix: 'Register the offer in the ERC-8004 Identity registry (obol sell register <name>, with a funded key and an RPC), so that status.agentId names an on-chain agent.',
  requires: ['offer'],
  messages: {
    onChain: 'Registered=True ({reason}) with agent {agentId}: the registry checks cross-check it.',
    noOffer: 'No ServiceOffer was read.',
    notRegistered: 'Registered is not True yet (see offer.conditions-ready).',
    notAsked: 'Registration is not part of this offer (Registered={status}, {reason}).',
    offChainOnly: 'Registered=True (OffChainOnly): the offer is listed off-chain only (/api/services.json), with no agentId, so buyers have nothing to cross-check in the ERC-8004 registry and the registry checks do not run.',
    noAgentId: 'Registered=True ({reason}) but status.agentId is empty: there is no agent to cross-check.',
  },
} as const satisfies CheckMeta;

const NOT_ASKED = new Set(['Skipped', 'Disabled', 'NotImplemented']);

export function check({ offer }: Pick<Artifacts, 'offer'>): CheckOutcome {
  if (!offer.found) return skip(meta, 'noOffer');
  const registered = offer.conditions.find((c) => c.type === 'Registered');
  if (!registered || registered.status !== 'True') return skip(meta, 'notRegistered');
  const reason = registered.reason ?? '(no reason)';
  const evidence = `Registered=True (${reason}); status.agentId = ${JSON.stringify(offer.agentId ?? null)}`;
  if (registered.reason === 'OffChainOnly') return warn(meta, 'offChainOnly', {}, evidence);
  if (registered.reason && NOT_ASKED.has(registered.reason)) return skip(meta, 'notAsked', { status: registered.status, reason });
  const agentId = typeof offer.agentId === 'number' ? String(offer.agentId) : typeof offer.agentId === 'string' ? offer.agentId.trim() : '';
  if (!/^[0-9]+$/.test(agentId)) return warn(meta, 'noAgentId', { reason }, evidence);
  return pass(meta, 'onChain', { reason, agentId });
}
