import { describe, expect, it } from 'vitest';
import { renderWatchEvent } from './renderEvent.js';

const at = '2026-12-01T13:00:00.000Z';

describe('renderWatchEvent', () => {
  it('prints pass -> fail with the check ids, the recovery, price and payTo changes', () => {
    expect(renderWatchEvent({ event: 'change', target: 't', at, kind: 'verdict', from: 'pass', to: 'fail', failing: ['http.reachable', 'challenge.decode'], recovered: [] })).toBe('2026-12-01T13:00:00Z t pass -> fail: http.reachable, challenge.decode');
    expect(renderWatchEvent({ event: 'change', target: 't', at, kind: 'verdict', from: 'fail', to: 'pass', failing: [], recovered: ['http.reachable'] })).toBe('2026-12-01T13:00:00Z t fail -> pass (recovered: http.reachable)');
    const view = (price: string) => ({ amount: '1', asset: '0xa', price, symbol: 'USDC' });
    expect(renderWatchEvent({ event: 'change', target: 't', at, kind: 'price', requirement: 0, from: view('0.01'), to: view('0.02') })).toBe('2026-12-01T13:00:00Z t price of requirement 0: 0.01 USDC -> 0.02 USDC');
    expect(renderWatchEvent({ event: 'change', target: 't', at, kind: 'payTo', requirement: 1, from: '0xa', to: null })).toBe('2026-12-01T13:00:00Z t payTo of requirement 1: 0xa -> none');
  });

  it('shows seller text without control or bidi characters, clipped', () => {
    const line = renderWatchEvent({ event: 'change', target: 't', at, kind: 'payTo', requirement: 0, from: '\u001b[2J\u202eevil', to: 'x'.repeat(500) });
    expect(line).not.toMatch(/[\u001b\u202e]/);
    expect(line.length).toBeLessThan(200);
  });
});
