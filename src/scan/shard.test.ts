import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { selectShard, shardKey, shardOf, type Shard } from './shard.js';
import type { ScanTarget } from './targets.js';

/** Targets drawn from a small pool, so lists repeat URLs and agents the way real ones do. */
const target = fc.record({
  url: fc.constantFrom('http://a.example/', 'http://a.example/x', 'https://b.example:8443/p?q=1', 'http://127.0.0.1:9/', 'http://[::1]:8/'),
  agent: fc.option(fc.integer({ min: 0, max: 40 }).map((id) => `eip155:84532:0x8004A818BFB912233c491871b3d84c89A494BD9e:${id}`), { nil: undefined }),
  line: fc.nat(),
}) as fc.Arbitrary<ScanTarget>;
const scan = fc.array(target, { maxLength: 60 });
const shardCount = fc.integer({ min: 1, max: 17 });

function allShards<T extends ScanTarget>(targets: readonly T[], count: number): T[][] {
  return Array.from({ length: count }, (_, index) => selectShard(targets, { index, count } satisfies Shard));
}

describe('scan --shard i/n', () => {
  it('cuts a scan into shards whose union is exactly the whole scan: every target in one shard, none twice', () => {
    fc.assert(
      fc.property(scan, shardCount, (targets, count) => {
        const tagged = targets.map((t, position) => ({ ...t, position }));
        const shards = allShards(tagged, count);
        const union = shards.flat().map((t) => t.position).sort((a, b) => a - b);
        expect(union).toEqual(tagged.map((t) => t.position));
        // Each shard keeps the scan's order.
        for (const shard of shards) expect(shard.map((t) => t.position)).toEqual([...shard.map((t) => t.position)].sort((a, b) => a - b));
      }),
    );
  });

  it('is deterministic and ignores the order and company a target is listed in (each pod enumerates on its own)', () => {
    fc.assert(
      fc.property(scan, fc.array(target, { maxLength: 10 }), shardCount, fc.nat(), (targets, others, count, seed) => {
        const index = seed % count;
        const shuffled = [...targets].reverse();
        const keys = (list: ScanTarget[]) => list.map(shardKey).sort();
        expect(keys(selectShard(shuffled, { index, count }))).toEqual(keys(selectShard(targets, { index, count })));
        // An agent registering (or dropping out) between two pods' reads moves no one else.
        const grown = selectShard([...others, ...targets], { index, count }).filter((t) => targets.includes(t));
        expect(keys(grown)).toEqual(keys(selectShard(targets, { index, count })));
      }),
    );
  });

  it('keeps every endpoint of an agent, and every copy of a URL, in one shard', () => {
    fc.assert(
      fc.property(scan, shardCount, (targets, count) => {
        const shardsOfKey = new Map<string, Set<number>>();
        allShards(targets, count).forEach((shard, index) => {
          for (const t of shard) shardsOfKey.set(shardKey(t), (shardsOfKey.get(shardKey(t)) ?? new Set()).add(index));
        });
        for (const shards of shardsOfKey.values()) expect(shards.size).toBe(1);
      }),
    );
  });

  it('spreads keys over the shards (no shard of 4 empty for 400 agents)', () => {
    const counts = [0, 0, 0, 0];
    for (let id = 0; id < 400; id++) counts[shardOf(`eip155:84532:0x8004A818BFB912233c491871b3d84c89A494BD9e:${id}`, 4)] += 1;
    for (const n of counts) expect(n).toBeGreaterThan(60);
  });

  it('is a pass-through without a shard, and 0/1 is the whole scan', () => {
    const targets: ScanTarget[] = [{ url: 'http://a.example/', line: 1 }, { url: 'http://a.example/', line: 2 }];
    expect(selectShard(targets, undefined)).toEqual(targets);
    expect(selectShard(targets, { index: 0, count: 1 })).toEqual(targets);
  });
});
