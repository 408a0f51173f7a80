/**
 * `scan --html` and `market --html`: their results as the table page of report/tablePage.ts,
 * and the one place these commands write a file.
 */
import { constants } from 'node:fs';
import { access, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import type { PriceResearch } from '../obol/marketPricing.js';
import type { MarketResult } from '../registry/market.js';
import type { PricePoint } from '../report/htmlKit.js';
import { renderTablePage, type TableCell } from '../report/tablePage.js';
import type { Report } from '../report/types.js';
import type { ScanResult } from '../scan/scanTargets.js';
import type { ScanSummary } from '../scan/summary.js';
import { renderPricing, type RenderPricingOptions } from './renderPricing.js';

/** What a scan keeps of each result for its page (the reports themselves are not kept). */
export interface ScanRow {
  url: string;
  verdict: 'pass' | 'fail' | 'error';
  failed: string[];
  warned: string[];
  price: string | null;
  symbol: string | null;
  network: string | null;
  durationMs: number | null;
}

export function scanRow(result: ScanResult): ScanRow {
  if (!result.report) return { url: result.target.url, verdict: 'error', failed: [], warned: [], price: null, symbol: null, network: null, durationMs: null };
  const report: Report = result.report;
  const priced = report.requirements.find((r) => r.price !== null);
  return {
    url: report.target,
    verdict: report.verdict,
    failed: report.checks.filter((c) => c.status === 'fail').map((c) => c.id),
    warned: report.checks.filter((c) => c.status === 'warn').map((c) => c.id),
    price: priced?.price ?? null,
    symbol: priced?.symbol ?? null,
    network: priced?.network ?? report.requirements[0]?.network ?? null,
    durationMs: report.durationMs,
  };
}

/** The symbol most prices are in: the chart draws one asset, and says how many it left out. */
function commonSymbol(symbols: (string | null)[]): string | null {
  const counts = new Map<string, number>();
  for (const s of symbols) if (s) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

export function scanPage(rows: readonly ScanRow[], summary: ScanSummary): string {
  const symbol = commonSymbol(rows.map((r) => r.symbol));
  const prices: PricePoint[] = rows.filter((r) => r.price !== null && r.symbol === symbol).map((r) => ({ label: r.url, price: Number(r.price) }));
  const verdictStatus = { pass: 'pass', fail: 'fail', error: 'fail' } as const;
  return renderTablePage({
    title: `x402-probe scan: ${summary.targets} target(s)`,
    summary: [`${summary.passed} passed, ${summary.failed} failed${summary.errors ? `, ${summary.errors} internal error(s)` : ''} in ${(summary.durationMs / 1000).toFixed(1)} s`],
    columns: [{ label: 'target' }, { label: 'verdict' }, { label: 'failed checks' }, { label: 'warnings' }, { label: 'price', numeric: true }, { label: 'network' }, { label: 'time (ms)', numeric: true }],
    rows: rows.map((r): TableCell[] => [
      { text: r.url, href: r.url },
      { text: r.verdict, status: verdictStatus[r.verdict] },
      { text: r.failed.join(', ') || '-', status: r.failed.length ? 'fail' : undefined },
      { text: r.warned.join(', ') || '-', status: r.warned.length ? 'warn' : undefined },
      { text: r.price !== null ? `${r.price} ${r.symbol ?? ''}`.trim() : '-', sort: r.price !== null ? Number(r.price) : -1 },
      { text: r.network ?? '-' },
      { text: r.durationMs !== null ? String(r.durationMs) : '-', sort: r.durationMs ?? -1 },
    ]),
    prices,
    priceUnit: symbol ?? 'no priced asset',
    chartNote: `${prices.length} of ${rows.length} target(s) priced${symbol ? ` in ${symbol}` : ''}; the rest gave no price in it.`,
  });
}

/** The pricing block of `market` as plain lines, worded as the terminal prints it. */
export interface MarketPagePricing {
  research: PriceResearch;
  inputs: RenderPricingOptions;
}

export function marketPage(result: MarketResult, model?: string, pricing?: MarketPagePricing): string {
  const symbol = result.band?.symbol ?? commonSymbol(result.services.map((s) => s.symbol));
  const priced = result.services.filter((s) => s.status === 'priced' && s.perRequest !== null && s.symbol === symbol);
  const band = result.band ? `Recommended per request: ${result.band.q1} – ${result.band.q3} ${result.band.symbol} (median ${result.band.median}; from ${result.band.count} service(s))` : 'No priced services to compare.';
  return renderTablePage({
    title: `x402-probe market${model ? ` for ${model}` : ''}`,
    summary: [`Registry ${result.registry} on chain ${result.chainId}: ${result.agents} agents, ${result.x402Agents} declare x402, ${result.services.length} services probed`, band, 'x402-probe recommends; it never sets a price.'],
    columns: [{ label: 'agent', numeric: true }, { label: 'name' }, { label: 'type' }, { label: 'model' }, { label: 'status' }, { label: 'per request', numeric: true }, { label: 'per 1M tokens', numeric: true }, { label: 'endpoint' }],
    rows: result.services.map((s): TableCell[] => [
      { text: s.agentId, sort: Number(s.agentId) },
      { text: s.agentName ?? '?' },
      { text: s.type },
      { text: s.model ?? '-' },
      { text: s.status, status: s.status === 'priced' ? 'pass' : 'skip' },
      { text: s.perRequest !== null ? `${s.perRequest} ${s.symbol ?? ''}`.trim() : '-', sort: s.perRequest !== null ? Number(s.perRequest) : -1 },
      { text: s.perMTok !== null ? `${s.perMTok} ${s.symbol ?? ''}`.trim() : '-', sort: s.perMTok !== null ? Number(s.perMTok) : -1 },
      { text: s.endpoint, href: s.endpoint },
    ]),
    prices: priced.map((s) => ({ label: s.endpoint, price: Number(s.perRequest) })),
    priceUnit: symbol ?? 'no priced asset',
    chartNote: `${priced.length} of ${result.services.length} service(s) priced${symbol ? ` in ${symbol}` : ''}.`,
    sections: pricing
      ? [{ heading: 'Pricing', lines: renderPricing(pricing.research, { ...pricing.inputs, color: false }).split('\n').map((line) => line.trim()).filter(Boolean) }]
      : [],
  });
}

/** Before a long scan or market run: can --html's file be written (its folder, and the file if it is there)? */
export async function checkHtmlTarget(file: string): Promise<void> {
  const path = resolve(file);
  try {
    await access(dirname(path), constants.W_OK);
    await access(path, constants.W_OK).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot write --html ${JSON.stringify(file)}${code ? ` (${code})` : ''}`);
  }
}

/** Writes a page where --html names; an unwritable path is the user's configuration (exit 2). */
export async function writeHtmlPage(file: string, html: string): Promise<void> {
  try {
    await writeFile(file, html, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot write --html ${JSON.stringify(file)}${code ? ` (${code})` : ''}`);
  }
}
