import { readFile } from 'node:fs/promises';
import { createColors } from 'picocolors';
import { UsageError } from '../errors.js';
import { scanLine } from '../scan/scanLine.js';
import { batchedWriter } from '../util/batchedWriter.js';
import { renderSummary } from '../scan/summary.js';
import { type BriefReport, scanTargets, type ScanResult } from '../scan/scanTargets.js';
import { selectShard, type Shard } from '../scan/shard.js';
import { parseTargets, type ScanTarget } from '../scan/targets.js';
import type { CliIO } from './context.js';
import { assertOptionalPackages } from './optionalPackages.js';
import { type ProbeCommandOptions, probeOptionsFromCli } from './options.js';
import { type CommandOutput, commandOutput } from './output.js';

/** The `check` options that make sense for many targets at once: no payment, no per-target agent. */
export type ScanProbeOptionName = 'method' | 'header' | 'body' | 'timeout' | 'deadline' | 'expectPrice' | 'expectPayTo' | 'expectNetwork' | 'rpc' | 'attacks' | 'strict' | 'ipfsGateway' | 'allowPrivate';

export type ScanCommandOptions = Pick<ProbeCommandOptions, ScanProbeOptionName | 'json'> & {
  concurrency: number;
  perHost: number;
  fromRegistry?: boolean;
  registry?: string;
  limit?: number;
  /** --html: where to write the page of results. */
  html?: string;
  /** --shard i/n: only the targets of slice i (by a hash of each target's agent, else its URL). */
  shard?: Shard;
  /** --exit-zero: failing targets do not make the exit code 1. */
  exitZero?: boolean;
  /** --workers: threads running the probes (default 1: this thread, with the signer's own thread). */
  workers?: number;
  /** --full-reports: each NDJSON line is the whole report, as `check --json` prints it. */
  fullReports?: boolean;
};

/** Exit code of a scan stopped by Ctrl-C or SIGTERM (128 + SIGINT, as shells report it). */
const INTERRUPTED_EXIT_CODE = 130;

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

