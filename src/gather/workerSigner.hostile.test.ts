import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editFirst, makeSeller } from '../../fixtures/sellers/good.js';
import { type FixtureServer, startFixtureServer } from '../../fixtures/sellers/server.js';
import { gatherWith } from '../../test/helpers/gather.js';
import { forgedGatherer } from './attacks.js';
import { challengeGatherer } from './challenge.js';
import { unpaidGatherer } from './unpaid.js';
import { createWorkerSigner, type WorkerSigner } from './workerSigner.js';

const before = [unpaidGatherer, challengeGatherer];
/** Nested arrays `depth` deep: cloneable to the signing thread, but maybe not back. */
const nested = (depth: number): unknown => JSON.parse('['.repeat(depth) + ']'.repeat(depth));

let signer: WorkerSigner;
beforeAll(async () => {
  signer = await createWorkerSigner();
});
afterAll(async () => {
  await signer?.close();
});

describe('the signing thread against a hostile 402', () => {
  // Depths around where the main thread can still send the challenge but cannot read the payload
  // the client echoes it in (accepted.extra): every answer must settle, the index kept.
  for (const depth of [1500, 2000, 2600, 3100, 6000]) {
    it(`settles the forged attempt for an extra nested ${depth} deep`, async () => {
      const seller: FixtureServer = await startFixtureServer(makeSeller('v2', { challenge: editFirst((r) => void (r.extra = { name: 'USDC', version: '2', deep: nested(depth) })) }));
      try {
        const { artifact } = await gatherWith(forgedGatherer, { url: seller.url, before, forgeSigner: signer });
        if (artifact?.exchange === null) expect(artifact.notSent).toMatch(/^the x402 client could not sign for requirement #0: /);
      } finally {
        await seller.close();
      }
    }, 15_000);
  }

  const hostileRequirements: [string, (r: Record<string, unknown>) => void][] = [
    ['an own __proto__ key in extra', (r) => void (r.extra = JSON.parse('{"__proto__":{"polluted":"yes"},"name":"USDC","version":"2"}'))],
    ['a constructor key in extra', (r) => void (r.extra = { name: 'USDC', version: '2', constructor: { prototype: { polluted: 'yes' } } })],
    ['an amount in hex', (r) => void (r.amount = '0x2710')],
    ['an amount in exponent form', (r) => void (r.amount = '1e30')],
    ['a negative amount', (r) => void (r.amount = '-1')],
    ['a 100 kB name', (r) => void (r.extra = { name: 'U'.repeat(100_000), version: '2' })],
    ['a number for a name', (r) => void (r.extra = { name: 12, version: 2 })],
  ];
  for (const [what, edit] of hostileRequirements) {
    it(`settles the forged attempt for ${what}, and pollutes nothing`, async () => {
      const seller = await startFixtureServer(makeSeller('v2', { challenge: editFirst(edit as never) }), { maxHeaderSize: 512 * 1024 });
      try {
        const { artifact } = await gatherWith(forgedGatherer, { url: seller.url, before, forgeSigner: signer });
        // Refused before signing, or by the client on the thread: either way with the index.
        if (artifact?.exchange === null) expect(artifact.notSent).toMatch(/^(the x402 client could not sign for requirement #0: |no requirement a buyer can sign \(#0: )/);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      } finally {
        await seller.close();
      }
    }, 15_000);
  }

  it('still signs after the hostile ones', async () => {
    const seller = await startFixtureServer(makeSeller('v2'));
    try {
      const { artifact } = await gatherWith(forgedGatherer, { url: seller.url, before, forgeSigner: signer });
      expect(artifact?.exchange?.status).toBe(402);
    } finally {
      await seller.close();
    }
  });
});

describe('a signing thread that has ended', () => {
  it('rejects what was waiting and what asks later, instead of leaving them pending', async () => {
    const doomed = await createWorkerSigner();
    const request = { domain: { name: 'X', chainId: 1 }, types: { Note: [{ name: 'text', type: 'string' }] }, primaryType: 'Note', message: { text: 'hi' } } as const;
    const waiting = doomed.signTypedData(request as never);
    await doomed.close();
    await expect(waiting).rejects.toThrow(/signing thread ended/);
    await expect(doomed.signTypedData(request as never)).rejects.toThrow(/signing thread ended/);
    expect(doomed.createPaymentPayload).toBeTypeOf('function');
    await expect(doomed.createPaymentPayload!({ x402Version: 2, accepts: [] })).rejects.toThrow(/signing thread ended/);
  });
});
