import type { Artifacts, RequirementView } from '../../artifacts/index.js';
import { addressShape, checksum, sameAddress, ZERO_ADDRESS } from '../../protocol/addresses.js';
import { evmChainId } from '../../protocol/networks.js';
import { eachRequirement } from '../eachRequirement.js';
import { fail, pass, show } from '../outcome.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'req.pay-to',
  title: 'Every payTo is a recipient that can receive the payment',
  severity: 'error',
  specRef: 'https://github.com/x402-foundation/x402/blob/main/specs/schemes/exact/scheme_exact_evm.md',
  fix: 'Set payTo to the seller\'s own wallet address (EIP-55 checksummed or all lower case), never the zero address or the token contract.',
  requires: ['challenge'],
  messages: {
    ok: 'All {count} payTo values are usable recipients.',
    none: 'The challenge has no requirements to check.',
    missing: 'Requirement #{index} has no payTo; there is no one to pay.',
    notString: 'Requirement #{index}: payTo is a JSON {type}, not a string.',
    notAddress: 'Requirement #{index}: payTo {value} is not a 0x-prefixed 20-byte address, as {network} requires.',
    badChecksum: 'Requirement #{index}: payTo {value} is mixed case with a wrong EIP-55 checksum (expected {expected}); it may be mistyped, and strict buyers reject it.',
    zero: 'Requirement #{index}: payTo is the zero address; payments would be burned.',
    isAsset: 'Requirement #{index}: payTo is the token contract itself; payments would be stuck in the token, not reach the seller.',
  },
} as const satisfies CheckMeta;

function judge(r: RequirementView): CheckOutcome | null {
  const data = { index: r.index, value: show(r.payTo), network: show(r.network) };
  const evidence = `accepts[${r.index}].payTo = ${show(r.payTo)}`;
  if (r.payTo === undefined || r.payTo === null || r.payTo === '') return fail(meta, 'missing', data, evidence);
  if (typeof r.payTo !== 'string') return fail(meta, 'notString', { ...data, type: typeof r.payTo }, evidence);
  const assetEvidence = `${evidence}; accepts[${r.index}].asset = ${show(r.asset)}`;
  if (evmChainId(r.network) === null) {
    // Other chains have their own address forms (Solana base58, case-sensitive): only identity is sure.
    return r.payTo === r.asset ? fail(meta, 'isAsset', data, assetEvidence) : null;
  }
  const shape = addressShape(r.payTo);
  if (shape === 'not-an-address') return fail(meta, 'notAddress', data, evidence);
  if (shape === 'bad-checksum') return fail(meta, 'badChecksum', { ...data, expected: checksum(r.payTo) }, evidence);
  if (sameAddress(r.payTo, ZERO_ADDRESS)) return fail(meta, 'zero', data, evidence);
  if (sameAddress(r.payTo, r.asset)) return fail(meta, 'isAsset', data, assetEvidence);
  return null;
}

export function check({ challenge }: Pick<Artifacts, 'challenge'>): CheckOutcome[] {
  return eachRequirement(meta, challenge, { each: judge, clean: (judged) => pass(meta, 'ok', { count: judged.length }) });
}
