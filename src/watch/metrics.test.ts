import { describe, expect, it } from 'vitest';
import { register } from 'prom-client';
import { createWatchMetrics } from './metrics.js';
import type { WatchSnapshot } from './snapshot.js';
import { targetLabel } from './labels.js';

const snapshot = (over: Partial<WatchSnapshot> = {}): WatchSnapshot => ({
  at: '2026-12-01T00:00:00.000Z', verdict: 'pass', durationMs: 1500, up: true,
  checks: { 'http.reachable': 'pass', 'challenge.decode': 'pass', 'seller.made-up<script>': 'fail' },
  failing: [], requirements: [{ index: 0, amount: '10000', asset: '0xa', price: '0.01', symbol: 'USDC', payTo: '0xb', network: 'eip155:84532' }], payment: null, ...over,
});

describe('watch metrics', () => {
  it('live on their own registry, never the global one', async () => {
    const m = createWatchMetrics({ target: 't', intervalSeconds: 60, nowMs: () => 0 });
    m.recordProbe(snapshot(), 1000);
    expect(await register.metrics()).not.toContain('x402_probe');
    expect(await m.registry.metrics()).toContain('x402_probe_up{target="t"} 1');
  });

  it('export check status as a state set, only for ids of our catalog', async () => {
    const m = createWatchMetrics({ target: 't', intervalSeconds: 60, nowMs: () => 0 });
    m.recordProbe(snapshot(), 1000);
    const text = await m.registry.metrics();
    expect(text).toContain('x402_probe_check_status{target="t",check="http.reachable",status="pass"} 1');
    expect(text).toContain('x402_probe_check_status{target="t",check="http.reachable",status="fail"} 0');
    expect(text).not.toContain('made-up');
    expect(text).toContain('x402_probe_advertised_price{target="t",requirement="0"} 0.01');
  });

  it('keep the last price through an outage and age the settlement at scrape time', async () => {
    let now = 10_000;
    const m = createWatchMetrics({ target: 't', intervalSeconds: 60, pay: { periodSeconds: 600, dailyCap: '0.1' }, nowMs: () => now });
    m.recordProbe(snapshot({ payment: { amount: '10000', decimals: 6, refused: null, sent: true, served: true, settled: true } }), 20_000);
    m.recordProbe(snapshot({ up: false, verdict: 'fail', requirements: [], payment: { amount: '10000', decimals: 6, refused: null, sent: true, served: false, settled: false } }), 30_000);
    now = 80_000;
    const text = await m.registry.metrics();
    expect(text).toContain('x402_probe_advertised_price{target="t",requirement="0"} 0.01');
    expect(text).toContain('x402_probe_last_settlement_timestamp_seconds{target="t"} 20');
    expect(text).toContain('x402_probe_last_settlement_age_seconds{target="t"} 60');
    expect(text).toContain('x402_probe_payments_served_total{target="t"} 1');
    expect(text).toContain('x402_probe_payments_refused_total{target="t"} 1');
  });

  it('label the target by origin and path: no query token or userinfo', () => {
    expect(targetLabel('https://user:secret@seller.example/api?token=abc')).toBe('https://seller.example/api');
  });
});
