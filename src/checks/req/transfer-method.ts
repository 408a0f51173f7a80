import type { Artifacts, RequirementView } from '../../artifacts/index.js';
import { findKnownAsset } from '../../protocol/assets.js';
import { sameAddress } from '../../protocol/addresses.js';
import { evmChainId } from '../../protocol/networks.js';
import { EXACT_TRANSFER_METHODS, PERMIT2_ADDRESS, PERMIT2_SPENDER, permit2SchemeOf, transferMethodOf } from '../../protocol/permit2.js';
import { eachRequirement } from '../eachRequirement.js';
import { fail, pass, show } from '../outcome.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'req.transfer-method',
  title: 'Every exact and upto EVM requirement names a transfer method buyers implement, and Permit2 terms name the canonical contracts',
  severity: 'error',
  specRef: 'https://github.com/x402-foundation/x402/blob/main/specs/schemes/exact/scheme_exact_evm.md',
  fix: 'Set extra.assetTransferMethod to "eip3009" (or leave it out) for EIP-3009 tokens and to "permit2" for tokens without EIP-3009 and for upto; do not name a Permit2 or proxy address other than the canonical ones.',
  requires: ['challenge'],
  messages: {
    ok: 'All {count} exact/upto EVM requirements name a transfer method buyers implement ({methods}).',
    none: 'The challenge has no requirements to check.',
    notApplicable: 'No requirement uses exact or upto on an EVM network; nothing to check.',
    notString: 'Requirement #{index}: extra.assetTransferMethod is a JSON {type}, not a string; the client compares it with "permit2" and signs EIP-3009 instead.',
    unknown: 'Requirement #{index}: transfer method {value} is not one the x402 EVM client implements ({known}); it signs EIP-3009, which is not what the seller asked for.',
    uptoNotPermit2: 'Requirement #{index}: upto is paid by Permit2 only, but extra.assetTransferMethod says {value}; buyers sign Permit2 whatever this says, so the seller\'s own side disagrees with what it is paid.',
    permit2Only: 'Requirement #{index}: {symbol} has no EIP-3009 (it is paid by Permit2), but the requirement names {value}: buyers sign an EIP-3009 authorization the token cannot settle.',
    wrongAddress: 'Requirement #{index}: extra.{field} = {value} is not the canonical {what} {expected}; x402 buyers sign for the canonical one, so a facilitator expecting this one rejects every payment.',
  },
} as const satisfies CheckMeta;

/** Fields some sellers add to say which Permit2 contract or proxy they settle through. */
const ADDRESS_FIELDS: [field: string, what: 'Permit2 contract' | 'proxy'][] = [
  ['permit2', 'Permit2 contract'], ['permit2Address', 'Permit2 contract'], ['spender', 'proxy'], ['proxy', 'proxy'], ['proxyAddress', 'proxy'],
];

const exactOrUptoEvm = (r: RequirementView): boolean => (r.scheme === 'exact' || r.scheme === 'upto') && evmChainId(r.network) !== null;

function judge(r: RequirementView): CheckOutcome | null {
  const extra = r.extra && typeof r.extra === 'object' ? (r.extra as Record<string, unknown>) : {};
  const written = extra.assetTransferMethod;
  const evidence = `accepts[${r.index}].scheme = ${show(r.scheme)}; extra.assetTransferMethod = ${show(written)}`;
  const data = { index: r.index, value: show(written) };
  if (written !== undefined && typeof written !== 'string') return fail(meta, 'notString', { ...data, type: typeof written }, evidence);
  if (r.scheme === 'upto' && written !== undefined && written !== 'permit2') return fail(meta, 'uptoNotPermit2', data, evidence);
  if (r.scheme === 'exact' && written !== undefined && !EXACT_TRANSFER_METHODS.includes(written)) return fail(meta, 'unknown', { ...data, known: EXACT_TRANSFER_METHODS.join(', ') }, evidence);
  const known = typeof r.asset === 'string' ? findKnownAsset(r.network as string, r.asset) : null;
  if (known?.transferMethod === 'permit2' && transferMethodOf(r) === 'eip3009') return fail(meta, 'permit2Only', { ...data, symbol: known.symbol, value: show(written ?? 'eip3009 (by default)') }, `${evidence}; accepts[${r.index}].asset = ${show(r.asset)}`);
  const scheme = permit2SchemeOf(r);
  if (scheme === null) return null;
  for (const [field, what] of ADDRESS_FIELDS) {
    if (extra[field] === undefined) continue;
    const expected = what === 'proxy' ? PERMIT2_SPENDER[scheme] : PERMIT2_ADDRESS;
    if (!sameAddress(extra[field], expected)) return fail(meta, 'wrongAddress', { index: r.index, field, value: show(extra[field]), what: what === 'proxy' ? `x402 ${scheme} Permit2 proxy` : 'Permit2 contract', expected }, `accepts[${r.index}].extra.${field} = ${show(extra[field])}`);
  }
  return null;
}

export function check({ challenge }: Pick<Artifacts, 'challenge'>): CheckOutcome[] {
  return eachRequirement(meta, challenge, {
    only: exactOrUptoEvm,
    notApplicable: 'notApplicable',
    each: judge,
    clean: (judged) => pass(meta, 'ok', { count: judged.length, methods: [...new Set(judged.map((r) => `${r.scheme} by ${String(transferMethodOf(r))}`))].join(', ') }),
  });
}
