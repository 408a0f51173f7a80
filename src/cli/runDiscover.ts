import { createColors } from 'picocolors';
import { discoverOrigin } from '../gather/discovery.js';
import type { DiscoveryEntry } from '../protocol/discovery.js';
import { scanTargets } from '../scan/scanTargets.js';
import { renderSummary } from '../scan/summary.js';
import type { ScanTarget } from '../scan/targets.js';
import type { CliIO } from './context.js';
import { ndjsonLine, prettyLine } from './runScan.js';

export interface DiscoverCommandOptions {
  header?: Record<string, string>;
  timeout: number;
  allowPrivate?: boolean;
  probe?: boolean;
  concurrency: number;
  perHost: number;
  json?: boolean;
}

function describePrice(e: DiscoveryEntry): string {
  const p = e.price;
  return !p ? '' : p.kind === 'usd' ? `$${p.value}` : p.kind === 'usd-range' ? `$${p.min}–$${p.max}` : `${p.value} atomic`;
}

/** Requestable entries, once each: on the origin and without a path template (as `check` requests them). */
function targetsOf(entries: readonly DiscoveryEntry[], origin: string): ScanTarget[] {
  const seen = new Set<string>();
  const targets: ScanTarget[] = [];
  for (const e of entries) {
    if (!e.url || e.templated || new URL(e.url).origin !== origin) continue;
    const key = `${e.method ?? 'GET'} ${e.url}`;
    if (seen.has(key)) continue;
    seen.add(key);
    targets.push({ url: e.url, line: targets.length + 1, ...(e.method ? { method: e.method } : {}) });
  }
  return targets;
}

/** `x402-probe discover`: read the origin's discovery documents, list what they advertise, and with --probe scan it. */
export async function runDiscover(originUrl: string, options: DiscoverCommandOptions, io: CliIO): Promise<number> {
  const found = await discoverOrigin({ origin: originUrl, timeoutMs: options.timeout, headers: options.header, allowPrivate: options.allowPrivate });
  const c = createColors(io.color && !options.json);
  const listing = {
    origin: found.origin,
    documents: found.documents.map((d) => ({ kind: d.kind, url: d.url, status: d.status, error: d.error, truncated: d.truncated })),
    resources: found.entries.map((e) => ({ url: e.url, method: e.method, price: e.price, payTo: e.payTo, network: e.network, source: e.source, pointer: e.pointer })),
    problems: found.problems,
  };
  if (options.json) io.stdout(`${JSON.stringify(listing)}\n`);
  else {
    for (const d of listing.documents) io.stdout(`${c.dim(d.status === 200 ? 'found  ' : 'absent ')} ${d.url}${d.error ? c.yellow(`  ${d.error}`) : d.status !== 200 && d.status !== null ? c.dim(`  HTTP ${d.status}`) : ''}\n`);
    for (const p of found.problems) io.stdout(`${c.yellow('warn')}   ${p.documentUrl}: ${p.problem}\n`);
    io.stdout(found.entries.length ? `\n${found.entries.length} resource(s) advertised:\n` : '\nNo resources advertised: buyers and indexers can find this seller only URL by URL.\n');
    for (const e of found.entries) io.stdout(`  ${(e.method ?? 'ANY').padEnd(6)} ${e.url ?? c.red('(unusable URL)')}  ${[describePrice(e), e.payTo ? `payTo ${e.payTo}` : '', e.network ?? ''].filter(Boolean).join('  ')}${c.dim(`  (${e.source})`)}\n`);
  }
  if (!options.probe) return 0;
  const targets = targetsOf(found.entries, found.origin);
  if (targets.length === 0) return 0;
  if (!options.json) io.stdout('\n');
  const { summary } = await scanTargets({
    targets,
    concurrency: options.concurrency,
    perHost: options.perHost,
    probe: { timeoutMs: options.timeout, headers: options.header, allowPrivate: options.allowPrivate, attacks: true, discovery: false },
    onResult: (result) => io.stdout(options.json ? ndjsonLine(result) : prettyLine(result, io.color)),
  });
  if (!options.json) io.stdout(`\n${renderSummary(summary, { color: io.color, interrupted: false, total: targets.length })}`);
  return summary.failed > 0 ? 1 : 0;
}
