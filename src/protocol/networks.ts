/**
 * Networks a buyer can meet in a challenge: v1 short names and CAIP-2 ids, which chain they
 * are, and whether real money moves there. An unknown network counts as a mainnet, so the
 * spend guard fails closed.
 */

export interface NetworkInfo {
  /** CAIP-2 id, e.g. `eip155:84532`. */
  caip2: string;
  /** The v1 short name, when the network has one. */
  v1Name: string | null;
  /** EVM chain id, when the network is an EVM chain. */
  chainId: number | null;
  /** Human label. */
  label: string;
  /** True for test networks (no real funds). */
  testnet: boolean;
}

/**
 * v1 names the legacy `x402` 1.2.0 NetworkSchema accepts; any other name makes the legacy
 * clients throw on the whole challenge (x402-foundation/x402#2729).
 */
export const LEGACY_V1_NETWORKS: readonly string[] = [
  'base-sepolia', 'base', 'avalanche-fuji', 'avalanche', 'iotex', 'solana-devnet', 'solana', 'sei',
  'sei-testnet', 'polygon', 'polygon-amoy', 'peaq', 'story', 'educhain', 'skale-base-sepolia', 'abstract',
  'abstract-testnet',
];

const SOLANA_MAINNET = 'solana:5eykt4UsFv8P8NJdTREpY1vzqKqZKvdp';
const SOLANA_DEVNET = 'solana:EtWTRABZaYq6iMfeYKouRu166VU2xqa1';

/** [v1 name or null, chain id, label, testnet] for EVM chains (@x402/evm's v1 map, plus obol's). */
const EVM: ReadonlyArray<readonly [string | null, number, string, boolean]> = [
  ['ethereum', 1, 'Ethereum', false],
  ['sepolia', 11155111, 'Ethereum Sepolia', true],
  ['base', 8453, 'Base', false],
  ['base-sepolia', 84532, 'Base Sepolia', true],
  ['avalanche', 43114, 'Avalanche C-Chain', false],
  ['avalanche-fuji', 43113, 'Avalanche Fuji', true],
  ['polygon', 137, 'Polygon', false],
  ['polygon-amoy', 80002, 'Polygon Amoy', true],
  ['abstract', 2741, 'Abstract', false],
  ['abstract-testnet', 11124, 'Abstract Testnet', true],
  ['iotex', 4689, 'IoTeX', false],
  ['sei', 1329, 'Sei', false],
  ['sei-testnet', 1328, 'Sei Testnet', true],
  ['peaq', 3338, 'peaq', false],
  ['story', 1514, 'Story', false],
  ['educhain', 41923, 'EDU Chain', false],
  ['skale-base-sepolia', 324705682, 'SKALE Base Sepolia', true],
  ['megaeth', 4326, 'MegaETH', false],
  ['monad', 143, 'Monad', false],
  ['stable', 988, 'Stable', false],
  ['stable-testnet', 2201, 'Stable Testnet', true],
  ['celo', 42220, 'Celo', false],
  ['flare', 14, 'Flare', false],
  ['arbitrum-one', 42161, 'Arbitrum One', false],
  ['arbitrum-sepolia', 421614, 'Arbitrum Sepolia', true],
  ['optimism', 10, 'OP Mainnet', false],
  ['optimism-sepolia', 11155420, 'OP Sepolia', true],
  [null, 31337, 'Anvil / Hardhat local', true],
  [null, 1337, 'Local dev chain', true],
];

/** Aliases obol-stack accepts for its chain names. */
const ALIASES: Readonly<Record<string, string>> = {
  'base-mainnet': 'base',
  mainnet: 'ethereum',
  arbitrum: 'arbitrum-one',
};

const byCaip2 = new Map<string, NetworkInfo>();
const byName = new Map<string, NetworkInfo>();

for (const [name, chainId, label, testnet] of EVM) {
  const info: NetworkInfo = { caip2: `eip155:${chainId}`, v1Name: name, chainId, label, testnet };
  byCaip2.set(info.caip2, info);
  if (name) byName.set(name, info);
}
for (const info of [
  { caip2: SOLANA_MAINNET, v1Name: 'solana', chainId: null, label: 'Solana', testnet: false },
  { caip2: SOLANA_DEVNET, v1Name: 'solana-devnet', chainId: null, label: 'Solana Devnet', testnet: true },
] satisfies NetworkInfo[]) {
  byCaip2.set(info.caip2, info);
  byName.set(info.v1Name, info);
}

