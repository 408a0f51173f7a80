import type { Artifacts, RequirementView, TokenInfo } from '../../artifacts/index.js';
import { sameAddress } from '../../protocol/addresses.js';
import { findKnownAsset } from '../../protocol/assets.js';
import { evmChainId, resolveNetwork } from '../../protocol/networks.js';
import { eachRequirement } from '../eachRequirement.js';
import { fail, pass, show, warn } from '../outcome.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'req.eip712-domain',
  title: 'Every exact EVM requirement carries the token\'s own EIP-712 domain (extra.name, extra.version)',
  severity: 'error',
  specRef: 'https://github.com/x402-foundation/x402/issues/3102',
  fix: 'Set extra.name and extra.version to the token\'s EIP-712 domain exactly as its contract defines it (Base Sepolia USDC: "USDC" / "2"; Base USDC: "USD Coin" / "2").',
  requires: ['challenge'],
  messages: {
    ok: 'All {count} exact EVM requirements carry the token\'s EIP-712 domain.',
    unverified: 'Requirement #{index}: asset {asset} is not a known token, so its domain {name}/{version} could not be compared; pass --rpc to read it from the token.',
    none: 'The challenge has no requirements to check.',
    noExactEvm: 'No requirement uses the exact scheme with EIP-3009 on an EVM network; nothing to check.',
    missing: 'Requirement #{index}: extra.name and extra.version (the EIP-712 domain) are missing; buyers cannot sign and facilitators answer invalid_exact_evm_missing_eip712_domain.',
    notString: 'Requirement #{index}: extra.{field} is a JSON {type}, not a string; the EIP-712 domain needs strings.',
    knownMismatch: 'Requirement #{index}: domain {name}/{version} is not how {symbol} on {network} signs ({expectedName}/{expectedVersion}); signatures built from it are rejected with invalid_exact_evm_payload_signature.',
    tokenMismatch: 'Requirement #{index}: domain {name}/{version} differs from the token\'s own name()/version() ({expectedName}/{expectedVersion}); signatures built from it are rejected with invalid_exact_evm_payload_signature.',
    rpcError: 'Requirement #{index}: the token could not be read with --rpc ({error}); its domain was compared with the known table only.',
    rpcOtherChain: 'Requirement #{index}: the --rpc endpoint answered for chain {rpcChain}, not {network} (chain {chainId}); the token\'s own domain was not read.',
    rpcNoCode: 'Requirement #{index}: no contract at {asset} on chain {chainId} (read with --rpc); the token\'s domain could not be read.',
    rpcNoName: 'Requirement #{index}: the token at {asset} has no readable name(); its domain could not be compared on chain.',
  },
} as const satisfies CheckMeta;

function isEip3009Exact(r: RequirementView): boolean {
  if (r.scheme !== 'exact' || evmChainId(r.network) === null) return false;
  const method = r.extra && typeof r.extra === 'object' ? (r.extra as Record<string, unknown>).assetTransferMethod : undefined;
  return method === undefined || method === 'eip3009';
}

/** The token read with --rpc, when it was read for this requirement or this asset on this chain. */
function tokenFor(token: TokenInfo | undefined, r: RequirementView, chainId: number): TokenInfo | null {
  if (!token || !sameAddress(token.asset, r.asset)) return null;
  return token.requirementIndex === r.index || token.chainId === chainId ? token : null;
}

function judge(r: RequirementView, tokenInfo: TokenInfo | undefined): CheckOutcome[] {
  const extra = r.extra && typeof r.extra === 'object' ? (r.extra as Record<string, unknown>) : {};
  const field = (name: string): string => `accepts[${r.index}].extra.${name} = ${show(extra[name])}`;
  const evidence = `${field('name')}; ${field('version')}`;
  const base = { index: r.index, asset: show(r.asset), name: show(extra.name), version: show(extra.version) };
  // @x402/evm refuses falsy values (`!extra?.name`), so an empty string is as missing as no field.
  if (!extra.name || !extra.version) return [fail(meta, 'missing', base, evidence)];
  for (const name of ['name', 'version'] as const) {
    if (typeof extra[name] !== 'string') return [fail(meta, 'notString', { ...base, field: name, type: typeof extra[name] }, field(name))];
  }
  const chainId = evmChainId(r.network)!;
  const network = resolveNetwork(r.network as string)!;
  const known = typeof r.asset === 'string' ? findKnownAsset(network.caip2, r.asset) : null;
  const token = tokenFor(tokenInfo, r, chainId);
  const findings: CheckOutcome[] = [];
  if (token) {
    const where = { ...base, chainId, network: network.label };
    if (token.error !== null) findings.push(warn(meta, 'rpcError', { ...where, error: token.error }, `tokenInfo.error = ${show(token.error)}`));
    else if (token.chainId !== chainId) findings.push(warn(meta, 'rpcOtherChain', { ...where, rpcChain: show(token.chainId) }, `eth_chainId = ${show(token.chainId)}; accepts[${r.index}].network = ${show(r.network)}`));
    else if (!token.hasCode) findings.push(warn(meta, 'rpcNoCode', where, `eth_getCode(${token.asset}) = 0x`));
    else if (token.name === null) findings.push(warn(meta, 'rpcNoName', where, `${token.asset}.name() reverted`));
    else {
      // The token's own answer outranks the table: the table itself has been wrong (x402#3102).
      const expectedVersion = token.version ?? known?.eip712Version ?? extra.version;
      if (token.name !== extra.name || expectedVersion !== extra.version) {
        return [fail(meta, 'tokenMismatch', { ...base, expectedName: show(token.name), expectedVersion: show(expectedVersion) }, `${evidence}; token name() = ${show(token.name)}, version() = ${show(token.version)}`)];
      }
      return findings;
    }
  }
  if (known) {
    if (known.eip712Name !== extra.name || known.eip712Version !== extra.version) {
      const data = { ...base, symbol: known.symbol, network: network.label, expectedName: show(known.eip712Name), expectedVersion: show(known.eip712Version) };
      return [fail(meta, 'knownMismatch', data, `${evidence}; ${known.symbol} at ${known.address} signs as ${show(known.eip712Name)} / ${show(known.eip712Version)}`)];
    }
    return findings;
  }
  return findings.length > 0 ? findings : [pass(meta, 'unverified', base, `${evidence}; accepts[${r.index}].asset = ${show(r.asset)}`)];
}

export function check({ challenge, tokenInfo }: Pick<Artifacts, 'challenge'> & Partial<Pick<Artifacts, 'tokenInfo'>>): CheckOutcome[] {
  return eachRequirement(meta, challenge, {
    only: isEip3009Exact,
    notApplicable: 'noExactEvm',
    each: (r) => judge(r, tokenInfo),
    // An unknown asset whose domain could not be compared says so, though it passes.
    clean: (judged, notes) => notes[0] ?? pass(meta, 'ok', { count: judged.length }),
  });
}
