import { describe, expect, it } from 'vitest';
import { advanceWatch, initialWatchState, type WatchState } from './changes.js';
import type { WatchSnapshot } from './snapshot.js';

const requirement = (amount: string, payTo = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8') => ({
  index: 0, amount, asset: '0x036CbD53842c5426634e7929541eC2318f3dCF7e', price: String(Number(amount) / 1e6), symbol: 'USDC', payTo, network: 'eip155:84532',
});
function snap(over: Partial<WatchSnapshot> = {}): WatchSnapshot {
  return { at: '2026-12-01T00:00:00.000Z', verdict: 'pass', durationMs: 5, up: true, checks: {}, failing: [], requirements: [requirement('1000')], payment: null, ...over };
}
function feed(snaps: WatchSnapshot[]) {
  let state: WatchState = initialWatchState;
  return snaps.map((s) => {
    const next = advanceWatch(state, s);
    state = next.state;
    return next.changes;
  });
}

describe('advanceWatch', () => {
  it('reports nothing for the first probe or an unchanged one', () => {
    expect(feed([snap(), snap()])).toEqual([[], []]);
  });

  it('names the checks of a pass -> fail and of the recovery', () => {
    const [, down, up] = feed([snap(), snap({ verdict: 'fail', failing: ['http.reachable'], up: false, requirements: [] }), snap()]);
    expect(down).toEqual([{ kind: 'verdict', from: 'pass', to: 'fail', failing: ['http.reachable'], recovered: [] }]);
    expect(up).toEqual([{ kind: 'verdict', from: 'fail', to: 'pass', failing: [], recovered: ['http.reachable'] }]);
  });

  it('reports checks that start or stop failing while the verdict stays fail', () => {
    const [, , changes] = feed([snap(), snap({ verdict: 'fail', failing: ['a.b'] }), snap({ verdict: 'fail', failing: ['c.d'] })]);
    expect(changes).toEqual([{ kind: 'checks', failing: ['c.d'], recovered: ['a.b'] }]);
  });

  it('one price change per flip, and a payTo change, compared case-insensitively', () => {
    const flips = feed([snap(), snap({ requirements: [requirement('2000')] }), snap({ requirements: [requirement('1000')] })]);
    expect(flips.map((c) => c.map((x) => x.kind))).toEqual([[], ['price'], ['price']]);
    const [, same, moved] = feed([
      snap(),
      snap({ requirements: [requirement('1000', '0x70997970c51812dc3a010c7d01b50e0d17dc79c8')] }),
      snap({ requirements: [requirement('1000', '0x0000000000000000000000000000000000000001')] }),
    ]);
    expect(same).toEqual([]);
    expect(moved).toMatchObject([{ kind: 'payTo', requirement: 0, to: '0x0000000000000000000000000000000000000001' }]);
  });

  it('an outage is not a price change, but a price changed across one is reported on return', () => {
    const [, down, back] = feed([snap(), snap({ verdict: 'fail', failing: ['http.reachable'], requirements: [] }), snap({ requirements: [requirement('5000')] })]);
    expect(down.map((c) => c.kind)).toEqual(['verdict']);
    expect(back.map((c) => c.kind)).toEqual(['verdict', 'price']);
  });
});
