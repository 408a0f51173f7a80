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
/** Uniswap's Permit2, at the address it has on every chain (@x402/evm `PERMIT2_ADDRESS`). */
export const PERMIT2_ADDRESS = '0x000000000022D473030F116dDEE9F6B43aC78BA3' as const;
/** The x402 exact-scheme Permit2 proxy (@x402/evm `x402ExactPermit2ProxyAddress`). */
export const X402_EXACT_PERMIT2_PROXY_ADDRESS = '0x402085c248EeA27D92E8b30b2C58ed07f9E20001' as const;
/** The x402 upto-scheme Permit2 proxy (@x402/evm `x402UptoPermit2ProxyAddress`). */
export const X402_UPTO_PERMIT2_PROXY_ADDRESS = '0x4020A4f3b7b90ccA423B9fabCc0CE57C6C240002' as const;
