import type { Artifacts, RequirementView, TokenInfo } from '../../artifacts/index.js';
import { addressShape, checksum, sameAddress } from '../../protocol/addresses.js';
import { findKnownAsset, networksOfAsset } from '../../protocol/assets.js';
import { evmChainId, resolveNetwork } from '../../protocol/networks.js';
import { eachRequirement } from '../eachRequirement.js';
import { fail, pass, show, warn } from '../outcome.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'req.asset',
  title: 'Every EVM asset is a well-formed token address that buyers know on that network',
  severity: 'error',
  specRef: 'https://github.com/x402-foundation/x402/blob/main/specs/schemes/exact/scheme_exact_evm.md',
  fix: 'Set asset to the token\'s address on the advertised network (Base Sepolia USDC is 0x036CbD53842c5426634e7929541eC2318f3dCF7e), EIP-55 checksummed or all lower case.',
  requires: ['challenge'],
  messages: {
    ok: 'All {count} EVM assets are known tokens on their networks ({symbols}).',
    none: 'The challenge has no requirements to check.',
    noEvm: 'No requirement is on an EVM network; nothing to check.',
    notAddress: 'Requirement #{index}: asset {value} is not a 0x-prefixed 20-byte address.',
    badChecksum: 'Requirement #{index}: asset {value} is mixed case with a wrong EIP-55 checksum; strict buyers reject it (expected {expected}).',
    noCode: 'Requirement #{index}: there is no contract at asset {value} on {network} (read with --rpc); nothing can be paid in it.',
    wrongNetwork: 'Requirement #{index}: asset {value} is {symbol} on {elsewhere}, not on {network}; a payment signed for it fails.',
    decimalsMismatch: 'Requirement #{index}: the token at {value} reports {actual} decimals, but {symbol} has {expected}; prices are scaled wrongly.',
    unknown: 'Requirement #{index}: asset {value} is not a token buyers know on {network}; default buyer spend controls allow only known assets (@x402/evm DEFAULT_ASSETS).',
  },
} as const satisfies CheckMeta;

/** The token read with --rpc, when it describes this requirement's asset on this requirement's chain. */
function onChainFacts(token: TokenInfo | undefined, r: RequirementView, chainId: number): TokenInfo | null {
  if (!token || token.error !== null || token.chainId !== chainId || !sameAddress(token.asset, r.asset)) return null;
  return token;
}

/** One EVM requirement's asset: a fail, the `unknown` warning, or null for a known token. */
function judge(r: RequirementView, tokenInfo: TokenInfo | undefined): CheckOutcome | null {
  const chainId = evmChainId(r.network)!;
  const network = resolveNetwork(r.network as string)!;
  const data = { index: r.index, value: show(r.asset), network: network.label };
  const evidence = `accepts[${r.index}].asset = ${show(r.asset)} on ${show(r.network)}`;
  const shape = addressShape(r.asset);
  if (shape === 'not-an-address') return fail(meta, 'notAddress', data, evidence);
  const asset = r.asset as string;
  if (shape === 'bad-checksum') return fail(meta, 'badChecksum', { ...data, expected: checksum(asset) }, evidence);
  const token = onChainFacts(tokenInfo, r, chainId);
  if (token && !token.hasCode) return fail(meta, 'noCode', data, `${evidence}; eth_getCode = 0x (chain ${chainId})`);
  const known = findKnownAsset(network.caip2, asset);
  if (known) {
    if (token && token.decimals !== null && token.decimals !== known.decimals) {
      return fail(meta, 'decimalsMismatch', { ...data, actual: token.decimals, expected: known.decimals, symbol: known.symbol }, `${evidence}; decimals() = ${token.decimals}`);
    }
    return null;
  }
  const elsewhere = networksOfAsset(asset).filter((n) => n !== network.caip2);
  if (elsewhere.length > 0) {
    const home = findKnownAsset(elsewhere[0], asset)!;
    const labels = elsewhere.map((n) => resolveNetwork(n)?.label ?? n).join(', ');
    return fail(meta, 'wrongNetwork', { ...data, symbol: home.symbol, elsewhere: labels }, evidence);
  }
  return warn(meta, 'unknown', data, token ? `${evidence}; token name() = ${show(token.name)}, decimals() = ${show(token.decimals)}` : evidence);
}

/** The symbols of known assets (every judged asset, once the walk found nothing). */
function symbolsOf(judged: readonly RequirementView[]): string {
  const symbols = judged.map((r) => findKnownAsset(resolveNetwork(r.network as string)!.caip2, r.asset as string)?.symbol).filter((s) => s !== undefined);
  return [...new Set(symbols)].join(', ');
}

export function check({ challenge, tokenInfo }: Pick<Artifacts, 'challenge'> & Partial<Pick<Artifacts, 'tokenInfo'>>): CheckOutcome[] {
  return eachRequirement(meta, challenge, {
    only: (r) => evmChainId(r.network) !== null,
    notApplicable: 'noEvm',
    each: (r) => judge(r, tokenInfo),
    clean: (judged) => pass(meta, 'ok', { count: judged.length, symbols: symbolsOf(judged) }),
  });
}
