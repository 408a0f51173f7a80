import { SandboxError } from '../../errors.js';
import { createExpressSeller, finishExpressSeller } from './expressApp.js';
import { SANDBOX_PRICE, sellerInfo, type StartedSeller, type StartSellerParameters } from './common.js';

const PATH = '/v1/chat/completions';

/**
 * x402 v2 seller on the official @x402/express middleware: x402ResourceServer with an HTTP
 * facilitator client and the server ExactEvmScheme, one paid route priced "$0.001" on eip155:84532.
 */
export async function startV2ExpressSeller(parameters: StartSellerParameters): Promise<StartedSeller> {
  const { paymentMiddlewareFromHTTPServer, x402ResourceServer, x402HTTPResourceServer, HTTPFacilitatorClient, ExactEvmScheme } = await import('./v2ExpressParts.js');
  const description = 'OpenAI-compatible chat completions behind the official @x402/express middleware (x402 v2)';
  const resourceServer = new x402ResourceServer(new HTTPFacilitatorClient({ url: parameters.facilitatorUrl })).register('eip155:84532', new ExactEvmScheme());
  const httpServer = new x402HTTPResourceServer(resourceServer, {
    [`POST ${PATH}`]: {
      accepts: { scheme: 'exact', price: `$${SANDBOX_PRICE}`, network: 'eip155:84532', payTo: parameters.payTo },
      description,
      mimeType: 'application/json',
    },
  });
  // Initialised here, awaited: left to the middleware, a facilitator mismatch ends in process.exit(1).
  try {
    await httpServer.initialize();
  } catch (error) {
    throw new SandboxError('v2 seller cannot use the sandbox facilitator', { cause: error, details: String((error as Error)?.message ?? error) });
  }
  const seller = await createExpressSeller();
  seller.app.use(paymentMiddlewareFromHTTPServer(httpServer, undefined, undefined, false));
  const server = await finishExpressSeller(seller, { method: 'POST', path: PATH, upstreamUrl: parameters.upstreamUrl, upstreamPath: PATH });
  return {
    seller: sellerInfo('v2-express', 2, server.origin, PATH, 'eip155:84532', parameters.payTo),
    description,
    setRegistration: seller.registration.set,
    close: server.close,
  };
}
