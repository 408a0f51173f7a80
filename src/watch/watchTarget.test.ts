import { describe, expect, it } from 'vitest';
import { fixtureReport } from '../../test/helpers/report.js';
import { createWatchMetrics } from './metrics.js';
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
