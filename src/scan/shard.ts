import { createHash } from 'node:crypto';
import type { ScanTarget } from './targets.js';

/** One slice of a scan: `index` in 0..count-1 (Kubernetes' JOB_COMPLETION_INDEX is 0-based). */
export interface Shard {
  index: number;
  count: number;
}

/** The most shards a scan is cut into (an Indexed Job's completions stay far below it). */
export const MAX_SHARDS = 100_000;

/**
 * The shard a key belongs to: the first 48 bits of its SHA-256, mod `count`. A hash, not a
 * position: each pod of a Job enumerates the registry on its own, maybe a block apart, and a
 * position shifts when one agent appears or drops out while a hash of the agent's id does not.
 */
export function shardOf(key: string, count: number): number {
  const digest = createHash('sha256').update(key, 'utf8').digest();
  return digest.readUIntBE(0, 6) % count;
}

/**
 * What a target is sharded by: its agent for a registry target (so every endpoint of an agent,
 * and the one registration-file read behind them, fall in one shard), else its URL. Duplicate
 * lines of a list share a shard, so the union of the shards is the list, duplicates and all.
 */
export function shardKey(target: Pick<ScanTarget, 'url' | 'agent'>): string {
  return target.agent ?? target.url;
}

export function inShard(key: string, shard: Shard): boolean {
  return shardOf(key, shard.count) === shard.index;
}

/** The targets of one shard, in their original order. */
export function selectShard<T extends Pick<ScanTarget, 'url' | 'agent'>>(targets: readonly T[], shard: Shard | undefined): T[] {
  return shard ? targets.filter((t) => inShard(shardKey(t), shard)) : [...targets];
}
