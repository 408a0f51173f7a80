import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { spendFileStore } from './spendFile.js';

const dir = () => mkdtempSync(join(tmpdir(), 'x402-probe-spend-'));

describe('spendFileStore (--spend-file)', () => {
  it('a missing file is an empty ledger; a saved one reads back exactly', () => {
    const file = join(dir(), 'spend.json');
    const store = spendFileStore(file);
    expect(store.load()).toEqual({ day: '', spentToday: 0n, spentTotal: 0n });
    store.save({ day: '2026-12-01', spentToday: 10n ** 28n, spentTotal: 3n * 10n ** 28n });
    expect(spendFileStore(file).load()).toEqual({ day: '2026-12-01', spentToday: 10n ** 28n, spentTotal: 3n * 10n ** 28n });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ version: 1, spentToday: '10000000000000000000000000000' });
  });

  it.each([
    ['not JSON', 'garbage{'],
    ['a wrong shape', '{"version":1,"day":"2026-12-01","spentToday":-5,"spentTotal":"0"}'],
    ['a negative amount', '{"version":1,"day":"2026-12-01","spentToday":"-5","spentTotal":"0"}'],
    ['another version', '{"version":2,"day":"2026-12-01","spentToday":"0","spentTotal":"0"}'],
  ])('a file holding %s is a usage error naming the file, never a reset to zero', (_what, text) => {
    const file = join(dir(), 'spend.json');
    writeFileSync(file, text);
    expect(() => spendFileStore(file).load()).toThrow(UsageError);
    expect(() => spendFileStore(file).load()).toThrow(/--spend-file .*spend\.json.* is not a spend ledger/);
  });

  it('a file that cannot be written is a usage error', () => {
    expect(() => spendFileStore(join(dir(), 'missing-folder', 'spend.json')).save({ day: '2026-12-01', spentToday: 1n, spentTotal: 1n })).toThrow(/cannot write --spend-file .*ENOENT/);
  });
});
