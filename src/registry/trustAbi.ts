/**
 * The ERC-8004 Reputation and Validation registry ABIs (contracts v2.0.0, the Jan 24 2026
 * revision of the EIP), written from the signatures in reference/erc8004.md §4 and §5.
 * trustAbi.test.ts pins every selector and topic0 to the reference.
 */

/** Canonical CREATE2 addresses (reference/erc8004.md §1). */
export const REPUTATION_REGISTRY_TESTNET = '0x8004B663056A597Dffe9eCcC1965A193B7388713';
export const REPUTATION_REGISTRY_MAINNET = '0x8004BAa17C55a88189AE136b182e5fdA19dE9b63';
/** Planned, not canonical yet: a chain without code here is normal. */
export const VALIDATION_REGISTRY_TESTNET = '0x8004Cb1BF31DAf7788923b405b754f57acEB4272';
export const VALIDATION_REGISTRY_MAINNET = '0x8004Cc8439f36fd5F9F049D9fF86523Df6dAAB58';

const agentId = { name: 'agentId', type: 'uint256' } as const;

export const reputationRegistryAbi = [
  { type: 'function', name: 'getIdentityRegistry', stateMutability: 'view', inputs: [], outputs: [{ name: '', type: 'address' }] },
  {
    type: 'function',
    name: 'giveFeedback',
    stateMutability: 'nonpayable',
    inputs: [
      agentId,
      { name: 'value', type: 'int128' },
      { name: 'valueDecimals', type: 'uint8' },
      { name: 'tag1', type: 'string' },
      { name: 'tag2', type: 'string' },
      { name: 'endpoint', type: 'string' },
      { name: 'feedbackURI', type: 'string' },
      { name: 'feedbackHash', type: 'bytes32' },
    ],
    outputs: [],
  },
  {
    type: 'function',
    name: 'revokeFeedback',
    stateMutability: 'nonpayable',
    inputs: [agentId, { name: 'feedbackIndex', type: 'uint64' }],
    outputs: [],
  },
  {
    type: 'function',
    name: 'appendResponse',
    stateMutability: 'nonpayable',
    inputs: [agentId, { name: 'clientAddress', type: 'address' }, { name: 'feedbackIndex', type: 'uint64' }, { name: 'responseURI', type: 'string' }, { name: 'responseHash', type: 'bytes32' }],
    outputs: [],
  },
  {
    type: 'function',
    name: 'getSummary',
    stateMutability: 'view',
    inputs: [agentId, { name: 'clientAddresses', type: 'address[]' }, { name: 'tag1', type: 'string' }, { name: 'tag2', type: 'string' }],
    outputs: [
      { name: 'count', type: 'uint64' },
      { name: 'summaryValue', type: 'int128' },
      { name: 'summaryValueDecimals', type: 'uint8' },
    ],
  },
  {
    type: 'function',
    name: 'readFeedback',
    stateMutability: 'view',
    inputs: [agentId, { name: 'clientAddress', type: 'address' }, { name: 'feedbackIndex', type: 'uint64' }],
    outputs: [
      { name: 'value', type: 'int128' },
      { name: 'valueDecimals', type: 'uint8' },
      { name: 'tag1', type: 'string' },
      { name: 'tag2', type: 'string' },
      { name: 'isRevoked', type: 'bool' },
    ],
  },
  {
    type: 'function',
    name: 'readAllFeedback',
    stateMutability: 'view',
    inputs: [agentId, { name: 'clientAddresses', type: 'address[]' }, { name: 'tag1', type: 'string' }, { name: 'tag2', type: 'string' }, { name: 'includeRevoked', type: 'bool' }],
    outputs: [
      { name: 'clients', type: 'address[]' },
      { name: 'feedbackIndexes', type: 'uint64[]' },
      { name: 'values', type: 'int128[]' },
      { name: 'valueDecimals', type: 'uint8[]' },
      { name: 'tag1s', type: 'string[]' },
      { name: 'tag2s', type: 'string[]' },
      { name: 'revokedStatuses', type: 'bool[]' },
    ],
  },
  {
    type: 'function',
    name: 'getResponseCount',
    stateMutability: 'view',
    inputs: [agentId, { name: 'clientAddress', type: 'address' }, { name: 'feedbackIndex', type: 'uint64' }, { name: 'responders', type: 'address[]' }],
    outputs: [{ name: '', type: 'uint64' }],
  },
  { type: 'function', name: 'getClients', stateMutability: 'view', inputs: [agentId], outputs: [{ name: '', type: 'address[]' }] },
  {
    type: 'function',
    name: 'getLastIndex',
    stateMutability: 'view',
    inputs: [agentId, { name: 'clientAddress', type: 'address' }],
    outputs: [{ name: '', type: 'uint64' }],
  },
  {
    type: 'event',
    name: 'NewFeedback',
    inputs: [
      { name: 'agentId', type: 'uint256', indexed: true },
      { name: 'clientAddress', type: 'address', indexed: true },
      { name: 'feedbackIndex', type: 'uint64', indexed: false },
      { name: 'value', type: 'int128', indexed: false },
      { name: 'valueDecimals', type: 'uint8', indexed: false },
      { name: 'indexedTag1', type: 'string', indexed: true },
      { name: 'tag1', type: 'string', indexed: false },
      { name: 'tag2', type: 'string', indexed: false },
      { name: 'endpoint', type: 'string', indexed: false },
      { name: 'feedbackURI', type: 'string', indexed: false },
      { name: 'feedbackHash', type: 'bytes32', indexed: false },
    ],
  },
  {
    type: 'event',
    name: 'FeedbackRevoked',
    inputs: [
      { name: 'agentId', type: 'uint256', indexed: true },
      { name: 'clientAddress', type: 'address', indexed: true },
      { name: 'feedbackIndex', type: 'uint64', indexed: true },
    ],
  },
  {
    type: 'event',
    name: 'ResponseAppended',
    inputs: [
      { name: 'agentId', type: 'uint256', indexed: true },
      { name: 'clientAddress', type: 'address', indexed: true },
      { name: 'feedbackIndex', type: 'uint64', indexed: false },
      { name: 'responder', type: 'address', indexed: true },
      { name: 'responseURI', type: 'string', indexed: false },
      { name: 'responseHash', type: 'bytes32', indexed: false },
    ],
  },
] as const;

