import { verifyTypedData } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePaymentHeader } from '../../fixtures/sellers/challenge.js';
import { editFirst, makeSeller, paymentHeaderOf } from '../../fixtures/sellers/good.js';
import { type FixtureServer, startFixtureServer } from '../../fixtures/sellers/server.js';
import { gatherWith } from '../../test/helpers/gather.js';
import { transferWithAuthorizationTypedData, type WireAuthorization } from '../protocol/eip3009.js';
import { ANVIL_DEV_ACCOUNTS } from '../sandbox/accounts.js';
import { forgedGatherer, MALFORMED_PAYMENT, malformedGatherer } from './attacks.js';
import { challengeGatherer } from './challenge.js';
import { unpaidGatherer } from './unpaid.js';
import { createWorkerSigner } from './workerSigner.js';

/** A good v2 seller that records every payment header it receives. */
async function recordingSeller(variant: Parameters<typeof makeSeller>[0], tweaks: Parameters<typeof makeSeller>[1] = {}): Promise<FixtureServer & { payments: string[] }> {
  const payments: string[] = [];
  const handler = makeSeller(variant, tweaks);
  const server = await startFixtureServer((req, res, ctx) => {
    const payment = paymentHeaderOf(req);
    if (payment !== undefined) payments.push(payment);
    return handler(req, res, ctx);
  });
  return { ...server, payments };
}

const before = [unpaidGatherer, challengeGatherer];
let v2: Awaited<ReturnType<typeof recordingSeller>>;
let unsignable: Awaited<ReturnType<typeof recordingSeller>>;

beforeAll(async () => {
  v2 = await recordingSeller('v2');
  // Only a scheme no buyer of this probe can sign: nothing may be forged for it.
  unsignable = await recordingSeller('v2', { challenge: editFirst((r) => void (r.scheme = 'upto')) });
});

afterAll(async () => {
  await Promise.all([v2?.close(), unsignable?.close()]);
});

describe('forgedGatherer', () => {
  it('sends a well-formed payment for the requirement, signed by a key that holds nothing', async () => {
    const { artifact } = await gatherWith(forgedGatherer, { url: v2.url, before });
    expect(artifact?.exchange?.status).toBe(402);
    expect(v2.payments).toEqual([artifact?.headerValue]);
    const payload = decodePaymentHeader(v2.payments[0]) as { accepted: Record<string, unknown>; payload: { authorization: WireAuthorization; signature: `0x${string}` } };
    const { authorization, signature } = payload.payload;
    expect(authorization.from).toBe(artifact?.payer);
    expect(ANVIL_DEV_ACCOUNTS.map((a) => a.address.toLowerCase())).not.toContain(authorization.from.toLowerCase());
    expect(authorization.value).toBe('10000');
    const typed = transferWithAuthorizationTypedData({ name: 'USDC', version: '2', chainId: 84532, verifyingContract: payload.accepted.asset as `0x${string}` }, authorization);
    expect(await verifyTypedData({ address: authorization.from as `0x${string}`, signature, ...typed })).toBe(true);
  });

  it("builds the forged payload on scan's signing thread, v1 and v2, as the main thread would", async () => {
    const signer = await createWorkerSigner();
    try {
      // The built signingThread module is there (npm test builds first): the whole payload is made on the thread.
      expect(signer.createPaymentPayload).toBeTypeOf('function');
      for (const variant of ['v1', 'v2'] as const) {
        const seller = await recordingSeller(variant);
        try {
          const { artifact } = await gatherWith(forgedGatherer, { url: seller.url, before, forgeSigner: signer });
          expect(artifact?.payer).toBe(signer.address);
          expect(seller.payments).toEqual([artifact?.headerValue]);
          const payload = decodePaymentHeader(seller.payments[0]) as { x402Version: number; payload: { authorization: WireAuthorization; signature: `0x${string}` } };
          expect(payload.x402Version).toBe(variant === 'v1' ? 1 : 2);
          const { authorization, signature } = payload.payload;
          expect(authorization.from).toBe(signer.address);
          expect(artifact?.value).toBe(authorization.value);
          const typed = transferWithAuthorizationTypedData({ name: 'USDC', version: '2', chainId: 84532, verifyingContract: '0x036CbD53842c5426634e7929541eC2318f3dCF7e' }, authorization);
          expect(await verifyTypedData({ address: signer.address, signature, ...typed })).toBe(true);
        } finally {
          await seller.close();
        }
      }
      // What the client refuses on the thread comes back as the gatherer's reason, nothing sent.
      const hostile = await recordingSeller('v2', { challenge: editFirst((r) => void (r.amount = '1'.repeat(90))) });
      try {
        const { artifact } = await gatherWith(forgedGatherer, { url: hostile.url, before, forgeSigner: signer });
        expect(artifact?.exchange ?? null).toBeNull();
        expect(artifact?.notSent).toMatch(/^the x402 client could not sign for requirement #0: .*256-bit/);
        expect(hostile.payments).toEqual([]);
      } finally {
        await hostile.close();
      }
    } finally {
      await signer.close();
    }
  });

  it('sends nothing when no requirement can be signed, and says why per requirement', async () => {
    const { artifact } = await gatherWith(forgedGatherer, { url: unsignable.url, before });
    expect(artifact?.exchange).toBeNull();
    expect(artifact?.notSent).toMatch(/^no requirement a buyer can sign \(#0: /);
    expect(unsignable.payments).toEqual([]);
  });

  it('is not gathered with --no-attacks, nor without a decodable challenge', async () => {
    expect((await gatherWith(forgedGatherer, { url: v2.url, before, attacks: false })).notGathered).toBe('attacks disabled (--no-attacks)');
    const notAChallenge = await startFixtureServer((_req, res) => void res.writeHead(402, { 'content-type': 'text/plain' }).end('pay me'));
    try {
      expect((await gatherWith(forgedGatherer, { url: notAChallenge.url, before })).notGathered).toBe('no decodable payment challenge');
    } finally {
      await notAChallenge.close();
    }
  });
});

describe('malformedGatherer', () => {
  it('sends a payment header that is not a payment, in the header of the challenge version', async () => {
    for (const variant of ['v1', 'v2'] as const) {
      const seller = await recordingSeller(variant);
      try {
        const { artifact } = await gatherWith(malformedGatherer, { url: seller.url, before });
        expect(seller.payments).toEqual([MALFORMED_PAYMENT]);
        expect(artifact?.headerName).toBe(variant === 'v1' ? 'X-PAYMENT' : 'PAYMENT-SIGNATURE');
        expect(artifact?.exchange?.status).toBe(400);
      } finally {
        await seller.close();
      }
    }
  });
});
