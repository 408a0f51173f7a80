import { describe, expect, it } from 'vitest';
import type { PreflightResult } from './preflight.js';
import { renderPreflightPretty } from './renderPreflight.js';

const result: PreflightResult = {
  type: 'inference',
  ready: false,
  candidates: [],
  items: [
    { id: 'cluster', title: 'Kubernetes cluster reachable', required: true, status: 'ready', detail: 'context obol', fix: null },
    { id: 'tunnel', title: 'Tunnel', required: false, status: 'skipped', detail: 'no tunnel yet', fix: null },
    { id: 'usdc', title: 'USDC balance', required: false, status: 'not-ready', detail: '0 USDC', fix: 'fund the wallet' },
    { id: 'wallet', title: 'Wallet', required: true, status: 'not-ready', detail: 'no wallet', fix: 'obol wallet create' },
  ] as PreflightResult['items'],
};

describe('renderPreflightPretty', () => {
  it('starts every detail in one column, the optional rows included (issue 13)', () => {
    const rows = renderPreflightPretty(result).split('\n').filter((line) => /^ {2}[✓✗-] /.test(line));
    expect(rows).toHaveLength(4);
    const columns = rows.map((row, i) => row.indexOf(result.items[i].detail));
    expect(new Set(columns).size, rows.join('\n')).toBe(1);
    expect(rows[1]).toContain('Tunnel (optional)');
  });

  it('keeps the column with colour on: escapes do not count as width', () => {
    const strip = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');
    const rows = strip(renderPreflightPretty(result, { color: true })).split('\n').filter((line) => /^ {2}[✓✗-] /.test(line));
    expect(new Set(rows.map((row, i) => row.indexOf(result.items[i].detail))).size).toBe(1);
  });
});
