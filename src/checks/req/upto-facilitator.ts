import type { Artifacts, FacilitatorSupported, RequirementView } from '../../artifacts/index.js';
import { isWellFormedAddress, sameAddress } from '../../protocol/addresses.js';
import { evmChainId, sameNetwork } from '../../protocol/networks.js';
import { uptoFacilitatorOf } from '../../protocol/permit2.js';
import { eachRequirement } from '../eachRequirement.js';
import { fail, pass, show } from '../outcome.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'req.upto-facilitator',
  title: 'Every upto requirement names the facilitator its witness binds, as that facilitator publishes it',
  severity: 'error',
  specRef: 'https://github.com/x402-foundation/x402/blob/main/specs/schemes/upto/scheme_upto_evm.md',
  fix: 'Build upto requirements from the facilitator\'s /supported kind (the official server copies extra.facilitatorAddress from it), so the witness names the facilitator that settles.',
  requires: ['challenge'],
  messages: {
    ok: 'All {count} upto requirements name their facilitator ({facilitators}) as {url} publishes it.',
    unverified: 'All {count} upto requirements name a facilitator ({facilitators}); it was not compared with the facilitator\'s /supported: {why}.',
    none: 'The challenge has no requirements to check.',
    notApplicable: 'No requirement uses the upto scheme; nothing to check.',
    missing: 'Requirement #{index}: upto without extra.facilitatorAddress; the client cannot build the witness, so no buyer can pay it.',
    notAddress: 'Requirement #{index}: extra.facilitatorAddress {value} is not an address; no buyer can pay it.',
    mismatch: 'Requirement #{index}: extra.facilitatorAddress {value} is not the facilitator {published} that {url} publishes for upto on {network}; the facilitator refuses to settle a witness naming another.',
    notOffered: 'Requirement #{index}: the facilitator at {url} lists no upto kind for {network} in /supported; it cannot settle this requirement.',
  },
} as const satisfies CheckMeta;

const isUptoEvm = (r: RequirementView): boolean => r.scheme === 'upto' && evmChainId(r.network) !== null;

/** The upto kind the facilitator publishes for the requirement's network, null when none, undefined when /supported was not read. */
function publishedKind(supported: FacilitatorSupported | undefined, r: RequirementView): { extra: Record<string, unknown> } | null | undefined {
  if (!supported?.kinds) return undefined;
  const kind = supported.kinds.find((k) => k.scheme === 'upto' && typeof k.network === 'string' && sameNetwork(k.network, r.network as string));
  return kind ? { extra: kind.extra && typeof kind.extra === 'object' ? (kind.extra as Record<string, unknown>) : {} } : null;
}

function judge(r: RequirementView, supported: FacilitatorSupported | undefined): CheckOutcome | null {
  const value = uptoFacilitatorOf(r);
  const evidence = `accepts[${r.index}].extra.facilitatorAddress = ${show(value)}`;
  const data = { index: r.index, value: show(value), network: show(r.network), url: supported?.url ?? '' };
  if (value === undefined || value === null || value === '') return fail(meta, 'missing', data, evidence);
  if (!isWellFormedAddress(value)) return fail(meta, 'notAddress', data, evidence);
  const kind = publishedKind(supported, r);
  if (kind === null) return fail(meta, 'notOffered', data, `${evidence}; ${supported!.url}/supported lists ${show(supported!.kinds!.map((k) => `${String(k.scheme)}@${String(k.network)}`))}`);
  if (kind && !sameAddress(kind.extra.facilitatorAddress, value)) return fail(meta, 'mismatch', { ...data, published: show(kind.extra.facilitatorAddress) }, `${evidence}; /supported upto extra.facilitatorAddress = ${show(kind.extra.facilitatorAddress)}`);
  return null;
}

/** Why /supported was not compared, when it was not. */
function notCompared(supported: FacilitatorSupported | undefined): string | null {
  if (!supported) return 'the probe knows no facilitator URL (the challenge names none; pass --facilitator <url>)';
  return supported.kinds ? null : `${supported.url}/supported could not be read (${supported.error ?? 'no answer'})`;
}

export function check({ challenge, facilitatorSupported }: Pick<Artifacts, 'challenge'> & Partial<Pick<Artifacts, 'facilitatorSupported'>>): CheckOutcome[] {
  return eachRequirement(meta, challenge, {
    only: isUptoEvm,
    notApplicable: 'notApplicable',
    each: (r) => judge(r, facilitatorSupported),
    clean: (judged) => {
      const facilitators = [...new Set(judged.map((r) => String(uptoFacilitatorOf(r))))].join(', ');
      const why = notCompared(facilitatorSupported);
      return why ? pass(meta, 'unverified', { count: judged.length, facilitators, why }) : pass(meta, 'ok', { count: judged.length, facilitators, url: facilitatorSupported!.url });
    },
  });
}
