/**
 * `watch --spend-file`: the daily spend ledger on disk, so a restarted watch (Ctrl-C and start
 * again, a container restarted by Kubernetes) keeps counting against the same daily cap instead
 * of starting from zero. Written whole to a temporary file and renamed, so a crash mid-write
 * leaves the previous ledger, never half of one.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { UsageError } from '../errors.js';
import type { SpendLedger } from './spendLedger.js';

/** Where the ledger lives between runs; `save` is called before and after every paid probe. */
export interface SpendStore {
  load(): SpendLedger;
  save(ledger: SpendLedger): void;
}

const SCALED = /^[0-9]{1,80}$/;
const DAY = /^(|[0-9]{4}-[0-9]{2}-[0-9]{2})$/;

function parseLedger(text: string, file: string): SpendLedger {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UsageError(`--spend-file ${JSON.stringify(file)} is not a spend ledger (not JSON); move it away to start a new one`);
  }
  const { version, day, spentToday, spentTotal } = (value ?? {}) as Record<string, unknown>;
  if (version !== 1 || typeof day !== 'string' || !DAY.test(day) || typeof spentToday !== 'string' || !SCALED.test(spentToday) || typeof spentTotal !== 'string' || !SCALED.test(spentTotal)) {
    throw new UsageError(`--spend-file ${JSON.stringify(file)} is not a spend ledger (expected {version: 1, day, spentToday, spentTotal}); move it away to start a new one`);
  }
  return { day, spentToday: BigInt(spentToday), spentTotal: BigInt(spentTotal) };
}

/** The store at `file`: a missing file is an empty ledger; one that cannot be read or written is the user's configuration (exit 2). */
export function spendFileStore(file: string): SpendStore {
  return {
    load() {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') return { day: '', spentToday: 0n, spentTotal: 0n };
        throw new UsageError(`cannot read --spend-file ${JSON.stringify(file)}${code ? ` (${code})` : ''}`);
      }
      return parseLedger(text, file);
    },
    save(ledger) {
      const temporary = `${file}.${process.pid}.tmp`;
      const text = `${JSON.stringify({ version: 1, day: ledger.day, spentToday: ledger.spentToday.toString(), spentTotal: ledger.spentTotal.toString() })}\n`;
      try {
        writeFileSync(temporary, text, { mode: 0o600 });
        renameSync(temporary, file);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new UsageError(`cannot write --spend-file ${JSON.stringify(file)}${code ? ` (${code})` : ''}`);
      }
    },
  };
}
