/** The official facilitator's pieces, by name for `import()`: a dynamic import of a package barrel would bloat the CLI's static chunks (see util/lazyViem.ts). */
export { x402Facilitator } from '@x402/core/facilitator';
export { registerExactEvmScheme } from '@x402/evm/exact/facilitator';
export { UptoEvmScheme } from '@x402/evm/upto/facilitator';
export { toFacilitatorEvmSigner } from '@x402/evm';
