/**
 * The ERC-8004 IdentityRegistry ABI (contracts v2.0.0, the Jan 24 2026 revision of the EIP),
 * written from the signatures in reference/erc8004.md §3. Only what x402-probe reads or what
 * tests and fixtures write is here; abi.test.ts pins every selector and topic0 to the reference.
 */

/** The IdentityRegistry on every testnet the canonical CREATE2 proxies cover (Base Sepolia included). */
export const IDENTITY_REGISTRY_TESTNET = '0x8004A818BFB912233c491871b3d84c89A494BD9e';
/** The IdentityRegistry on every mainnet the canonical proxies cover (Base included). */
export const IDENTITY_REGISTRY_MAINNET = '0x8004A169FB4a3325136EB29fA0ceB6D2e539a432';
/** Pre-2026 Base Sepolia registry with the obsolete ABI: reading it with this ABI is a mistake. */
export const OBSOLETE_IDENTITY_REGISTRIES: readonly string[] = [
  '0x8004AA63c570c570eBF15376c0dB199918BFe9Fb',
  '0x8004a6090Cd10A7288092483047B097295Fb8847',
];

/** Base Sepolia, the chain a bare agent id refers to. */
export const DEFAULT_REGISTRY_CHAIN_ID = 84532;

/** Public RPCs tried when no --rpc is given (they need internet; tests always pass --rpc). */
export const DEFAULT_RPC_URLS: Readonly<Record<number, string>> = {
  84532: 'https://sepolia.base.org',
  8453: 'https://mainnet.base.org',
  11155111: 'https://ethereum-sepolia-rpc.publicnode.com',
  1: 'https://ethereum-rpc.publicnode.com',
};

/**
 * First block worth scanning for `Registered` logs, per chain and registry (agent0's subgraph
 * start blocks). Only used when the chain's head is past it: a local chain reusing the address
 * starts at block 0.
 */
export const REGISTRY_START_BLOCKS: Readonly<Record<string, bigint>> = {
  [`84532:${IDENTITY_REGISTRY_TESTNET.toLowerCase()}`]: 37174254n,
};

/** The `type` every current registration file carries (never bumped when keys changed). */
export const REGISTRATION_TYPE = 'https://eips.ethereum.org/EIPS/eip-8004#registration-v1';

/** Where a domain publishes the registrations it vouches for (§6.1). */
export const WELL_KNOWN_REGISTRATION_PATH = '/.well-known/agent-registration.json';