/** CAIP-2 syntax: namespace (3–8 chars) ":" reference (1–32 chars). */
const CAIP2_PATTERN = /^[-a-z0-9]{3,8}:[-_a-zA-Z0-9]{1,32}$/;

export function isCaip2(id: string): boolean {
  return CAIP2_PATTERN.test(id);
}

/** Look a network up by v1 name, alias or CAIP-2 id. Unknown `eip155:<n>` ids resolve to a bare entry. */
export function resolveNetwork(id: string): NetworkInfo | null {
  const key = id.trim();
  const named = byName.get(ALIASES[key] ?? key);
  if (named) return named;
  const known = byCaip2.get(key);
  if (known) return known;
  const evm = /^eip155:([1-9][0-9]{0,18})$/.exec(key);
  if (evm) {
    const chainId = Number(evm[1]);
    // Unknown chains are treated as mainnets: the spend guard must fail closed.
    return { caip2: key, v1Name: null, chainId, label: `EVM chain ${chainId}`, testnet: false };
  }
  return null;
}

/** True unless the network is a known test network. */
export function isMainnet(id: string): boolean {
  return !(resolveNetwork(id)?.testnet ?? false);
}

/** True when two network ids name the same chain (a v1 name equals its CAIP-2 id). */
export function sameNetwork(a: string, b: string): boolean {
  const ra = resolveNetwork(a);
  const rb = resolveNetwork(b);
  if (ra && rb) return ra.caip2 === rb.caip2;
  return a.trim() === b.trim();
}

/** True when the v1 name is one the legacy clients accept. */
export function isLegacyV1Name(name: string): boolean {
  return LEGACY_V1_NETWORKS.includes(name);
}

/**
 * v1 names `@x402/evm`'s v1 support (`NETWORKS` of `@x402/evm/v1`) maps to a chain. Other names in
 * the table above (obol's `arbitrum-one`, `optimism`) make its v1 client throw.
 */
export const X402_EVM_V1_NETWORKS: readonly string[] = [
  'ethereum', 'sepolia', 'abstract', 'abstract-testnet', 'base-sepolia', 'base', 'avalanche-fuji', 'avalanche',
  'iotex', 'sei', 'sei-testnet', 'polygon', 'polygon-amoy', 'peaq', 'story', 'educhain', 'skale-base-sepolia',
  'megaeth', 'monad', 'stable', 'stable-testnet', 'celo', 'flare',
];

/** True when @x402/evm's v1 support (but maybe not the legacy clients) knows the name. */
export function isKnownV1Name(name: string): boolean {
  return X402_EVM_V1_NETWORKS.includes(name);
}

/** The EVM chain id of a network id (v1 name, alias or CAIP-2), or null for non-EVM and unknown ids. */
export function evmChainId(id: unknown): number | null {
  return typeof id === 'string' ? (resolveNetwork(id)?.chainId ?? null) : null;
}

/**
 * CAIP-2 namespaces x402 has a scheme spec for. Chains are listed for eip155 and solana (the
 * table above) and for stellar and aptos; other namespaces are accepted on the namespace alone.
 */
const NAMESPACE_CHAINS: Readonly<Record<string, readonly string[] | null>> = {
  eip155: [],
  solana: [],
  stellar: ['pubnet', 'testnet'],
  aptos: ['1', '2'],
  algorand: null,
  sui: null,
  hedera: null,
  tvm: null,
};

export type Caip2Knowledge = 'known' | 'unknown-chain' | 'unknown-namespace';

/** Whether a CAIP-2 id names a chain buyers know, a chain of a known namespace, or neither. */
export function caip2Knowledge(id: string): Caip2Knowledge {
  const [namespace] = id.split(':');
  if (!Object.hasOwn(NAMESPACE_CHAINS, namespace)) return 'unknown-namespace';
  if (byCaip2.has(id)) return 'known';
  const chains = NAMESPACE_CHAINS[namespace];
  if (chains === null) return 'known';
  return chains.includes(id.slice(namespace.length + 1)) ? 'known' : 'unknown-chain';
}
