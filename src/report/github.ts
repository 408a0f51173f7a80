import type { Report } from './types.js';

// Workflow commands: data escapes %, CR, LF; properties also escape : and ,.
const data = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const prop = (s: string): string => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** GitHub Actions annotations: `::error` for failures, `::warning` for warnings, then a summary line. */
export function render(report: Report): string {
  const lines: string[] = [];
  for (const c of report.checks) {
    if (c.status !== 'fail' && c.status !== 'warn') continue;
    const level = c.status === 'fail' || report.strict ? 'error' : 'warning';
    const text = `${c.message}${c.evidence ? `\nEvidence: ${c.evidence}` : ''}\nFix: ${c.fix}\n${c.docsUrl}`;
    lines.push(`::${level} title=${prop(`${c.id}: ${c.title}`)}::${data(text)}`);
  }
  const { pass, fail, warn, skip } = report.summary;
  lines.push(`x402-probe ${report.target}: ${report.verdict} (${pass} passed, ${fail} failed, ${warn} warnings, ${skip} skipped)`);
  return `${lines.join('\n')}\n`;
}
