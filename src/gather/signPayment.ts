import type { ChallengeArtifact, RequirementView } from './artifacts.js';

export interface SignedPayment {
  headerName: 'PAYMENT-SIGNATURE' | 'X-PAYMENT';
  headerValue: string;
  /** The decoded payload that was encoded into the header. */
  payload: Record<string, unknown>;
  /** The authorization value signed (atomic). */
  value: string | null;
}

/**
 * Sign a payment for one requirement with the official x402 client (`@x402/core` +
 * `@x402/evm`, v2 and its v1 support), exactly as a buyer would. Spend controls are off here:
 * callers apply the probe's own cap before asking for a signature.
 */
/** Anything that can sign EIP-712 typed data for an address: a viem account or a remote signer. */
export interface TypedDataSigner {
  address: `0x${string}`;
  signTypedData(request: { domain: Record<string, unknown>; types: Record<string, unknown>; primaryType: string; message: Record<string, unknown> }): Promise<`0x${string}`>;
}

export async function signPayment(challenge: ChallengeArtifact, requirement: RequirementView, account: TypedDataSigner): Promise<SignedPayment> {
  const [{ x402Client }, { registerExactEvmScheme }, { toClientEvmSigner }, { encodePaymentSignatureHeader }] = await Promise.all([
    import('@x402/core/client'),
    import('@x402/evm/exact/client'),
    import('@x402/evm'),
    import('@x402/core/http'),
  ]);
  const client = new x402Client();
  client.setSpendControls(false);
  // biome-ignore lint: viem's account type is wider than the signer the client needs.
  registerExactEvmScheme(client, { signer: toClientEvmSigner(account as any) });
  const only = { ...(challenge.paymentRequired as Record<string, unknown>), accepts: [requirement.raw] };
  // biome-ignore lint: the client takes its own PaymentRequired type; the shape was decoded by protocol/.
  const payload = (await client.createPaymentPayload(only as any)) as unknown as Record<string, unknown>;
  const inner = payload.payload as { authorization?: { value?: string } } | undefined;
  return {
    headerName: requirement.x402Version === 2 ? 'PAYMENT-SIGNATURE' : 'X-PAYMENT',
    // biome-ignore lint: same boundary as above.
    headerValue: encodePaymentSignatureHeader(payload as any),
    payload,
    value: inner?.authorization?.value ?? null,
  };
}
