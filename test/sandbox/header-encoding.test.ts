import { encodePaymentRequiredHeader, encodePaymentResponseHeader, encodePaymentSignatureHeader } from '@x402/core/http';
import { describe, expect, it } from 'vitest';

/** What the sandbox obol gate and the probe's payment variants sent before they used @x402/core's encoders. */
const handRolled = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64');

describe('@x402/core header encoders', () => {
  it('emit the same bytes as standard base64 of the UTF-8 JSON, non-ASCII and undefined fields included', () => {
    const challenge = { x402Version: 2, error: 'Payment required — ünïcode 🚀', resource: { url: 'http://127.0.0.1/x?a=<b>&c', description: '"quoted"\n' }, accepts: [] };
    const receipt = { success: true, transaction: '0xabc', network: 'eip155:84532', payer: undefined };
    const payload = { x402Version: 1, scheme: 'exact', network: 'base-sepolia', payload: { signature: '0x00', authorization: { value: '1000' } } };
    expect(encodePaymentRequiredHeader(challenge as never)).toBe(handRolled(challenge));
    expect(encodePaymentResponseHeader(receipt as never)).toBe(handRolled(receipt));
    expect(encodePaymentSignatureHeader(payload as never)).toBe(handRolled(payload));
  });
});
