import { otherFindings, type CheckResult, type Report } from './types.js';
import { escapeUnsafeText } from '../util/unsafeText.js';

// Controls and bidi overrides are shown as escapes, never raw (as in the pretty report).

function visible(text: string): string {
  return escapeUnsafeText(text, { keep: '\t\n\r', unicode: true });
}

/**
 * Seller text as inline Markdown: one line, HTML markup as entities (GitHub renders raw HTML in
 * summaries and comments), Markdown punctuation backslash-escaped so it cannot make links,
 * images, emphasis or table cells, and `://` broken so a URL never autolinks.
 */
export function inline(text: string): string {
  return visible(text)
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_{}[\]()#+\-.!|~"':@]/g, (ch) => `\\${ch}`);
}

/** A fenced block whose fence is longer than any backtick run inside, so the text cannot close it. */
export function codeBlock(text: string): string {
  const longest = Math.max(0, ...(visible(text).match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}text\n${visible(text).replace(/\r\n|\r/g, '\n')}\n${fence}`;
}

/** One line of code: a backtick fence longer than any run inside; code spans show HTML as text. */
function codeSpan(text: string): string {
  const line = visible(text).replace(/\r\n|\r|\n/g, ' ');
  const longest = Math.max(0, ...(line.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence} ${line} ${fence}`;
}

/** An http(s) URL of ours (docs, spec) as a link; anything else as plain escaped text. */
function docLink(url: string, label: string): string {
  return /^https?:\/\/[^\s()<>[\]]+$/.test(url) ? `[${inline(label)}](${url})` : inline(url);
}

const MARK: Record<CheckResult['status'], string> = { fail: '❌', warn: '⚠️', pass: '✅', skip: '➖' };

function finding(check: CheckResult): string[] {
  const out = [`### ${MARK[check.status]} \`${check.id}\`: ${inline(check.title)}`, '', inline(check.message)];
  if (check.evidence) out.push('', '**Evidence**', '', codeBlock(check.evidence));
  const others = otherFindings(check);
  if (others.length) {
    out.push('', `**Also found (${others.length})**`, '');
    for (const f of others) out.push(`- ${MARK[f.status]} ${inline(f.message)}${f.evidence ? ` (evidence: ${codeSpan(f.evidence)})` : ''}`);
  }
  out.push('', `**Fix:** ${inline(check.fix)}`, '', `Docs: ${docLink(check.docsUrl, `checks.md#${check.id}`)}`);
  return out;
}

/**
 * Markdown for a job summary or a PR comment: the verdict, then failures and warnings, each with
 * evidence, fix and docs link; the requirements; passes and skips in collapsed lists.
 */
export function render(report: Report): string {
  const { pass, fail, warn, skip } = report.summary;
  const failingIds = report.checks.filter((c) => c.status === 'fail' || (report.strict && c.status === 'warn')).map((c) => `\`${c.id}\``);
  const verdict = report.verdict === 'pass' ? '✅ PASS' : '❌ FAIL';
  const out = [
    `## x402-probe: ${verdict} for ${inline(report.target)}`,
    '',
    `${fail} failed, ${warn} warnings, ${pass} passed, ${skip} skipped${report.strict ? ' (strict: warnings fail)' : ''} · ${report.method} · ${report.x402Version ? `x402 v${report.x402Version}` : 'no x402 challenge'} · ${report.durationMs} ms`,
  ];
  if (failingIds.length) out.push('', `Failing: ${failingIds.join(', ')}`);
  if (report.deadline?.exceeded) out.push('', `**Deadline:** the run deadline (${report.deadline.ms} ms) passed${report.deadline.cut.length ? `; it cut ${report.deadline.cut.map(inline).join(', ')}` : ''}.`);
  for (const check of [...report.checks.filter((c) => c.status === 'fail'), ...report.checks.filter((c) => c.status === 'warn')]) out.push('', ...finding(check));
  if (report.requirements.length) {
    out.push('', '### Requirements', '', '| # | scheme | network | price | payTo | asset | timeout (s) |', '|---:|---|---|---|---|---|---:|');
    for (const r of report.requirements) {
      const price = r.price !== null ? `${r.price} ${r.symbol ?? 'units'}` : `${r.amount ?? '?'} atomic`;
      out.push(`| ${r.index} | ${inline(r.scheme ?? '?')} | ${inline(r.network ?? '?')} | ${inline(price)} | ${inline(r.payTo ?? '?')} | ${inline(r.asset ?? '?')} | ${r.maxTimeoutSeconds ?? '?'} |`);
    }
  }
  for (const [status, label] of [['pass', 'passed'], ['skip', 'skipped']] as const) {
    const checks = report.checks.filter((c) => c.status === status);
    if (checks.length === 0) continue;
    out.push('', `<details><summary>${checks.length} ${label} check${checks.length === 1 ? '' : 's'}</summary>`, '');
    for (const c of checks) out.push(`- ${MARK[status]} \`${c.id}\`: ${inline(c.message)}`);
    out.push('', '</details>');
  }
  return `${out.join('\n')}\n`;
}
