import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SandboxChain } from './chain.js';
import { BodyTooLargeError, listenLoopback, readBody, sendJson, type LoopbackServer } from './httpServer.js';
import type { SandboxAccount } from './types.js';
import { errorLine } from '../util/errorLine.js';

/** Verify and settle requests carry one payload and one requirement: a few KiB at most. */
const MAX_BODY_BYTES = 64 * 1024;

export interface StartFacilitatorParameters {
  sandbox: SandboxChain;
  /** Pays the gas of every settlement. */
  account: SandboxAccount;
  /** CAIP-2 networks offered (default eip155:84532); @x402/evm adds the v1 names itself. */
  networks?: string[];
}

export interface FacilitatorServer extends LoopbackServer {
  url: string;
}

interface FacilitatorLike {
  verify(payload: unknown, requirements: unknown): Promise<unknown>;
  settle(payload: unknown, requirements: unknown): Promise<unknown>;
  getSupported(): unknown;
}

/** A failed verify or settle that the library threw instead of returning, as the wire shape. */
function failureBody(kind: 'verify' | 'settle', error: unknown): Record<string, unknown> | null {
  const e = error as { invalidReason?: string; invalidMessage?: string; errorReason?: string; errorMessage?: string; payer?: string; transaction?: string; network?: string };
  if (kind === 'verify' && typeof e?.invalidReason === 'string') return { isValid: false, invalidReason: e.invalidReason, invalidMessage: e.invalidMessage, payer: e.payer };
  if (kind === 'settle' && typeof e?.errorReason === 'string')
    return { success: false, errorReason: e.errorReason, errorMessage: e.errorMessage, payer: e.payer, transaction: e.transaction ?? '', network: e.network ?? '' };
  return null;
}

async function handle(facilitator: FacilitatorLike, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  if (req.method === 'GET' && path === '/supported') return sendJson(res, 200, facilitator.getSupported());
  if (req.method === 'GET' && path === '/') return sendJson(res, 200, { name: 'x402-probe sandbox facilitator', endpoints: ['GET /supported', 'POST /verify', 'POST /settle'] });
  const kind = path === '/verify' ? 'verify' : path === '/settle' ? 'settle' : null;
  if (!kind) return sendJson(res, 404, { error: 'not found' });
  if (req.method !== 'POST') return sendJson(res, 405, { error: 'method not allowed' }, { allow: 'POST' });
  let body: { paymentPayload?: unknown; paymentRequirements?: unknown };
  try {
    body = JSON.parse((await readBody(req, MAX_BODY_BYTES)).toString('utf8'));
  } catch (error) {
    if (error instanceof BodyTooLargeError) return sendJson(res, 413, { error: error.message });
    return sendJson(res, 400, { error: 'body is not JSON' });
  }
  const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(body) || !isObject(body.paymentPayload) || !isObject(body.paymentRequirements)) {
    return sendJson(res, 400, { error: 'expected {x402Version, paymentPayload, paymentRequirements}' });
  }
  try {
    const result = kind === 'verify' ? await facilitator.verify(body.paymentPayload, body.paymentRequirements) : await facilitator.settle(body.paymentPayload, body.paymentRequirements);
    return sendJson(res, 200, result);
  } catch (error) {
    const failure = failureBody(kind, error);
    if (failure) return sendJson(res, 200, failure);
    return sendJson(res, 500, { error: `${kind} failed: ${errorLine(error)}` });
  }
}

/**
 * The official @x402/core facilitator with @x402/evm's exact scheme (v2 by EIP-3009 or Permit2, and
 * v1 through the same registration) and upto scheme behind POST /verify, POST /settle and
 * GET /supported, settling on the local chain.
 */
export async function startFacilitator(parameters: StartFacilitatorParameters): Promise<FacilitatorServer> {
  const [{ x402Facilitator }, { registerExactEvmScheme }, { UptoEvmScheme }, { toFacilitatorEvmSigner }] = await Promise.all([
    import('@x402/core/facilitator'),
    import('@x402/evm/exact/facilitator'),
    import('@x402/evm/upto/facilitator'),
    import('@x402/evm'),
  ]);
  const { publicClient } = parameters.sandbox;
  const wallet = parameters.sandbox.walletFor(parameters.account);
  const signer = toFacilitatorEvmSigner(
    {
      address: wallet.account.address,
      // Simulations run as the facilitator, as they do on a wallet client: the upto proxy lets only
      // the facilitator its witness names settle, so a simulation from no account always reverts.
      readContract: (args) => publicClient.readContract({ ...(args as Parameters<typeof publicClient.readContract>[0]), account: wallet.account }),
      verifyTypedData: (args) => publicClient.verifyTypedData(args as Parameters<typeof publicClient.verifyTypedData>[0]),
      writeContract: (args) => wallet.writeContract(args as Parameters<typeof wallet.writeContract>[0]),
      sendTransaction: (args) => wallet.sendTransaction(args),
      waitForTransactionReceipt: (args) => publicClient.waitForTransactionReceipt(args),
      getCode: (args) => publicClient.getCode(args),
    },
    { confirmationTimeoutMs: 30_000 },
  );
  const facilitator = new x402Facilitator();
  const networks = (parameters.networks ?? ['eip155:84532']) as `${string}:${string}`[];
  // exact settles EIP-3009 and Permit2 payloads alike (it routes on the payload's shape); upto's
  // /supported kind carries extra.facilitatorAddress, the address its buyers bind in the witness.
  registerExactEvmScheme(facilitator, { signer, networks });
  facilitator.register(networks, new UptoEvmScheme(signer));
  const server = await listenLoopback((req, res) => {
    handle(facilitator as unknown as FacilitatorLike, req, res).catch((error) => {
      try {
        sendJson(res, 500, { error: errorLine(error) });
      } catch {
        res.destroy();
      }
    });
  });
  return { ...server, url: server.origin };
}