export const identityRegistryAbi = [
  { type: 'function', name: 'register', stateMutability: 'nonpayable', inputs: [], outputs: [{ name: 'agentId', type: 'uint256' }] },
  { type: 'function', name: 'register', stateMutability: 'nonpayable', inputs: [{ name: 'agentURI', type: 'string' }], outputs: [{ name: 'agentId', type: 'uint256' }] },
  {
    type: 'function',
    name: 'register',
    stateMutability: 'nonpayable',
    inputs: [
      { name: 'agentURI', type: 'string' },
      {
        name: 'metadata',
        type: 'tuple[]',
        components: [
          { name: 'metadataKey', type: 'string' },
          { name: 'metadataValue', type: 'bytes' },
        ],
      },
    ],
    outputs: [{ name: 'agentId', type: 'uint256' }],
  },
  {
    type: 'function',
    name: 'setAgentURI',
    stateMutability: 'nonpayable',
    inputs: [
      { name: 'agentId', type: 'uint256' },
      { name: 'newURI', type: 'string' },
    ],
    outputs: [],
  },
  { type: 'function', name: 'tokenURI', stateMutability: 'view', inputs: [{ name: 'tokenId', type: 'uint256' }], outputs: [{ name: '', type: 'string' }] },
  { type: 'function', name: 'ownerOf', stateMutability: 'view', inputs: [{ name: 'tokenId', type: 'uint256' }], outputs: [{ name: '', type: 'address' }] },
  {
    type: 'function',
    name: 'getMetadata',
    stateMutability: 'view',
    inputs: [
      { name: 'agentId', type: 'uint256' },
      { name: 'metadataKey', type: 'string' },
    ],
    outputs: [{ name: '', type: 'bytes' }],
  },
  {
    type: 'function',
    name: 'setMetadata',
    stateMutability: 'nonpayable',
    inputs: [
      { name: 'agentId', type: 'uint256' },
      { name: 'metadataKey', type: 'string' },
      { name: 'metadataValue', type: 'bytes' },
    ],
    outputs: [],
  },
  {
    type: 'function',
    name: 'setAgentWallet',
    stateMutability: 'nonpayable',
    inputs: [
      { name: 'agentId', type: 'uint256' },
      { name: 'newWallet', type: 'address' },
      { name: 'deadline', type: 'uint256' },
      { name: 'signature', type: 'bytes' },
    ],
    outputs: [],
  },
  { type: 'function', name: 'getAgentWallet', stateMutability: 'view', inputs: [{ name: 'agentId', type: 'uint256' }], outputs: [{ name: '', type: 'address' }] },
  { type: 'function', name: 'unsetAgentWallet', stateMutability: 'nonpayable', inputs: [{ name: 'agentId', type: 'uint256' }], outputs: [] },
  {
    type: 'function',
    name: 'isAuthorizedOrOwner',
    stateMutability: 'view',
    inputs: [
      { name: 'spender', type: 'address' },
      { name: 'agentId', type: 'uint256' },
    ],
    outputs: [{ name: '', type: 'bool' }],
  },
  { type: 'function', name: 'getVersion', stateMutability: 'pure', inputs: [], outputs: [{ name: '', type: 'string' }] },
  {
    type: 'function',
    name: 'transferFrom',
    stateMutability: 'nonpayable',
    inputs: [
      { name: 'from', type: 'address' },
      { name: 'to', type: 'address' },
      { name: 'tokenId', type: 'uint256' },
    ],
    outputs: [],
  },
  // OpenZeppelin's revert for an id never minted: what ownerOf, tokenURI and getAgentWallet say for an unknown agent.
  { type: 'error', name: 'ERC721NonexistentToken', inputs: [{ name: 'tokenId', type: 'uint256' }] },
  {
    type: 'event',
    name: 'Registered',
    inputs: [
      { name: 'agentId', type: 'uint256', indexed: true },
      { name: 'agentURI', type: 'string', indexed: false },
      { name: 'owner', type: 'address', indexed: true },
    ],
  },
  {
    type: 'event',
    name: 'URIUpdated',
    inputs: [
      { name: 'agentId', type: 'uint256', indexed: true },
      { name: 'newURI', type: 'string', indexed: false },
      { name: 'updatedBy', type: 'address', indexed: true },
    ],
  },
  {
    type: 'event',
    name: 'MetadataSet',
    inputs: [
      { name: 'agentId', type: 'uint256', indexed: true },
      { name: 'indexedMetadataKey', type: 'string', indexed: true },
      { name: 'metadataKey', type: 'string', indexed: false },
      { name: 'metadataValue', type: 'bytes', indexed: false },
    ],
  },
  {
    type: 'event',
    name: 'Transfer',
    inputs: [
      { name: 'from', type: 'address', indexed: true },
      { name: 'to', type: 'address', indexed: true },
      { name: 'tokenId', type: 'uint256', indexed: true },
    ],
  },
] as const;

/** topic0 values from reference/erc8004.md §3 (keccak256 of the canonical event signatures). */
export const REGISTERED_TOPIC = '0xca52e62c367d81bb2e328eb795f7c7ba24afb478408a26c0e201d155c449bc4a';
export const URI_UPDATED_TOPIC = '0x3a2c7fffc2cba7582c690e3b82c453ea02a308326a98a3ad7576c606336409fb';
export const METADATA_SET_TOPIC = '0x2c149ed548c6d2993cd73efe187df6eccabe4538091b33adbd25fafdb8a1468b';
