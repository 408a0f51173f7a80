import { encodePaymentSignatureHeader } from '@x402/core/http';
import { describe, expect, it } from 'vitest';
import { encodePaymentHeader } from './signPayment.js';

describe('encodePaymentHeader', () => {
  it("is @x402/core's encodePaymentSignatureHeader byte for byte, seller-chosen non-ASCII text included", () => {
    const payloads = [
      { x402Version: 2, accepted: { scheme: 'exact', network: 'eip155:84532', extra: { name: 'USDC', version: '2' } }, payload: { signature: `0x${'ab'.repeat(65)}` } },
      // A seller names the token and the resource: accents, CJK, emoji (a surrogate pair), U+2028, NUL.
      { x402Version: 1, accepted: { extra: { name: 'Tøkèn 代币 🪙 \u2028\u0000' } }, resource: { description: '"quoted" \\ back' } },
      {},
    ];
    for (const payload of payloads) expect(encodePaymentHeader(payload)).toBe(encodePaymentSignatureHeader(payload as never));
  });
});
