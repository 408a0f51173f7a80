import { createColors } from 'picocolors';
import { otherFindings, type CheckResult, type Report } from './types.js';
import { escapeUnsafeText } from '../util/unsafeText.js';

export interface PrettyOptions {
  /** ANSI colour (the CLI turns it off for NO_COLOR, TERM=dumb and non-TTY output). */
  color?: boolean;
  /** Also list each passing check by area, and each skipped check with why it skipped. */
  verbose?: boolean;
  /** Print only the verdict line (counts and the failing and warning check ids). */
  quiet?: boolean;
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


/** Sellers control evidence and messages: show their control characters as escapes, never raw. */
function visible<T>(value: T): T {
  if (typeof value === 'string') {
    return escapeUnsafeText(value, { keep: '\t' }) as T;
  }
  if (Array.isArray(value)) return value.map(visible) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, visible(v)])) as T;
  return value;
}

/** How many findings besides the headline a failing check lists; `--json` carries them all. */
const MORE_FINDINGS = 5;

type Colors = ReturnType<typeof createColors>;

/**
 * The last line, and all of --quiet: the verdict, the counts, then the failing check ids and the
 * warnings' ids, as each line of `scan` names them.
 */
function verdictLine(report: Report, c: Colors): string {
  const { pass, fail, warn, skip } = report.summary;
  const verdict = report.verdict === 'pass' ? c.green(c.bold('PASS')) : c.red(c.bold('FAIL'));
  const failed = report.checks.filter((check) => check.status === 'fail').map((check) => check.id);
  const warned = report.checks.filter((check) => check.status === 'warn').map((check) => check.id);
  const ids = [failed.length ? c.red(failed.join(', ')) : '', warned.length ? c.yellow(`warn: ${warned.join(', ')}`) : ''].filter(Boolean).join('  ');
  return `${verdict}  ${fail} failed, ${warn} warnings, ${pass} passed, ${skip} skipped${report.strict ? ' (strict: warnings fail)' : ''}${ids ? `  ${ids}` : ''}`;
}

/** A failing or warning check: its headline, evidence, other findings, fix and docs link. */
function problem(check: CheckResult, c: Colors, mark: Record<CheckResult['status'], string>): string[] {
  const out = [`  ${mark[check.status]} ${check.status === 'fail' ? c.red(check.id) : c.yellow(check.id)}  ${check.message}`];
  if (check.evidence) out.push(`      ${c.dim('evidence:')} ${check.evidence}`);
  const others = otherFindings(check);
  for (const f of others.slice(0, MORE_FINDINGS)) {
    out.push(`      ${mark[f.status]} ${f.message}`);
    if (f.evidence) out.push(`        ${c.dim('evidence:')} ${f.evidence}`);
  }
  if (others.length > MORE_FINDINGS) out.push(`      ${c.dim(`… and ${others.length - MORE_FINDINGS} more (--json lists every finding)`)}`);
  out.push(`      ${c.dim('fix:')} ${check.fix}`);
  out.push(`      ${c.dim('docs:')} ${c.dim(check.docsUrl)}`);
  return out;
}

/** Checks of one status grouped under their area's title (what -v adds). */
function byArea(checks: CheckResult[], c: Colors, mark: Record<CheckResult['status'], string>): string[] {
  const areas = new Map<string, CheckResult[]>();
  for (const check of checks) {
    const area = check.id.split('.')[0];
    areas.set(area, [...(areas.get(area) ?? []), check]);
  }
  const out: string[] = [];
  for (const [area, list] of areas) {
    out.push(`  ${c.bold(AREA_TITLES[area] ?? area)}`);
    for (const check of list) out.push(`    ${mark[check.status]} ${check.id}  ${c.dim(check.message)}`);
  }
  return out;
}

/**
 * Human report that leads with what is wrong: failures, then warnings, each with evidence, fix
 * and docs link; passing and skipped checks are one count unless verbose (then listed by area,
 * skips with their reasons); the last line is the verdict naming the failing ids. `quiet`
 * prints only that line.
 */
export function render(untrusted: Report, options: PrettyOptions = {}): string {
  const report = visible(untrusted);
  const c = createColors(options.color ?? false);
  if (options.quiet) return `${verdictLine(report, c)}\n`;
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

  const of = (status: CheckResult['status']) => report.checks.filter((check) => check.status === status);
  const [fails, warns, passes, skips] = [of('fail'), of('warn'), of('pass'), of('skip')];
  if (fails.length) out.push('', c.bold(c.red(`Failed (${fails.length})`)), ...fails.flatMap((check) => problem(check, c, mark)));
  if (warns.length) out.push('', c.bold(c.yellow(`Warnings (${warns.length})`)), ...warns.flatMap((check) => problem(check, c, mark)));
  if (options.verbose) {
    if (passes.length) out.push('', c.bold(`Passed (${passes.length})`), ...byArea(passes, c, mark));
    if (skips.length) out.push('', c.bold(`Skipped (${skips.length})`), ...byArea(skips, c, mark));
  } else if (passes.length + skips.length > 0) {
    out.push('', `${mark.pass} ${passes.length} check${passes.length === 1 ? '' : 's'} passed, ${skips.length} skipped ${c.dim('(-v lists them, and why each skipped)')}`);
  }

  const deadline = report.deadline;
  if (deadline?.exceeded) {
    const cut = deadline.cut.length ? `cut ${c.red(deadline.cut.join(', '))}` : 'after the last exchange';
    out.push('', `${c.bold('Deadline')}  the run deadline (${deadline.ms} ms) passed: ${cut} ${c.dim('(--deadline sets it)')}`);
  }

  out.push('', verdictLine(report, c));
  return `${out.join('\n')}\n`;
}
