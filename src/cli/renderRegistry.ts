import { createColors } from 'picocolors';
import type { CheckResult } from '../report/types.js';
import type { AgentInspection } from '../engine/inspectAgent.js';
import type { MarketResult } from '../registry/market.js';
import type { TrustReads } from '../registry/readTrust.js';
import { validateRegistrationFile } from '../registry/validateRegistrationFile.js';
import { escapeUnsafeText } from '../util/unsafeText.js';

export interface RenderOptions {
  color?: boolean;
  /** Also list skipped checks. */
  verbose?: boolean;
  /** The time validation ages are counted to (unix seconds; default now). */
  nowSeconds?: number;
}

/** "3m", "2h", "5d": how long ago a unix-seconds time was. */
export function age(seconds: string, nowSeconds: number): string {
  const delta = Math.max(0, nowSeconds - Number(seconds));
  if (delta < 60) return `${delta}s`;
  if (delta < 3600) return `${Math.floor(delta / 60)}m`;
  if (delta < 86_400) return `${Math.floor(delta / 3600)}h`;
  return `${Math.floor(delta / 86_400)}d`;
}

function renderTrust(t: TrustReads, c: ReturnType<typeof createColors>, nowSeconds: number): string[] {
  const out = [c.bold('Validations')];
  if (t.validationError) out.push(`  ${c.yellow('!')} Validation registry ${t.validationRegistry} unreadable: ${visible(t.validationError)}`);
  else if (t.validationDeployed === false) out.push(`  ${c.dim(`no Validation registry on this chain (at ${t.validationRegistry}): normal, it is not deployed everywhere yet`)}`);
  else if (t.validations.length === 0) out.push(`  ${c.dim('none')}`);
  for (const v of t.validations) {
    const evidence = v.hashMatches === true ? c.green('evidence matches') : v.hashMatches === false ? c.red('evidence does NOT match responseHash') : c.dim(v.evidenceError ?? 'evidence not checked');
    const response = v.response === null ? c.dim('requested, no response yet') : `response ${v.response}`;
    out.push(`  ${v.validator}  ${response}  ${visible(v.tag || '(no tag)')}  ${v.lastUpdate ? `${age(v.lastUpdate, nowSeconds)} ago` : ''}  ${evidence}`);
  }
  if (t.validationsOmitted > 0) out.push(`  ${c.dim(`… and ${t.validationsOmitted} older`)}`);
  out.push('', c.bold('Reputation'));
  if (t.reputationError) out.push(`  ${c.yellow('!')} Reputation registry ${t.reputationRegistry} unreadable: ${visible(t.reputationError)}`);
  else if (t.reputationDeployed === false) out.push(`  ${c.dim(`no Reputation registry on this chain (at ${t.reputationRegistry})`)}`);
  else if (t.reputation) {
    const r = t.reputation;
    out.push(`  feedback     ${r.count} from ${r.clients} client${r.clients === 1 ? '' : 's'}${r.average === null ? '' : `, average ${r.average}`}`);
    for (const f of r.recent) out.push(`  recent       ${f.value}  ${visible([f.tag1, f.tag2].filter(Boolean).join(' / ') || '(no tags)')}  from ${f.client} #${f.index}`);
  }
  return out;
}


/** Registration files are written by anyone: show their control characters as escapes, never raw. */
export function visible(text: string): string {
  return escapeUnsafeText(text, { keep: '\t' });
}

