import type { Artifacts } from '../../artifacts/index.js';
import { sameAddress, ZERO_ADDRESS } from '../../protocol/addresses.js';
import { fail, pass, show, skip } from '../outcome.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'registry.pay-to-agrees',
  title: 'The 402\'s payTo is the agent\'s wallet or owner',
  severity: 'warning',
  specRef: 'https://eips.ethereum.org/EIPS/eip-8004#identity-registry',
  fix: 'Pay to the agent wallet registered on chain (setAgentWallet), or register the agent from the address the endpoint is paid at.',
  requires: ['challenge', 'registryAgent'],
  messages: {
    wallet: 'Every payTo is the agent wallet {wallet}.',
    owner: 'Every payTo is the agent\'s owner {owner} (the agent wallet is {wallet}).',
    noAgent: 'The agent has no owner on record, so there is nothing to compare (see registry.agent-exists).',
    noRequirements: 'The challenge has no payTo to compare.',
    mismatch: 'Requirement #{index} pays {payTo}, which is neither the agent wallet {wallet} nor the owner {owner}: buyers cannot tell the money reaches this agent.',
  },
} as const satisfies CheckMeta;

export function check({ challenge, registryAgent: a }: Pick<Artifacts, 'challenge' | 'registryAgent'>): CheckOutcome | CheckOutcome[] {
  if (a.owner === null) return skip(meta, 'noAgent');
  const payTos = challenge.requirements.filter((r) => typeof r.payTo === 'string');
  if (payTos.length === 0) return skip(meta, 'noRequirements');
  const wallet = a.agentWallet && !sameAddress(a.agentWallet, ZERO_ADDRESS) ? a.agentWallet : null;
  const data = { wallet: wallet ?? 'unset', owner: a.owner };
  const mismatches = payTos
    .filter((r) => !(wallet && sameAddress(r.payTo, wallet)) && !sameAddress(r.payTo, a.owner))
    .map((r) => fail(meta, 'mismatch', { ...data, index: r.index, payTo: String(r.payTo) }, `accepts[${r.index}].payTo = ${show(r.payTo)}; getAgentWallet = ${a.agentWallet ?? 'null'}; ownerOf = ${a.owner}`));
  if (mismatches.length > 0) return mismatches;
  const viaOwner = payTos.some((r) => !(wallet && sameAddress(r.payTo, wallet)));
  return viaOwner ? pass(meta, 'owner', data) : pass(meta, 'wallet', data);
}
