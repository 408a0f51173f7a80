/** The official @x402/express seller's pieces, by name for `import()`: a dynamic import of a package barrel would bloat the CLI's static chunks (see util/lazyViem.ts). */
export { paymentMiddlewareFromHTTPServer, setSettlementOverrides, x402HTTPResourceServer, x402ResourceServer } from '@x402/express';
export { HTTPFacilitatorClient } from '@x402/core/server';
export { ExactEvmScheme } from '@x402/evm/exact/server';
export { UptoEvmScheme } from '@x402/evm/upto/server';