async function readInput(file: string, stdin: NodeJS.ReadableStream): Promise<string> {
  if (file === '-') return readStream(stdin);
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read scan input ${JSON.stringify(file)}${code ? ` (${code})` : ''}`);
  }
}

/** The registry's scan list; in pretty mode, a line saying what was found and left out. */
async function fromRegistry(options: ScanCommandOptions, output: CommandOutput, io: CliIO): Promise<ScanTarget[]> {
  const [{ resolveRegistryRpc }, { DEFAULT_REGISTRY_CHAIN_ID }, { registryTargets }] = await Promise.all([
    import('../registry/resolveRpc.js'),
    import('../registry/abi.js'),
    import('../scan/registryTargets.js'),
  ]);
  const rpcUrl = await resolveRegistryRpc({ rpc: options.rpc, chainId: DEFAULT_REGISTRY_CHAIN_ID, timeoutMs: Math.min(options.timeout, 5_000) });
  const progress = output.progress();
  const found = await registryTargets({
    rpcUrl,
    registry: options.registry as `0x${string}` | undefined,
    limit: options.limit,
    timeoutMs: options.timeout,
    ipfsGateway: options.ipfsGateway,
    allowPrivate: options.allowPrivate,
    shard: options.shard,
    onProgress: (p) => progress.update(p.phase === 'enumerate' ? `reading the registry: ${p.done} agents` : `reading registration files: ${p.done}/${p.total}`),
  }).finally(() => progress.stop());
  if (!output.json) {
    const left = Object.entries(found.excluded).map(([why, n]) => `${n} ${why}`).join(', ');
    const shard = options.shard ? ` (shard ${options.shard.index}/${options.shard.count}: ${found.agentsInShard} of them)` : '';
    io.stdout(`Registry eip155:${found.chainId}:${found.registry}: ${found.agents} agent(s)${shard}, ${found.targets.length} x402 endpoint(s) to scan${left ? `; left out: ${left}` : ''}\n\n`);
  }
  return found.targets;
}

/** A list's targets, cut to the shard asked for; in pretty mode, a line saying how many that left. */
function listTargets(all: ScanTarget[], shard: Shard | undefined, output: CommandOutput, io: CliIO): ScanTarget[] {
  const targets = selectShard(all, shard);
  if (shard && !output.json) io.stdout(`Shard ${shard.index}/${shard.count}: ${targets.length} of ${all.length} target(s)\n\n`);
  return targets;
}

/** One NDJSON line: the report (each check's per-target part only unless `full`), or (never expected) the probe's own failure. */
export function ndjsonLine(result: ScanResult, full = true): string {
  if (result.line !== undefined) return result.line;
  if (result.report) return scanLine(result.report, full);
  return `${JSON.stringify({ tool: 'x402-probe', target: result.target.url, verdict: 'fail', error: `internal error: ${result.error}` })}\n`;
}

function findings(report: BriefReport, status: 'fail' | 'warn'): string[] {
  return report.checks.filter((c) => c.status === status).map((c) => c.id);
}

export function prettyLine(result: ScanResult, color: boolean): string {
  const c = createColors(color);
  const report = result.report ?? result.brief;
  if (!report) return `${c.red('ERROR')} ${result.target.url}  ${c.dim(`internal error: ${result.error}`)}\n`;
  const failed = findings(report, 'fail');
  const warned = findings(report, 'warn');
  const mark = report.verdict === 'pass' ? c.green('PASS ') : c.red('FAIL ');
  const parts = [failed.length ? c.red(failed.join(', ')) : '', warned.length ? c.yellow(`warn: ${warned.join(', ')}`) : ''].filter(Boolean);
  const agent = result.target.agent ? c.dim(` (agent ${result.target.agent.split(':').pop()})`) : '';
  return `${mark} ${report.target}${agent}  ${parts.join('  ')}${parts.length ? '  ' : ''}${c.dim(`${report.durationMs} ms`)}\n`;
}

/**
 * `x402-probe scan`: read the list (every line checked first), probe each URL through one
 * shared pool, stream one line per target, then the summary table. With --json stdout carries
 * NDJSON only. `stdin` is where `-` reads from.
 */
export async function runScan(file: string | undefined, options: ScanCommandOptions, io: CliIO, stdin: NodeJS.ReadableStream = process.stdin): Promise<number> {
  if (options.fromRegistry && file !== undefined) throw new UsageError('scan takes a file of URLs or --from-registry, not both');
  if (!options.fromRegistry && file === undefined) throw new UsageError('scan needs a file of URLs (- for standard input) or --from-registry');
  if (!options.fromRegistry && (options.registry || options.limit || options.ipfsGateway)) throw new UsageError('--registry, --limit and --ipfs-gateway only apply with --from-registry');
  if ((options.workers ?? 1) > 1) assertOptionalPackages('scanWorkers');
  const output = commandOutput(options, io);
  const pages = options.html ? await import('./htmlPages.js') : undefined;
  if (pages && options.html) await pages.checkHtmlTarget(options.html);
  const targets = options.fromRegistry ? await fromRegistry(options, output, io) : listTargets(parseTargets(await readInput(file!, stdin)), options.shard, output, io);
  if (targets.length === 0) {
    if (!output.json) io.stdout('No x402 service endpoints to scan.\n');
    return 0;
  }
  const { json } = output;
  const progress = output.progress();
  const stop = new AbortController();
  void io.waitForInterrupt().then(() => stop.abort());
  const clearSpinner = output.spinner ? () => io.stderr('\r\x1b[2K') : () => {};
  progress.update(`scanning ${targets.length} target(s)`);
  const rows: import('./htmlPages.js').ScanRow[] = [];
  const lines = batchedWriter(io.stdout);
  const { summary, interrupted } = await scanTargets({
    targets,
    concurrency: options.concurrency,
    perHost: options.perHost,
    signal: stop.signal,
    // One thread (plus the signing thread) until workers measure faster: on the 2-core bench machine 2 piscina workers spent ~9 ms of CPU per endpoint against ~6, and peaked at 285 MB.
    workers: options.workers ?? 1,
    fullReports: Boolean(pages),
    fullLines: Boolean(options.fullReports),
    // The same mapping as check; maxAmount is a --pay limit, and scan never pays.
    // Discovery is per origin, not per URL: `discover --probe` reads it once for a whole origin.
    probe: { ...probeOptionsFromCli({ ...options, maxAmount: '0' }), discovery: false },
    onResult: (result, p) => {
      if (pages) rows.push(pages.scanRow(result));
      if (json) {
        lines.write(ndjsonLine(result, Boolean(options.fullReports)));
        return;
      }
      clearSpinner();
      io.stdout(prettyLine(result, output.color));
      progress.update(`scanned ${p.done}/${p.total} · ${p.failed} failed · ${p.inFlight} in flight${stop.signal.aborted ? ' · stopping' : ''}`);
    },
  }).finally(() => {
    lines.flush();
    progress.stop();
  });
  if (pages && options.html) {
    await pages.writeHtmlPage(options.html, pages.scanPage(rows, summary));
    output.note(`HTML page written to ${options.html}`);
  }
  if (!json) io.stdout(`\n${renderSummary(summary, { color: output.color, interrupted, total: targets.length })}`);
  if (interrupted) return INTERRUPTED_EXIT_CODE;
  return summary.failed > 0 && !options.exitZero ? 1 : 0;
}
