/**
 * The official x402 buyer client's pieces, loaded by `import()` of this module when a payment is
 * signed. Named re-exports rather than `import()` of the package barrels: see util/lazyViem.ts.
 */
export { x402Client } from '@x402/core/client';
export { encodePaymentSignatureHeader } from '@x402/core/http';
export { registerExactEvmScheme } from '@x402/evm/exact/client';
export { UptoEvmScheme } from '@x402/evm/upto/client';
export { toClientEvmSigner } from '@x402/evm';
