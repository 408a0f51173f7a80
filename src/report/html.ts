import { esc, link, page } from './htmlKit.js';
import { otherFindings, type CheckResult, type Report } from './types.js';

const STATUS_WORD: Record<CheckResult['status'], string> = { pass: 'passed', fail: 'failed', warn: 'warning', skip: 'skipped' };

function failing(report: Report, check: CheckResult): boolean {
  return check.status === 'fail' || (report.strict && check.status === 'warn');
}

function evidenceBlock(evidence: string | undefined): string {
  return evidence ? `<div><span class="label">Evidence</span><pre>${esc(evidence)}</pre></div>` : '';
}

function findingCard(check: CheckResult): string {
  const others = otherFindings(check);
  const more = others.length
    ? `<div><span class="label">Also found (${others.length})</span><ul>${others.map((f) => `<li><span class="st-${esc(f.status)}">${esc(f.status)}</span> ${esc(f.message)}${evidenceBlock(f.evidence)}</li>`).join('')}</ul></div>`
    : '';
  return [
    `<article class="finding ${check.status === 'fail' ? 'fail' : 'warn'}" id="check-${esc(check.id)}">`,
    `<h3><span class="status">${esc(check.status)}</span><span class="id">${esc(check.id)}</span> — ${esc(check.title)}</h3>`,
    `<p>${esc(check.message)}</p>`,
    evidenceBlock(check.evidence),
    more,
    `<p><span class="label">Fix</span> ${esc(check.fix)}</p>`,
    `<p class="meta">Docs: ${link(check.docsUrl)}${check.specRef ? ` · Spec: ${link(check.specRef)}` : ''} · severity ${esc(check.severity)}</p>`,
    '</article>',
  ].join('\n');
}

function requirementsTable(report: Report): string {
  if (report.requirements.length === 0) return '<h2>Requirements</h2><p class="meta">No payment requirements were decoded.</p>';
  const rows = report.requirements.map((r) => {
    const price = r.price !== null ? `${r.price} ${r.symbol ?? 'units'}` : `${r.amount ?? '?'} atomic`;
    return `<tr><td class="num">${esc(r.index)}</td><td>${esc(r.scheme ?? '?')}</td><td>${esc(r.network ?? '?')}</td><td>${esc(price)}</td><td><code>${esc(r.payTo ?? '?')}</code></td><td><code>${esc(r.asset ?? '?')}</code></td><td class="num">${esc(r.maxTimeoutSeconds ?? '?')}</td></tr>`;
  });
  return [
    '<h2>Requirements</h2>',
    '<table><thead><tr><th class="num">#</th><th>scheme</th><th>network</th><th>price</th><th>payTo</th><th>asset</th><th class="num">timeout (s)</th></tr></thead>',
    `<tbody>${rows.join('\n')}</tbody></table>`,
  ].join('\n');
}

function checkList(checks: CheckResult[]): string {
  return `<table><tbody>${checks.map((c) => `<tr><td class="st-${esc(c.status)}">${esc(c.status)}</td><td><code>${esc(c.id)}</code></td><td>${esc(c.title)}</td><td class="meta">${esc(c.message)}</td></tr>`).join('\n')}</tbody></table>`;
}

function timingsTable(report: Report): string {
  const entries = Object.entries(report.timings ?? {});
  if (entries.length === 0) return '';
  const longest = Math.max(1, ...entries.map(([, ms]) => ms));
  const rows = entries.map(([name, ms]) => `<tr><td><code>${esc(name)}</code></td><td class="num">${esc(ms)} ms</td><td style="width:50%"><div class="bar" style="width:${Math.max(0.5, (100 * ms) / longest).toFixed(1)}%"></div></td></tr>`);
  return ['<h2>Timings</h2>', `<table><thead><tr><th>gatherer</th><th class="num">time</th><th></th></tr></thead><tbody>${rows.join('\n')}</tbody></table>`].join('\n');
}

/**
 * One self-contained HTML page, in the spirit of Lighthouse's report: the verdict, then what is
 * wrong (failures, then warnings, each with evidence, fix and docs), the requirements, the
 * passing and skipped checks folded away, and the timings. No network and no script.
 */
export function render(report: Report): string {
  const fails = report.checks.filter((c) => c.status === 'fail');
  const warns = report.checks.filter((c) => c.status === 'warn');
  const passes = report.checks.filter((c) => c.status === 'pass');
  const skips = report.checks.filter((c) => c.status === 'skip');
  const failingIds = report.checks.filter((c) => failing(report, c)).map((c) => c.id);
  const { pass, fail, warn, skip } = report.summary;
  const version = report.x402Version ? `x402 v${report.x402Version}` : 'no x402 challenge';
  const chips = (['fail', 'warn', 'pass', 'skip'] as const).map((s) => `<span class="chip ${s}">${{ fail, warn, pass, skip }[s]} ${STATUS_WORD[s]}</span>`).join('');
  const deadline = report.deadline?.exceeded
    ? `<p class="st-fail">The run deadline (${esc(report.deadline.ms)} ms) passed${report.deadline.cut.length ? `: it cut ${esc(report.deadline.cut.join(', '))}` : ''}.</p>`
    : '';
  const attention = [...fails, ...warns];
  const body = [
    '<header>',
    `<div class="verdict ${report.verdict === 'pass' ? 'pass' : 'fail'}" id="verdict">${report.verdict === 'pass' ? 'PASS' : 'FAIL'}</div>`,
    '<div>',
    `<div class="target">${esc(report.target)}</div>`,
    `<div class="meta">${esc(report.method)} · ${esc(version)} · ${esc(report.durationMs)} ms · ${esc(report.startedAt)} · x402-probe ${esc(report.version)}${report.strict ? ' · strict: warnings fail' : ''}</div>`,
    `<div class="counts">${chips}</div>`,
    failingIds.length ? `<div class="meta">Failing: <code>${esc(failingIds.join(', '))}</code></div>` : '',
    '</div>',
    '</header>',
    deadline,
    `<section id="failures"><h2>${attention.length ? `What is wrong (${fails.length} failed, ${warns.length} warning${warns.length === 1 ? '' : 's'})` : 'Nothing is wrong'}</h2>`,
    attention.length ? attention.map(findingCard).join('\n') : '<p class="ok">Every check passed.</p>',
    '</section>',
    `<section id="requirements">${requirementsTable(report)}</section>`,
    `<section id="passed"><details><summary>${passes.length} passed check${passes.length === 1 ? '' : 's'}</summary>${checkList(passes)}</details>`,
    skips.length ? `<details><summary>${skips.length} skipped check${skips.length === 1 ? '' : 's'}</summary>${checkList(skips)}</details>` : '',
    '</section>',
    `<section id="timings">${timingsTable(report)}</section>`,
    `<footer>x402-probe ${esc(report.version)} · a self-contained report: it loads nothing from the network.</footer>`,
  ].join('\n');
  return page(`x402-probe ${report.verdict.toUpperCase()} ${report.target}`, body);
}
