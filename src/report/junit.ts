import { otherFindings, type Report } from './types.js';

const escapeXml = (text: string): string =>
  text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!)
    // XML 1.0 forbids most control characters, which a hostile seller's body can contain.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '�');

/** The fail and warn findings besides the headline, as lines of a failure or system-out text ('' for none). */
function alsoFound(c: Report['checks'][number]): string {
  const others = otherFindings(c);
  if (others.length === 0) return '';
  return `Also found:${others.map((f) => `\n- ${f.status}: ${f.message}${f.evidence ? ` (evidence: ${f.evidence})` : ''}`).join('')}`;
}

/** JUnit XML: one testsuite per area, one testcase per check; warn is a pass with system-out. */
export function render(report: Report): string {
  const areas = new Map<string, Report['checks']>();
  for (const c of report.checks) {
    const area = c.id.split('.')[0];
    areas.set(area, [...(areas.get(area) ?? []), c]);
  }
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const failures = report.checks.filter((c) => c.status === 'fail' || (report.strict && c.status === 'warn')).length;
  const skipped = report.checks.filter((c) => c.status === 'skip').length;
  lines.push(`<testsuites name="x402-probe ${escapeXml(report.target)}" tests="${report.checks.length}" failures="${failures}" skipped="${skipped}" time="${(report.durationMs / 1000).toFixed(3)}">`);
  for (const [area, checks] of areas) {
    const f = checks.filter((c) => c.status === 'fail' || (report.strict && c.status === 'warn')).length;
    const s = checks.filter((c) => c.status === 'skip').length;
    lines.push(`  <testsuite name="${escapeXml(area)}" tests="${checks.length}" failures="${f}" skipped="${s}">`);
    for (const c of checks) {
      const open = `    <testcase classname="x402-probe.${escapeXml(area)}" name="${escapeXml(`${c.id}: ${c.title}`)}"`;
      const failing = c.status === 'fail' || (report.strict && c.status === 'warn');
      if (failing) {
        const body = [c.message, c.evidence ? `Evidence: ${c.evidence}` : '', alsoFound(c), `Fix: ${c.fix}`, `Docs: ${c.docsUrl}`].filter(Boolean).join('\n');
        lines.push(`${open}>`, `      <failure message="${escapeXml(c.message)}" type="${escapeXml(c.severity)}">${escapeXml(body)}</failure>`, '    </testcase>');
      } else if (c.status === 'skip') {
        lines.push(`${open}>`, `      <skipped message="${escapeXml(c.message)}"/>`, '    </testcase>');
      } else if (c.status === 'warn') {
        lines.push(`${open}>`, `      <system-out>${escapeXml(`warning: ${c.message}${c.evidence ? `\nEvidence: ${c.evidence}` : ''}${alsoFound(c) ? `\n${alsoFound(c)}` : ''}\nFix: ${c.fix}`)}</system-out>`, '    </testcase>');
      } else {
        lines.push(`${open}/>`);
      }
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}
