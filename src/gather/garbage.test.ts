import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSeller, paymentHeaderOf } from '../../fixtures/sellers/good.js';
import { type FixtureServer, startFixtureServer } from '../../fixtures/sellers/server.js';
import { gatherWith } from '../../test/helpers/gather.js';
import { challengeGatherer } from './challenge.js';
import { garbageGatherer, garbageValues } from './garbage.js';
import { unpaidGatherer } from './unpaid.js';

const before = [unpaidGatherer, challengeGatherer];

/** A good seller recording payment headers; `hangOn` payments are never answered. */
async function recordingSeller(variant: 'v1' | 'v2', hangOn: (payment: string) => boolean = () => false): Promise<FixtureServer & { payments: string[]; peak: () => number }> {
  const payments: string[] = [];
  const handler = makeSeller(variant);
  let inFlight = 0;
  let peak = 0;
  const server = await startFixtureServer((req, res, ctx) => {
    const payment = paymentHeaderOf(req);
    if (payment === undefined) return handler(req, res, ctx);
    payments.push(payment);
    if (hangOn(payment)) return;
    inFlight += 1;
    peak = Math.max(peak, inFlight);
    setTimeout(() => {
      inFlight -= 1;
      handler(req, res, ctx);
    }, 20);
  }, { maxHeaderSize: 64 * 1024 });
  return { ...server, payments, peak: () => peak };
}

let v1: Awaited<ReturnType<typeof recordingSeller>>;
let v2: Awaited<ReturnType<typeof recordingSeller>>;
beforeAll(async () => {
  [v1, v2] = await Promise.all([recordingSeller('v1'), recordingSeller('v2')]);
});
afterAll(async () => {
  await Promise.all([v1?.close(), v2?.close()]);
});

describe('garbageGatherer', () => {
  it('sends every encoding in the header of the challenge version, two at a time', async () => {
    for (const [seller, version] of [[v1, 1], [v2, 2]] as const) {
      const { artifact } = await gatherWith(garbageGatherer, { url: seller.url, before });
      expect(artifact?.headerName).toBe(version === 1 ? 'X-PAYMENT' : 'PAYMENT-SIGNATURE');
      expect(artifact?.attempts.map((a) => a.encoding)).toEqual(['bad-base64', 'not-json', 'wrong-shape', 'oversized', 'version-mismatch']);
      expect(seller.payments.sort()).toEqual(Object.values(garbageValues(version)).sort());
      expect(seller.peak()).toBeLessThanOrEqual(2);
      for (const a of artifact!.attempts) expect(a.exchange?.status, a.encoding).not.toBeNull();
    }
  });

  it('the encodings are what they say: bad base64, base64 of text, JSON of a wrong shape, over 16 KiB, the other version', () => {
    const values = garbageValues(2);
    expect(() => atob(values['bad-base64'])).toThrow();
    expect(() => JSON.parse(Buffer.from(values['not-json'], 'base64').toString())).toThrow();
    expect(JSON.parse(Buffer.from(values['wrong-shape'], 'base64').toString()).payload).toBe('not an object');
    expect(values.oversized.length).toBeGreaterThan(16 * 1024);
    expect(JSON.parse(Buffer.from(values['version-mismatch'], 'base64').toString()).x402Version).toBe(1);
    expect(JSON.parse(Buffer.from(garbageValues(1)['version-mismatch'], 'base64').toString()).x402Version).toBe(2);
  });

  it('a seller that hangs on one encoding costs one timeout: the rest are not sent', async () => {
    const values = garbageValues(2);
    const hanging = await recordingSeller('v2', (p) => p === values['bad-base64']);
    try {
      const started = performance.now();
      const { artifact } = await gatherWith(garbageGatherer, { url: hanging.url, before, timeoutMs: 300 });
      expect(performance.now() - started).toBeLessThan(1_500);
      expect(artifact?.attempts.map((a) => a.exchange?.status ?? a.notSent ?? a.exchange?.error?.code)).toEqual([
        'timeout', 400, 'the seller did not answer the bad-base64 encoding', 'the seller did not answer the bad-base64 encoding', 'the seller did not answer the bad-base64 encoding',
      ]);
    } finally {
      await hanging.close();
    }
  });

  it('is not gathered with --no-attacks', async () => {
    expect((await gatherWith(garbageGatherer, { url: v2.url, before, attacks: false })).notGathered).toBe('attacks disabled (--no-attacks)');
  });
});

describe('garbageValues, made once per version', () => {
  it('cannot be changed by a caller: the next run sends the same bytes', () => {
    const first = garbageValues(2);
    const copy = { ...first };
    expect(() => Object.assign(first as Record<string, string>, { oversized: 'x' })).toThrow(TypeError);
    expect(() => delete (first as Partial<Record<string, string>>).oversized).toThrow(TypeError);
    expect(garbageValues(2)).toEqual(copy);
    expect(garbageValues(1)).not.toEqual(copy);
  });
});
