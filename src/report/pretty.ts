import { createColors } from 'picocolors';
import { otherFindings, type CheckResult, type Report } from './types.js';

export interface PrettyOptions {
  /** ANSI colour (the CLI turns it off for NO_COLOR, TERM=dumb and non-TTY output). */
  color?: boolean;
  /** Also list skipped checks with their reasons. */
  verbose?: boolean;
}

const AREA_TITLES: Record<string, string> = {
  http: 'HTTP',
  challenge: 'Payment challenge',
  req: 'Payment requirements',
  cors: 'CORS',
  cache: 'Caching',
  pay: 'Payments',
  registry: 'ERC-8004 registry',
  offer: 'ServiceOffer',
};

function short(address: string | null): string {
  return address && address.length === 42 ? `${address.slice(0, 6)}…${address.slice(-4)}` : (address ?? '?');
}

// Controls (ESC and C1 CSI start terminal sequences; CR overwrites lines) and bidi overrides.
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Sellers control evidence and messages: show their control characters as escapes, never raw. */
function visible<T>(value: T): T {
  if (typeof value === 'string') {
    return value.replace(UNSAFE, (ch) => {
      const code = ch.charCodeAt(0);
      return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
    }) as T;
  }
  if (Array.isArray(value)) return value.map(visible) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, visible(v)])) as T;
  return value;
}

/** How many findings besides the headline a failing check lists; `--json` carries them all. */
const MORE_FINDINGS = 5;

/** Human report: grouped by area, each failure and warning with its evidence, fix and docs link. */
export function render(untrusted: Report, options: PrettyOptions = {}): string {
  const report = visible(untrusted);
  const c = createColors(options.color ?? false);
  const mark: Record<CheckResult['status'], string> = { pass: c.green('✓'), fail: c.red('✗'), warn: c.yellow('!'), skip: c.dim('-') };
  const out: string[] = [];
  const version = report.x402Version ? `x402 v${report.x402Version}` : 'no x402 challenge';
  out.push(`${c.bold('x402-probe')} ${report.version}  ${c.bold(report.target)}  ${c.dim(`(${report.method}, ${version}, ${report.durationMs} ms)`)}`);

  if (report.requirements.length > 0) {
    out.push('', c.bold('Requirements'));
    for (const r of report.requirements) {
      const price = r.price !== null ? `${r.price} ${r.symbol ?? 'units'}` : `${r.amount ?? '?'} atomic`;
      out.push(`  #${r.index} ${r.scheme ?? '?'} on ${r.network ?? '?'}: ${c.bold(price)} to ${short(r.payTo)} ${c.dim(`(asset ${short(r.asset)}, timeout ${r.maxTimeoutSeconds ?? '?'}s)`)}`);
    }
  }

  const areas = new Map<string, CheckResult[]>();
  for (const check of report.checks) {
    if (check.status === 'skip' && !options.verbose) continue;
    const area = check.id.split('.')[0];
    areas.set(area, [...(areas.get(area) ?? []), check]);
  }
  for (const [area, checks] of areas) {
    out.push('', c.bold(AREA_TITLES[area] ?? area));
    for (const check of checks) {
      const id = check.status === 'fail' ? c.red(check.id) : check.status === 'warn' ? c.yellow(check.id) : check.id;
      out.push(`  ${mark[check.status]} ${id}  ${check.status === 'pass' || check.status === 'skip' ? c.dim(check.message) : check.message}`);
      if (check.status === 'fail' || check.status === 'warn') {
        if (check.evidence) out.push(`      ${c.dim('evidence:')} ${check.evidence}`);
        const others = otherFindings(check);
        for (const f of others.slice(0, MORE_FINDINGS)) {
          out.push(`      ${mark[f.status]} ${f.message}`);
          if (f.evidence) out.push(`        ${c.dim('evidence:')} ${f.evidence}`);
        }
        if (others.length > MORE_FINDINGS) out.push(`      ${c.dim(`… and ${others.length - MORE_FINDINGS} more (--json lists every finding)`)}`);
        out.push(`      ${c.dim('fix:')} ${check.fix}`);
        out.push(`      ${c.dim('docs:')} ${c.dim(check.docsUrl)}`);
      }
    }
  }

  const deadline = report.deadline;
  if (deadline?.exceeded) {
    const cut = deadline.cut.length ? `cut ${c.red(deadline.cut.join(', '))}` : 'after the last exchange';
    out.push('', `${c.bold('Deadline')}  the run deadline (${deadline.ms} ms) passed: ${cut} ${c.dim('(--deadline sets it)')}`);
  }

  const { pass, fail, warn, skip } = report.summary;
  const verdict = report.verdict === 'pass' ? c.green(c.bold('PASS')) : c.red(c.bold('FAIL'));
  const hidden = !options.verbose && skip > 0 ? c.dim(' (-v lists skipped checks)') : '';
  out.push('', `${verdict}  ${fail} failed, ${warn} warnings, ${pass} passed, ${skip} skipped${report.strict ? ' (strict: warnings fail)' : ''}${hidden}`);
  return `${out.join('\n')}\n`;
}