function clipped(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** `registry show`, for people. */
export function renderInspection(result: AgentInspection, options: RenderOptions = {}): string {
  const c = createColors(options.color ?? false);
  const a = result.registryAgent;
  const out: string[] = [`${c.bold('ERC-8004 agent')} ${result.agent}`];
  out.push(`  owner        ${a.owner ?? c.dim(a.ownerError ?? 'unknown')}`);
  out.push(`  agent wallet ${a.agentWallet ?? c.dim(a.agentWalletError ?? 'unknown')}`);
  out.push(`  agentURI     ${result.fileUri === null ? c.dim(a.tokenURIError ?? a.rpcError ?? 'unknown') : visible(clipped(result.fileUri || '(empty)', 100))}`);
  const v = result.file === null ? null : validateRegistrationFile(result.file);
  if (v?.document) {
    out.push('', c.bold('Registration file'));
    out.push(`  name         ${visible(String(v.name ?? '(none)'))}`);
    if (typeof v.document.description === 'string') out.push(`  description  ${visible(clipped(v.document.description, 100))}`);
    out.push(`  x402Support  ${String(v.x402Support)}${v.x402SupportField === 'x402support' ? c.dim(' (as x402support)') : ''}    active ${String(v.active)}`);
    for (const s of v.services) out.push(`  service      ${visible(String(s.name ?? '?'))}: ${visible(clipped(String(s.endpoint ?? '?'), 100))}`);
  }
  if (result.trust) out.push('', ...renderTrust(result.trust, c, options.nowSeconds ?? Math.floor(Date.now() / 1000)));
  out.push('', c.bold('Checks'));
  const mark: Record<CheckResult['status'], string> = { pass: c.green('✓'), fail: c.red('✗'), warn: c.yellow('!'), skip: c.dim('-') };
  for (const check of result.checks) {
    if (check.status === 'skip' && !options.verbose) continue;
    out.push(`  ${mark[check.status]} ${check.id}  ${visible(check.message)}`);
    if (check.status === 'fail' || check.status === 'warn') {
      if (check.evidence) out.push(`      ${c.dim('evidence:')} ${visible(check.evidence)}`);
      out.push(`      ${c.dim('fix:')} ${check.fix}`);
    }
  }
  const { pass, fail, warn, skip } = result.summary;
  const verdict = result.verdict === 'pass' ? c.green(c.bold('PASS')) : c.red(c.bold('FAIL'));
  out.push('', `${verdict}  ${fail} failed, ${warn} warnings, ${pass} passed, ${skip} skipped`);
  return `${out.join('\n')}\n`;
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

/** "2 @ 95" validations and their average response; with --validated-by, that validator's. */
function trustCell(trust: MarketResult['services'][number]['trust'], byValidator: boolean): string {
  const v = byValidator ? trust?.validatedBy : trust?.validations;
  if (!v) return trust?.error ? '?' : '-';
  return v.count === 0 ? '0' : `${v.count} @ ${v.average}`;
}

/** `market`, for people: the comparable services, then the recommended band. */
export function renderMarket(result: MarketResult, options: RenderOptions & { model?: string } = {}): string {
  const c = createColors(options.color ?? false);
  const out: string[] = [];
  out.push(`${c.bold('Market')} registry ${result.registry} on chain ${result.chainId}: ${result.agents} agents, ${result.x402Agents} declare x402, ${result.services.length} services probed`);
  const priced = result.services.filter((s) => s.status === 'priced');
  if (priced.length > 0) {
    const rows = priced.map((s) => [
      s.agentId,
      visible(clipped(s.agentName ?? '?', 28)),
      s.type,
      visible(clipped(s.model ?? '-', 20)),
      `${s.perRequest} ${s.symbol}`,
      s.perMTok !== null ? `${s.perMTok} ${s.symbol}` : '-',
      trustCell(s.trust, result.validatedBy !== null),
      s.trust?.reputation ? `${s.trust.reputation.count}${s.trust.reputation.average === null ? '' : ` @ ${s.trust.reputation.average}`}` : '-',
      visible(clipped(s.endpoint, 60)),
    ]);
    const head = ['agent', 'name', 'type', 'model', 'per request', 'per 1M tokens', result.validatedBy ? 'validated (by)' : 'validations', 'feedback', 'endpoint'];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    out.push('', c.bold(head.map((h, i) => pad(h, widths[i])).join('  ').trimEnd()));
    for (const r of rows) out.push(r.map((cell, i) => pad(cell, widths[i])).join('  ').trimEnd());
  }
  const unpriced = result.services.filter((s) => s.status !== 'priced');
  if (unpriced.length > 0) {
    out.push('', c.dim(`${unpriced.length} services gave no price:`));
    for (const s of unpriced.slice(0, 10)) out.push(c.dim(`  agent ${s.agentId} ${visible(clipped(s.endpoint, 60))}: ${s.status}${s.httpStatus !== null && s.status === 'not-402' ? ` (HTTP ${s.httpStatus})` : ''}`));
    if (unpriced.length > 10) out.push(c.dim(`  … and ${unpriced.length - 10} more`));
  }
  if (result.validationDeployed === false) out.push('', c.dim('No Validation registry on this chain: normal, it is not deployed everywhere yet.'));
  const excluded = Object.entries(result.excluded).filter(([reason]) => !reason.startsWith('endpoint '));
  if (excluded.length > 0) out.push('', c.dim(`Left out: ${excluded.map(([reason, n]) => `${n} ${reason}`).join(', ')}`));
  out.push('', c.bold(`Recommended price band${options.model ? ` for ${visible(options.model)}` : ''}`));
  if (result.band) {
    const b = result.band;
    out.push(`  per request:   ${c.bold(`${b.q1} – ${b.q3} ${b.symbol}`)} (median ${b.median}; range ${b.min} – ${b.max}; from ${b.count} service${b.count === 1 ? '' : 's'})`);
  } else {
    out.push('  no priced services to compare');
  }
  if (result.bandPerMTok) {
    const b = result.bandPerMTok;
    out.push(`  per 1M tokens: ${c.bold(`${b.q1} – ${b.q3} ${b.symbol}`)} (median ${b.median}; from ${b.count} service${b.count === 1 ? '' : 's'})`);
  }
  if (result.band && result.band.count < 3) out.push(c.yellow(`  only ${result.band.count} comparable service${result.band.count === 1 ? '' : 's'}: treat the band as a hint`));
  out.push(c.dim('  x402-probe recommends; it never sets a price.'));
  return `${out.join('\n')}\n`;
}
