import type { Report } from './types.js';

// Workflow commands: data escapes %, CR, LF; properties also escape : and ,.
const data = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const prop = (s: string): string => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** GitHub Actions annotations: `::error` for each failing finding, `::warning` for each warning, then a summary line. */
export function render(report: Report): string {
  const lines: string[] = [];
  for (const c of report.checks) {
    if (c.status !== 'fail' && c.status !== 'warn') continue;
    // One annotation per finding: each bad requirement of a check is its own line in the run.
    for (const f of c.findings.filter((finding) => finding.status === 'fail' || finding.status === 'warn')) {
      const level = f.status === 'fail' || report.strict ? 'error' : 'warning';
      const text = `${f.message}${f.evidence ? `\nEvidence: ${f.evidence}` : ''}\nFix: ${c.fix}\n${c.docsUrl}`;
      lines.push(`::${level} title=${prop(`${c.id}: ${c.title}`)}::${data(text)}`);
    }
  }
  const { pass, fail, warn, skip } = report.summary;
  lines.push(`x402-probe ${report.target}: ${report.verdict} (${pass} passed, ${fail} failed, ${warn} warnings, ${skip} skipped)`);
  return `${lines.join('\n')}\n`;
}
