import { IDENTITY_REGISTRY_TESTNET } from '../registry/abi.js';
import { REPUTATION_REGISTRY_TESTNET, VALIDATION_REGISTRY_TESTNET } from '../registry/trustAbi.js';

/** Base Sepolia's USDC (Circle FiatTokenV2_2 behind a proxy there; the implementation itself here). */
export const USDC_ADDRESS = '0x036CbD53842c5426634e7929541eC2318f3dCF7e' as const;
/** ERC-8004 IdentityRegistry on Base Sepolia (and every testnet). */
export const IDENTITY_REGISTRY_ADDRESS = IDENTITY_REGISTRY_TESTNET as `0x${string}`;
/** Multicall3's address on every chain, Base Sepolia included. */
export const MULTICALL3_ADDRESS = '0xcA11bde05977b3631167028862bE2a173976CA11' as const;
/** ERC-8004 ReputationRegistry on Base Sepolia (and every testnet). */
export const REPUTATION_REGISTRY_ADDRESS = REPUTATION_REGISTRY_TESTNET as `0x${string}`;
/** ERC-8004 ValidationRegistry at its planned Base Sepolia address (not deployed there yet; here it is). */
export const VALIDATION_REGISTRY_ADDRESS = VALIDATION_REGISTRY_TESTNET as `0x${string}`;
