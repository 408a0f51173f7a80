import type { RequestHandler } from 'express';
import { SandboxError } from '../../errors.js';
import { createExpressSeller, finishExpressSeller } from './expressApp.js';
import { SANDBOX_PRICE, sellerInfo, type StartedSeller, type StartSellerParameters } from './common.js';

const PATH = '/api/chat';

/** The legacy middleware's factory: (payTo, routes, facilitator) => express middleware. */
type LegacyPaymentMiddleware = (payTo: `0x${string}`, routes: Record<string, unknown>, facilitator: { url: string }) => RequestHandler;

/**
 * Load the legacy `x402-express` (a devDependency: it pulls some 600 MB of wallet SDKs). The name
 * is kept out of TypeScript's sight so that the build never needs its types.
 */
export async function loadLegacyExpress(): Promise<LegacyPaymentMiddleware> {
  const name = 'x402-express';
  const module = (await import(name)) as { paymentMiddleware?: LegacyPaymentMiddleware };
  if (typeof module.paymentMiddleware !== 'function') throw new SandboxError('x402-express has no paymentMiddleware export');
  return module.paymentMiddleware;
}

/** x402 v1 seller on the official legacy `x402-express` 1.2.0 middleware, network "base-sepolia". */
export async function startV1ExpressSeller(parameters: StartSellerParameters, legacy: Promise<LegacyPaymentMiddleware> = loadLegacyExpress()): Promise<StartedSeller> {
  const paymentMiddleware = await legacy;
  const description = 'Ollama chat behind the official legacy x402-express middleware (x402 v1)';
  const seller = await createExpressSeller();
  seller.app.use(
    paymentMiddleware(
      parameters.payTo,
      { [`POST ${PATH}`]: { price: `$${SANDBOX_PRICE}`, network: 'base-sepolia', config: { description, mimeType: 'application/json' } } },
      { url: parameters.facilitatorUrl },
    ),
  );
  const server = await finishExpressSeller(seller, { method: 'POST', path: PATH, upstreamUrl: parameters.upstreamUrl, upstreamPath: PATH });
  return {
    seller: sellerInfo('v1-express', 1, server.origin, PATH, 'base-sepolia', parameters.payTo),
    description,
    setRegistration: seller.registration.set,
    close: server.close,
  };
}
