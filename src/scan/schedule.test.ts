import { describe, expect, it } from 'vitest';
import { schedule } from './schedule.js';

interface Item {
  id: number;
  host: string;
}

function items(spec: Record<string, number>): Item[] {
  const list: Item[] = [];
  let id = 0;
  for (const [host, n] of Object.entries(spec)) for (let i = 0; i < n; i++) list.push({ id: id++, host });
  return list;
}

/** Work that resolves when the test says so, recording what is in flight. */
function controlledWork() {
  const inFlight = new Map<string, number>();
  let total = 0;
  let maxTotal = 0;
  const maxPerHost = new Map<string, number>();
  const pending: Array<() => void> = [];
  const order: number[] = [];
  const work = (item: Item) =>
    new Promise<number>((resolve) => {
      order.push(item.id);
      total += 1;
      maxTotal = Math.max(maxTotal, total);
      const n = (inFlight.get(item.host) ?? 0) + 1;
      inFlight.set(item.host, n);
      maxPerHost.set(item.host, Math.max(maxPerHost.get(item.host) ?? 0, n));
      pending.push(() => {
        total -= 1;
        inFlight.set(item.host, inFlight.get(item.host)! - 1);
        resolve(item.id);
      });
    });
  /** Finish the oldest in-flight item, then let the scheduler react. */
  const finishOne = async () => {
    pending.shift()?.();
    await new Promise((r) => setImmediate(r));
  };
  return { work, finishOne, pending, order, stats: () => ({ maxTotal, maxPerHost }) };
}

describe('schedule', () => {
  it('never exceeds the global limit or the per-key limit, and runs every item once', async () => {
    const list = items({ a: 20, b: 3, c: 7, d: 1 });
    const w = controlledWork();
    const settled: number[] = [];
    const done = schedule({ items: list, concurrency: 5, perKey: 2, keyOf: (i) => i.host, work: w.work, onSettled: (i) => settled.push(i.id) });
    await new Promise((r) => setImmediate(r));
    while (w.pending.length > 0) await w.finishOne();
    const stats = await done;
    expect(stats).toEqual({ started: 31, settled: 31, stopped: false });
    expect(w.stats().maxTotal).toBe(5);
    for (const max of w.stats().maxPerHost.values()) expect(max).toBeLessThanOrEqual(2);
    expect([...settled].sort((x, y) => x - y)).toEqual(list.map((i) => i.id));
  });

  it('takes hosts in turn, so a long list for one host does not starve the others', async () => {
    const list = items({ big: 10, small: 2 });
    const w = controlledWork();
    const done = schedule({ items: list, concurrency: 2, perKey: 1, keyOf: (i) => i.host, work: w.work });
    await new Promise((r) => setImmediate(r));
    while (w.pending.length > 0) await w.finishOne();
    await done;
    const hostOfId = (id: number) => list[id].host;
    // Both of "small"'s items start among the first four.
    expect(w.order.slice(0, 4).filter((id) => hostOfId(id) === 'small')).toHaveLength(2);
  });

  it('stops starting items when the signal aborts, and lets those in flight finish', async () => {
    const list = items({ a: 3, b: 3, c: 3 });
    const w = controlledWork();
    const stop = new AbortController();
    const settled: number[] = [];
    const done = schedule({ items: list, concurrency: 2, perKey: 1, keyOf: (i) => i.host, work: w.work, signal: stop.signal, onSettled: (i) => settled.push(i.id) });
    await new Promise((r) => setImmediate(r));
    stop.abort();
    while (w.pending.length > 0) await w.finishOne();
    const stats = await done;
    expect(stats).toEqual({ started: 2, settled: 2, stopped: true });
    expect(settled).toHaveLength(2);
  });

  it('reports a rejected item and goes on', async () => {
    const results: string[] = [];
    const stats = await schedule({
      items: [1, 2, 3],
      concurrency: 2,
      perKey: 2,
      keyOf: () => 'h',
      work: async (n) => {
        if (n === 2) throw new Error('boom');
        return n;
      },
      onSettled: (n, r) => results.push(`${n}:${r.status}`),
    });
    expect(stats.settled).toBe(3);
    expect(results.sort()).toEqual(['1:fulfilled', '2:rejected', '3:fulfilled']);
  });

  it('resolves at once for an empty list', async () => {
    expect(await schedule({ items: [], concurrency: 4, perKey: 1, keyOf: String, work: async () => 0 })).toEqual({ started: 0, settled: 0, stopped: false });
  });
});
