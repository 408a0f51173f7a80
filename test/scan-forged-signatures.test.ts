/**
 * The forged payments a scan sends are real ECDSA by their payer, on each signing path: scan's
 * signing thread (one thread, several targets) and piscina workers (`npm run build` first).
 * pay.forged-rejected passes against a good seller whatever the signature, so this recovers them.
 */
import { verifyTypedData } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePaymentHeader } from '../fixtures/sellers/challenge.js';
import { makeSeller, paymentHeaderOf } from '../fixtures/sellers/good.js';
import { startFixtureServer, type FixtureServer } from '../fixtures/sellers/server.js';
import { transferWithAuthorizationTypedData, type WireAuthorization } from '../src/protocol/eip3009.js';
import { scanTargets } from '../src/scan/scanTargets.js';

type Payment = { accepted?: { asset?: `0x${string}` }; payload?: { authorization?: WireAuthorization; signature?: `0x${string}` } };

let seller: FixtureServer;
const payments: string[] = [];
beforeAll(async () => {
  const handler = makeSeller('v2');
  seller = await startFixtureServer(async (req, res, ctx) => {
    const payment = paymentHeaderOf(req);
    if (payment !== undefined) payments.push(payment);
    await handler(req, res, ctx);
  });
});
afterAll(() => seller?.close());

/** The forged payments among what the seller received: decodable, signed, from a non-zero payer. */
function forgedPayments(): { authorization: WireAuthorization; signature: `0x${string}`; asset: `0x${string}` }[] {
  const forged = [];
  for (const header of payments.splice(0)) {
    let decoded: Payment;
    try {
      decoded = decodePaymentHeader(header) as Payment;
    } catch {
      continue;
    }
    const { authorization, signature } = decoded?.payload ?? {};
    if (!authorization || !signature || /^0x0{40}$/.test(authorization.from)) continue;
    forged.push({ authorization, signature, asset: decoded.accepted!.asset! });
  }
  return forged;
}

describe('forged payments in a scan', () => {
  for (const workers of [1, 2]) {
    it(`are signed by their payer with ${workers} worker(s)`, async () => {
      const targets = Array.from({ length: 4 }, (_, i) => ({ url: `${seller.url}s${workers}/${i}`, line: i + 1 }));
      await scanTargets({ targets, workers, probe: { timeoutMs: 3000, attacks: true }, onResult: () => {} });
      const forged = forgedPayments();
      expect(forged).toHaveLength(4);
      for (const { authorization, signature, asset } of forged) {
        const typed = transferWithAuthorizationTypedData({ name: 'USDC', version: '2', chainId: 84532, verifyingContract: asset }, authorization);
        expect(await verifyTypedData({ address: authorization.from as `0x${string}`, signature, ...typed })).toBe(true);
      }
    }, 60_000);
  }
});
