import { SandboxError } from '../../errors.js';
import { USDC_ADDRESS, X402_EXACT_PERMIT2_PROXY_ADDRESS, X402_UPTO_PERMIT2_PROXY_ADDRESS } from '../addresses.js';
import type { SandboxPermit2Seller } from '../types.js';
import { SANDBOX_AMOUNT, SANDBOX_PRICE, type StartSellerParameters } from './common.js';
import { createExpressSeller, finishExpressSeller } from './expressApp.js';

const PATH = '/v1/chat/completions';
/** The upto seller asks the buyer to sign for up to twice the sandbox price and settles half of it. */
const UPTO_MAX_AMOUNT = (BigInt(SANDBOX_AMOUNT) * 2n).toString();
const UPTO_MAX_PRICE = '0.002';
const UPTO_SETTLED_PERCENT = 50;

export interface StartedPermit2Seller {
  seller: SandboxPermit2Seller;
  close(): Promise<void>;
}

type Variant = Pick<SandboxPermit2Seller, 'name' | 'scheme' | 'price' | 'amount' | 'settles' | 'spender'>;

const EXACT_PERMIT2: Variant = { name: 'exact-permit2', scheme: 'exact', price: SANDBOX_PRICE, amount: SANDBOX_AMOUNT, settles: SANDBOX_AMOUNT, spender: X402_EXACT_PERMIT2_PROXY_ADDRESS };
const UPTO: Variant = {
  name: 'upto',
  scheme: 'upto',
  price: UPTO_MAX_PRICE,
  amount: UPTO_MAX_AMOUNT,
  settles: ((BigInt(UPTO_MAX_AMOUNT) * BigInt(UPTO_SETTLED_PERCENT)) / 100n).toString(),
  spender: X402_UPTO_PERMIT2_PROXY_ADDRESS,
};

async function startPermit2Seller(variant: Variant, parameters: StartSellerParameters): Promise<StartedPermit2Seller> {
  const [{ paymentMiddlewareFromHTTPServer, x402ResourceServer, x402HTTPResourceServer, setSettlementOverrides }, { HTTPFacilitatorClient }, exact, upto] = await Promise.all([
    import('@x402/express'),
    import('@x402/core/server'),
    import('@x402/evm/exact/server'),
    import('@x402/evm/upto/server'),
  ]);
  const description =
    variant.scheme === 'upto'
      ? `OpenAI-compatible chat completions, x402 upto via Permit2: the buyer signs up to ${variant.amount} atomic USDC, the seller settles ${UPTO_SETTLED_PERCENT}% (${variant.settles})`
      : 'OpenAI-compatible chat completions, x402 exact via Permit2 (assetTransferMethod "permit2") on the official @x402/express middleware';
  const scheme = variant.scheme === 'upto' ? new upto.UptoEvmScheme() : new exact.ExactEvmScheme();
  const resourceServer = new x402ResourceServer(new HTTPFacilitatorClient({ url: parameters.facilitatorUrl })).register('eip155:84532', scheme);
  // An explicit asset amount: the exact scheme's default for USDC is EIP-3009, the transfer method
  // this seller exists to avoid. upto adds assetTransferMethod and the facilitator's address itself.
  const price = { amount: variant.amount, asset: USDC_ADDRESS, extra: { name: 'USDC', version: '2', assetTransferMethod: 'permit2' } };
  const httpServer = new x402HTTPResourceServer(resourceServer, {
    [`POST ${PATH}`]: { accepts: { scheme: variant.scheme, price, network: 'eip155:84532', payTo: parameters.payTo }, description, mimeType: 'application/json' },
  });
  try {
    await httpServer.initialize();
  } catch (error) {
    throw new SandboxError(`${variant.name} seller cannot use the sandbox facilitator`, { cause: error, details: String((error as Error)?.message ?? error) });
  }
  const seller = await createExpressSeller();
  seller.app.use(paymentMiddlewareFromHTTPServer(httpServer, undefined, undefined, false));
  const server = await finishExpressSeller(seller, {
    method: 'POST',
    path: PATH,
    upstreamUrl: parameters.upstreamUrl,
    upstreamPath: PATH,
    // The facilitator receives this as the settle-time requirement amount and returns it in the receipt.
    beforeServing: variant.scheme === 'upto' ? (res) => setSettlementOverrides(res, { amount: variant.settles }) : undefined,
  });
  return {
    seller: { ...variant, assetTransferMethod: 'permit2', x402Version: 2, url: `${server.origin}${PATH}`, origin: server.origin, method: 'POST', payTo: parameters.payTo, network: 'eip155:84532' },
    close: server.close,
  };
}

/** x402 v2 exact, paid through Permit2 and the x402 exact proxy, on the official @x402/express. */
export const startExactPermit2Seller = (parameters: StartSellerParameters) => startPermit2Seller(EXACT_PERMIT2, parameters);
/** x402 v2 upto on the official @x402/express: settles a fixed half of the signed maximum. */
export const startUptoSeller = (parameters: StartSellerParameters) => startPermit2Seller(UPTO, parameters);
