import { describe, expect, it } from 'vitest';
import { fixtureReport } from '../../test/helpers/report.js';
import { createWatchMetrics } from './metrics.js';
import type { SpendLedger } from './spendLedger.js';
import type { SpendStore } from './spendFile.js';
import { watchTarget, type WatchEvent } from './watchTarget.js';

const never = new Promise<void>(() => {});

describe('watchTarget', () => {
  it('never overlaps probes: one slower than the interval delays the next', async () => {
    let inFlight = 0;
    let most = 0;
    const starts: number[] = [];
    const events: WatchEvent[] = [];
    await watchTarget({
      target: 't',
      intervalMs: 20,
      probe: async () => {
        starts.push(Date.now());
        most = Math.max(most, ++inFlight);
        await new Promise((r) => setTimeout(r, 80));
        inFlight--;
        return fixtureReport();
      },
      abortProbe: async () => {},
      metrics: createWatchMetrics({ target: 't', intervalSeconds: 0.02, nowMs: Date.now }),
      onEvent: (e) => events.push(e),
      stop: never,
      maxProbes: 3,
    });
    expect(most).toBe(1);
    expect(starts[2] - starts[0]).toBeGreaterThanOrEqual(155);
    expect(events.map((e) => e.event)).toEqual(['baseline', 'stopped']);
  });

  it('a probe that throws is an event and a counted error; watch goes on', async () => {
    let n = 0;
    const events: WatchEvent[] = [];
    const metrics = createWatchMetrics({ target: 't', intervalSeconds: 0, nowMs: Date.now });
    await watchTarget({
      target: 't',
      intervalMs: 1,
      probe: async () => {
        if (++n === 1) throw new Error('remote signer stopped answering\nsecond line');
        return fixtureReport();
      },
      abortProbe: async () => {},
      metrics,
      onEvent: (e) => events.push(e),
      stop: never,
      maxProbes: 2,
    });
    expect(events[0]).toMatchObject({ event: 'probe-error', message: 'remote signer stopped answering' });
    expect(events.map((e) => e.event)).toEqual(['probe-error', 'baseline', 'stopped']);
    expect(await metrics.registry.metrics()).toContain('x402_probe_probes_total{target="t",result="error"} 1');
  });
});

describe('watchTarget --daily-cap against a hostile seller', () => {
  const payParams = { every: 1, dailyCap: '0.015', maxAmount: '0.01' };
  const day0 = Date.parse('2026-12-01T10:00:00Z');

  async function watchPaid(probe: (pay: { maxAmount: string } | null) => Promise<ReturnType<typeof fixtureReport>>, spendStore?: SpendStore, maxProbes = 3): Promise<{ paid: (string | null)[]; events: WatchEvent[] }> {
    const paid: (string | null)[] = [];
    const events: WatchEvent[] = [];
    await watchTarget({
      target: 't',
      intervalMs: 0,
      probe: (pay) => (paid.push(pay?.maxAmount ?? null), probe(pay)),
      abortProbe: async () => {},
      pay: payParams,
      metrics: createWatchMetrics({ target: 't', intervalSeconds: 0, pay: { periodSeconds: 0, dailyCap: payParams.dailyCap }, nowMs: () => day0 }),
      onEvent: (e) => events.push(e),
      stop: never,
      maxProbes,
      nowMs: () => day0,
      spendStore,
    });
    return { paid, events };
  }

  it('counts a payment signed and sent whose answer never came (the seller reset the connection after taking the header)', async () => {
    // The authorization left with the paid request (its nonce is set) but the seller cut the
    // connection instead of answering: no paidStatus. It may settle it all the same.
    const cutAfterSigning = () => fixtureReport({ payment: { plan: { amount: '10000', decimals: 6, refused: null }, nonce: '0x' + '11'.repeat(32), paidStatus: null } });
    const { paid, events } = await watchPaid(async () => cutAfterSigning());
    expect(paid).toEqual(['0.01', null, null]);
    expect(events.find((e) => e.event === 'pay-skipped')).toMatchObject({ reason: expect.stringMatching(/spent 0\.01 of --daily-cap 0\.015/) });
  });

  it('counts the most a paid probe may spend when it throws after it may have signed', async () => {
    const { paid, events } = await watchPaid(async (pay) => {
      if (pay) throw new Error('remote signer answered, then the probe failed');
      return fixtureReport();
    });
    expect(paid).toEqual(['0.01', '0.005', null]);
    expect(events.filter((e) => e.event === 'pay-skipped')).toHaveLength(1);
  });

  /** A store in memory that keeps every save, as --spend-file keeps the last one on disk. */
  function memoryStore(): SpendStore & { saves: SpendLedger[] } {
    const saves: SpendLedger[] = [];
    return { saves, load: () => saves.at(-1) ?? { day: '', spentToday: 0n, spentTotal: 0n }, save: (l) => void saves.push(l) };
  }
  const settled = () => fixtureReport({ payment: { plan: { amount: '10000', decimals: 6, refused: null }, nonce: '0x' + '22'.repeat(32), paidStatus: 200 } });

  it('a restarted watch with the same --spend-file counts against the same daily cap', async () => {
    const store = memoryStore();
    const first = await watchPaid(async () => settled(), store, 1);
    expect(first.paid).toEqual(['0.01']);
    // Restarted (Ctrl-C, a container restart): 0.005 of the 0.015 cap is left, not 0.015.
    const second = await watchPaid(async () => settled(), store, 1);
    expect(second.paid).toEqual(['0.005']);
  });

  it('saves the most a paid probe may spend before it starts: a watch killed mid-payment has counted it', async () => {
    const store = memoryStore();
    let savedBeforeProbe: SpendLedger | undefined;
    await watchPaid(async (pay) => {
      if (pay) savedBeforeProbe = store.saves.at(-1);
      return settled();
    }, store, 1);
    expect(savedBeforeProbe?.spentToday).toBe(10n ** 28n); // 0.01 at the ledger's scale of 10^30
  });
});
