import type { ChallengeArtifact, RequirementView } from '../artifacts/index.js';

export interface SignedPayment {
  headerName: 'PAYMENT-SIGNATURE' | 'X-PAYMENT';
  headerValue: string;
  /** The decoded payload that was encoded into the header. */
  payload: Record<string, unknown>;
  /** The authorization value signed (atomic): EIP-3009's value, or Permit2's permitted amount (upto: the maximum). */
  value: string | null;
}

/** Anything that can sign EIP-712 typed data for an address: a viem account or a remote signer. */
export interface TypedDataSigner {
  address: `0x${string}`;
  signTypedData(request: { domain: Record<string, unknown>; types: Record<string, unknown>; primaryType: string; message: Record<string, unknown> }): Promise<`0x${string}`>;
  /** A signer that runs the official client itself (scan's signing thread) builds whole payloads. */
  createPaymentPayload?(paymentRequired: Record<string, unknown>): Promise<Record<string, unknown>>;
}

type Client = { createPaymentPayload(paymentRequired: unknown): Promise<unknown> };

let paymentClientModule: Promise<unknown> | null = null;

/** Starts loading the official client's modules (gatherers' `warm`); signing awaits the same import. */
export function warmPaymentClient(): void {
  paymentClientModule ??= import('./paymentClient.js').catch(() => undefined);
}

/** One configured x402 client per signer: a scan signs thousands of forged payments with one key. */
const clients = new WeakMap<TypedDataSigner, Promise<Client>>();

function clientFor(account: TypedDataSigner): Promise<Client> {
  let client = clients.get(account);
  if (!client) {
    client = (async () => {
      const { x402Client, registerExactEvmScheme, UptoEvmScheme, toClientEvmSigner } = await import('./paymentClient.js');
      const c = new x402Client();
      c.setSpendControls(false);
      // biome-ignore lint: viem's account type is wider than the signer the client needs.
      const signer = toClientEvmSigner(account as any);
      registerExactEvmScheme(c, { signer });
      // upto is v2 only; without RPC options the client signs the permit alone (no gas-sponsoring extension).
      c.register('eip155:*', new UptoEvmScheme(signer));
      return c as unknown as Client;
    })();
    clients.set(account, client);
  }
  return client;
}

/**
 * `@x402/core`'s encodePaymentSignatureHeader, byte for byte (base64 of the payload's JSON as
 * UTF-8), without its btoa path that builds a string one byte at a time: a tenth of a scan's
 * CPU per target. signPayment.test.ts holds the two equal.
 */
export function encodePaymentHeader(payload: unknown): string {
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64');
}

/** The official client's payment payload for `paymentRequired`, signed by `account` (or built by it, when it can). */
export async function createPaymentPayload(account: TypedDataSigner, paymentRequired: Record<string, unknown>): Promise<Record<string, unknown>> {
  if (account.createPaymentPayload) return account.createPaymentPayload(paymentRequired);
  return (await (await clientFor(account)).createPaymentPayload(paymentRequired)) as Record<string, unknown>;
}

/**
 * Sign a payment for one requirement with the official x402 client (`@x402/core` +
 * `@x402/evm`, v2 and its v1 support), exactly as a buyer would. Spend controls are off here:
 * callers apply the probe's own cap before asking for a signature.
 */
export async function signPayment(challenge: ChallengeArtifact, requirement: RequirementView, account: TypedDataSigner): Promise<SignedPayment> {
  const only = { ...(challenge.paymentRequired as Record<string, unknown>), accepts: [requirement.raw] };
  const payload = await createPaymentPayload(account, only);
  const inner = payload.payload as { authorization?: { value?: string }; permit2Authorization?: { permitted?: { amount?: string } } } | undefined;
  return {
    headerName: requirement.x402Version === 2 ? 'PAYMENT-SIGNATURE' : 'X-PAYMENT',
    headerValue: encodePaymentHeader(payload),
    payload,
    value: inner?.authorization?.value ?? inner?.permit2Authorization?.permitted?.amount ?? null,
  };
}
