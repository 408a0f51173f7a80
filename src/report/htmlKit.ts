/**
 * What the HTML pages share: escaping, the one link rule, the page shell with its Content Security
 * Policy, and the inline SVG price chart. Every seller-controlled string reaches a page through
 * `esc` (text and double-quoted attributes alike) and every href through `safeHref`; the CSP is
 * the second wall: no network at all, and no script but the page's own (by hash).
 */
import { escapeUnsafeText, hasUnsafeText } from '../util/unsafeText.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Text or attribute value (always double-quoted by the pages) with markup and controls neutralised. */
export function esc(value: string | number | null | undefined): string {
  // Controls and bidi overrides shown as escapes, as the pretty report does, so text cannot hide.
  return escapeUnsafeText(String(value ?? ''), { keep: '\t\n\r', unicode: true })
    .replace(/[&<>"'`]/g, (ch) => ENTITIES[ch]);
}

/**
 * An href only for an absolute http(s) URL, parsed (so `java\tscript:`, `JaVaScRiPt:`, `data:`,
 * `//host` and entity tricks never pass); anything else is no link at all and shows as text.
 */
export function safeHref(url: string | null | undefined): string | null {
  if (!url || hasUnsafeText(url) || /\s/.test(url)) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return parsed.href;
}

/** A link when the URL is safe to follow, its escaped text otherwise. Links open nothing on the page itself. */
export function link(url: string | null | undefined, text?: string): string {
  const href = safeHref(url);
  const label = esc(text ?? url ?? '');
  return href ? `<a href="${esc(href)}" rel="noopener noreferrer nofollow" target="_blank">${label}</a>` : label;
}

const CSS = `
:root{--fail:#c5221f;--warn:#b06000;--pass:#188038;--skip:#5f6368;--line:#dadce0;--bg:#f8f9fa}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#202124;background:#fff}
main{max-width:1100px;margin:0 auto;padding:16px 24px 48px}
header{display:flex;gap:20px;align-items:center;border-bottom:1px solid var(--line);padding-bottom:12px}
.verdict{font-size:28px;font-weight:700;padding:10px 18px;border-radius:8px;color:#fff}
.verdict.pass{background:var(--pass)}.verdict.fail{background:var(--fail)}
.target{font-size:16px;font-weight:600;word-break:break-all}
.meta{color:var(--skip);font-size:13px}
.counts{display:flex;gap:8px;margin-top:6px;flex-wrap:wrap}
.chip{border-radius:12px;padding:1px 10px;font-size:13px;border:1px solid var(--line)}
.chip.fail{color:var(--fail)}.chip.warn{color:var(--warn)}.chip.pass{color:var(--pass)}.chip.skip{color:var(--skip)}
h2{font-size:18px;margin:22px 0 8px}
.finding{border:1px solid var(--line);border-left:5px solid var(--fail);border-radius:6px;padding:10px 14px;margin:10px 0;background:#fff}
.finding.warn{border-left-color:var(--warn)}
.finding h3{margin:0 0 4px;font-size:15px}
.finding .id{font-family:ui-monospace,Menlo,Consolas,monospace}
.finding .status{font-weight:700;text-transform:uppercase;font-size:12px;margin-right:6px}
.finding.fail .status{color:var(--fail)}.finding.warn .status{color:var(--warn)}
pre{background:var(--bg);border:1px solid var(--line);border-radius:4px;padding:8px;white-space:pre-wrap;word-break:break-all;margin:6px 0;font-size:12.5px;max-height:16em;overflow:auto}
.label{font-weight:600;color:#3c4043}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{border-bottom:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top}
th{background:var(--bg)}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.st-pass{color:var(--pass)}.st-fail{color:var(--fail);font-weight:600}.st-warn{color:var(--warn)}.st-skip{color:var(--skip)}
details{margin:8px 0}summary{cursor:pointer;font-weight:600}
.bar{background:#8ab4f8;height:10px;border-radius:2px}
.ok{color:var(--pass);font-weight:600}
th button{all:unset;cursor:pointer;font-weight:600}
th button:focus-visible{outline:2px solid #1a73e8}
th[aria-sort=ascending] button::after{content:" \\25B2"}th[aria-sort=descending] button::after{content:" \\25BC"}
svg text{font:11px system-ui,sans-serif;fill:#3c4043}
footer{margin-top:32px;color:var(--skip);font-size:12px}
`;

/**
 * The whole document. `script` is the page's one inline script and `scriptHash` its
 * 'sha256-…' source, which the CSP names: any other script, injected or not, never runs.
 */
export function page(title: string, body: string, script?: { source: string; hash: string }): string {
  const scriptSrc = script ? `'${script.hash}'` : `'none'`;
  const csp = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src ${scriptSrc}; base-uri 'none'; form-action 'none'`;
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${esc(title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    `<main>${body}</main>`,
    script ? `<script>${script.source}</script>` : '',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * Sorts a table with `data-sortable` by a header's button: numbers by `data-sort` when a cell has
 * one, text otherwise. Kept as one constant so its hash (SCRIPT_HASH, tested) can be named in the CSP.
 */
export const SORT_SCRIPT = `for(const t of document.querySelectorAll("table[data-sortable]")){const hs=[...t.tHead.rows[0].cells];hs.forEach((h,i)=>{const b=h.querySelector("button");if(!b)return;b.addEventListener("click",()=>{const asc=h.getAttribute("aria-sort")!=="ascending";hs.forEach(x=>x.removeAttribute("aria-sort"));h.setAttribute("aria-sort",asc?"ascending":"descending");const key=r=>{const c=r.cells[i];const n=c.dataset.sort;return n!==undefined&&n!==""?Number(n):c.textContent.trim().toLowerCase()};const rows=[...t.tBodies[0].rows];rows.sort((a,b)=>{const x=key(a),y=key(b);const d=typeof x==="number"&&typeof y==="number"?x-y:String(x).localeCompare(String(y));return asc?d:-d});t.tBodies[0].append(...rows)})})}`;

/** 'sha256-<base64>' of SORT_SCRIPT (htmlKit.test.ts recomputes it). */
export const SORT_SCRIPT_HASH = 'sha256-+ntRcE2ZmN1W0J6wjUKURIhNitvngorqMzIXVsPN/jY=';

/** One value of a price chart: its label (a URL or name, escaped on output) and price in one asset. */
export interface PricePoint {
  label: string;
  price: number;
}

function niceStep(span: number, buckets: number): number {
  const raw = span / buckets;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
}

function formatPrice(value: number): string {
  return Number(value.toPrecision(6)).toString();
}

/**
 * A histogram of prices as inline SVG: up to 12 equal buckets from the lowest price to the
 * highest, each bar's title naming its range and count. One price (or all equal) is one bar.
 */
export function priceChart(points: readonly PricePoint[], unit: string): string {
  const prices = points.map((p) => p.price).filter((p) => Number.isFinite(p) && p >= 0);
  if (prices.length === 0) return '<p class="meta">No prices to chart.</p>';
  // A loop, not Math.min(...prices): a spread of some 150 000 arguments overflows the stack.
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const p of prices) {
    if (p < min) min = p;
    if (p > max) max = p;
  }
  const nice = max > min ? niceStep(max - min, Math.min(12, Math.max(1, prices.length))) : 0;
  // A span too small for a float step (it underflows to 0) is drawn as one bar, as equal prices are.
  const spread = Number.isFinite(nice) && nice > 0;
  const step = spread ? nice : 1;
  const start = spread ? Math.floor(min / step) * step : min;
  const count = spread ? Math.max(1, Math.ceil((max - start) / step + 1e-9)) : 1;
  const buckets = Array.from({ length: count }, (_, i) => ({ from: start + i * step, to: start + (i + 1) * step, n: 0 }));
  for (const p of prices) buckets[Math.min(count - 1, spread ? Math.floor((p - start) / step + 1e-9) : 0)].n += 1;
  const width = 640;
  const height = 200;
  const left = 36;
  const bottom = 36;
  const top = 22;
  const peak = Math.max(...buckets.map((b) => b.n));
  const barWidth = (width - left - 10) / count;
  const bars = buckets.map((b, i) => {
    const h = ((height - bottom - top) * b.n) / peak;
    const x = left + i * barWidth;
    const y = height - bottom - h;
    const range = spread ? `${formatPrice(b.from)} – ${formatPrice(b.to)}` : formatPrice(min);
    return [
      `<g><title>${esc(`${range} ${unit}: ${b.n}`)}</title>`,
      `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${Math.max(1, barWidth - 4).toFixed(1)}" height="${h.toFixed(1)}" fill="#1a73e8"></rect>`,
      b.n > 0 ? `<text x="${(x + barWidth / 2 - 2).toFixed(1)}" y="${(y - 3).toFixed(1)}" text-anchor="middle">${b.n}</text>` : '',
      `<text x="${(x + barWidth / 2 - 2).toFixed(1)}" y="${height - bottom + 14}" text-anchor="middle">${esc(formatPrice(spread ? b.from : min))}</text></g>`,
    ].join('');
  });
  return [
    `<svg role="img" aria-label="${esc(`Price distribution of ${prices.length} prices in ${unit}`)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">`,
    `<line x1="${left}" y1="${height - bottom}" x2="${width - 6}" y2="${height - bottom}" stroke="#5f6368"></line>`,
    `<line x1="${left}" y1="${top}" x2="${left}" y2="${height - bottom}" stroke="#5f6368"></line>`,
    `<text x="${left - 6}" y="${top + 4}" text-anchor="end">${peak}</text>`,
    `<text x="${left - 6}" y="${height - bottom}" text-anchor="end">0</text>`,
    ...bars,
    `<text x="${(width + left) / 2}" y="${height - 6}" text-anchor="middle">${esc(`price per request (${unit})`)}</text>`,
    '</svg>',
  ].join('\n');
}