export const validationRegistryAbi = [
  { type: 'function', name: 'getIdentityRegistry', stateMutability: 'view', inputs: [], outputs: [{ name: '', type: 'address' }] },
  {
    type: 'function',
    name: 'validationRequest',
    stateMutability: 'nonpayable',
    inputs: [{ name: 'validatorAddress', type: 'address' }, agentId, { name: 'requestURI', type: 'string' }, { name: 'requestHash', type: 'bytes32' }],
    outputs: [],
  },
  {
    type: 'function',
    name: 'validationResponse',
    stateMutability: 'nonpayable',
    inputs: [
      { name: 'requestHash', type: 'bytes32' },
      { name: 'response', type: 'uint8' },
      { name: 'responseURI', type: 'string' },
      { name: 'responseHash', type: 'bytes32' },
      { name: 'tag', type: 'string' },
    ],
    outputs: [],
  },
  {
    type: 'function',
    name: 'getValidationStatus',
    stateMutability: 'view',
    inputs: [{ name: 'requestHash', type: 'bytes32' }],
    outputs: [
      { name: 'validatorAddress', type: 'address' },
      { name: 'agentId', type: 'uint256' },
      { name: 'response', type: 'uint8' },
      { name: 'responseHash', type: 'bytes32' },
      { name: 'tag', type: 'string' },
      { name: 'lastUpdate', type: 'uint256' },
    ],
  },
  {
    type: 'function',
    name: 'getSummary',
    stateMutability: 'view',
    inputs: [agentId, { name: 'validatorAddresses', type: 'address[]' }, { name: 'tag', type: 'string' }],
    outputs: [
      { name: 'count', type: 'uint64' },
      { name: 'averageResponse', type: 'uint8' },
    ],
  },
  { type: 'function', name: 'getAgentValidations', stateMutability: 'view', inputs: [agentId], outputs: [{ name: '', type: 'bytes32[]' }] },
  { type: 'function', name: 'getValidatorRequests', stateMutability: 'view', inputs: [{ name: 'validatorAddress', type: 'address' }], outputs: [{ name: '', type: 'bytes32[]' }] },
  {
    type: 'event',
    name: 'ValidationRequest',
    inputs: [
      { name: 'validatorAddress', type: 'address', indexed: true },
      { name: 'agentId', type: 'uint256', indexed: true },
      { name: 'requestURI', type: 'string', indexed: false },
      { name: 'requestHash', type: 'bytes32', indexed: true },
    ],
  },
  {
    type: 'event',
    name: 'ValidationResponse',
    inputs: [
      { name: 'validatorAddress', type: 'address', indexed: true },
      { name: 'agentId', type: 'uint256', indexed: true },
      { name: 'requestHash', type: 'bytes32', indexed: true },
      { name: 'response', type: 'uint8', indexed: false },
      { name: 'responseURI', type: 'string', indexed: false },
      { name: 'responseHash', type: 'bytes32', indexed: false },
      { name: 'tag', type: 'string', indexed: false },
    ],
  },
] as const;

/** topic0 values from reference/erc8004.md §4 and §5. */
export const NEW_FEEDBACK_TOPIC = '0x6a4a61743519c9d648a14e6493f47dbe3ff1aa29e7785c96c8326a205e58febc';
export const FEEDBACK_REVOKED_TOPIC = '0x25156fd3288212246d8b008d5921fde376c71ed14ac2e072a506eb06fde6d09d';
export const RESPONSE_APPENDED_TOPIC = '0xb1c6be0b5b8aef6539e2fac0fd131a2faa7b49edf8e505b5eb0ad487d56051d4';
export const VALIDATION_REQUEST_TOPIC = '0x530436c3634a98e1e626b0898be2f1e9980cc1bd2a78c07a0aba52d0a48a5059';
export const VALIDATION_RESPONSE_TOPIC = '0xafddf629e874ccc3963b6a888c477bd464a6c8525024fc88759ea3b2326349ae';

/** The canonical Reputation and (planned) Validation registries of a chain: testnet proxies on test networks. */
export function canonicalTrustRegistries(testnet: boolean): { reputation: `0x${string}`; validation: `0x${string}` } {
  return testnet
    ? { reputation: REPUTATION_REGISTRY_TESTNET, validation: VALIDATION_REGISTRY_TESTNET }
    : { reputation: REPUTATION_REGISTRY_MAINNET, validation: VALIDATION_REGISTRY_MAINNET };
}
