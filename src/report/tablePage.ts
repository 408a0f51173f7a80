import { esc, link, page, priceChart, SORT_SCRIPT, SORT_SCRIPT_HASH, type PricePoint } from './htmlKit.js';

/** One cell: its text, and optionally a number to sort by, a link, or a status class. */
export interface TableCell {
  text: string;
  /** Sort key when the column is numeric (a price, a duration). */
  sort?: number;
  /** Rendered as a link only when it is an absolute http(s) URL. */
  href?: string;
  status?: 'pass' | 'fail' | 'warn' | 'skip';
}

/** A page of many results (scan, market): a summary, a sortable table and a price chart. */
export interface TablePage {
  title: string;
  /** Lines under the title (counts, registry, band). */
  summary: string[];
  columns: { label: string; numeric?: boolean }[];
  rows: TableCell[][];
  prices: PricePoint[];
  priceUnit: string;
  /** Why some rows have no price (shown under the chart). */
  chartNote?: string;
  /** Blocks of plain lines between the summary and the chart (market: the pricing research). */
  sections?: { heading: string; lines: string[] }[];
}

function cell(c: TableCell, numeric: boolean): string {
  const classes = [numeric ? 'num' : '', c.status ? `st-${c.status}` : ''].filter(Boolean).join(' ');
  const sort = c.sort !== undefined && Number.isFinite(c.sort) ? ` data-sort="${esc(c.sort)}"` : '';
  return `<td${classes ? ` class="${classes}"` : ''}${sort}>${c.href !== undefined ? link(c.href, c.text) : esc(c.text)}</td>`;
}

/** The HTML page of a scan or a market: self-contained, its only script the table sorter (allowed by hash). */
export function renderTablePage(spec: TablePage): string {
  const head = spec.columns.map((col) => `<th${col.numeric ? ' class="num"' : ''}><button type="button">${esc(col.label)}</button></th>`).join('');
  const rows = spec.rows.map((row) => `<tr>${row.map((c, i) => cell(c, spec.columns[i]?.numeric ?? false)).join('')}</tr>`);
  const body = [
    `<header><div><div class="target">${esc(spec.title)}</div>${spec.summary.map((line) => `<div class="meta">${esc(line)}</div>`).join('')}</div></header>`,
    ...(spec.sections ?? []).map((section) => `<section><h2>${esc(section.heading)}</h2>${section.lines.map((line) => `<div class="meta">${esc(line)}</div>`).join('')}</section>`),
    '<section id="chart"><h2>Price distribution</h2>',
    priceChart(spec.prices, spec.priceUnit),
    spec.chartNote ? `<p class="meta">${esc(spec.chartNote)}</p>` : '',
    '</section>',
    `<section id="results"><h2>Results (${spec.rows.length})</h2><p class="meta">Click a column header to sort.</p>`,
    `<table data-sortable><thead><tr>${head}</tr></thead><tbody>${rows.join('\n')}</tbody></table>`,
    '</section>',
    '<footer>x402-probe · a self-contained page: it loads nothing from the network.</footer>',
  ].join('\n');
  return page(spec.title, body, { source: SORT_SCRIPT, hash: SORT_SCRIPT_HASH });
}
