import { describe, expect, it } from 'vitest';
import { fixtureReport, HOSTILE_EVIDENCE, manyFindingsReport } from '../../test/helpers/report.js';
import { render } from './html.js';

describe('html reporter', () => {
  it('renders the fixture', () => {
    expect(render(fixtureReport({ timings: { unpaid: 12, challenge: 1 } }))).toMatchSnapshot();
  });

  it('puts what is wrong before the requirements and folds the passes away', () => {
    const html = render(fixtureReport());
    expect(html.indexOf('id="failures"')).toBeLessThan(html.indexOf('id="requirements"'));
    expect(html.indexOf('check-challenge.decode')).toBeLessThan(html.indexOf('check-cors.expose-headers'));
    expect(html).toMatch(/<details><summary>2 passed checks<\/summary>/);
    expect(html).toContain('Failing: <code>challenge.decode</code>');
  });

  it('carries no seller markup, control character or script, and no external resource', () => {
    const html = render(manyFindingsReport(3, { target: 'https://x.example/"><script>alert(1)</script>' }));
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/);
    expect(html).toContain("script-src 'none'");
    expect(html).not.toMatch(/(src|href)="(?!https:\/\/github\.com\/)/);
    expect(HOSTILE_EVIDENCE).toContain('<script>');
  });

  it('never makes a link of a javascript: URL, even in a docs or spec field', () => {
    const report = fixtureReport();
    report.checks[1] = { ...report.checks[1], docsUrl: 'javascript:alert(1)', specRef: 'JaVaScRiPt:alert(2)' };
    const html = render(report);
    expect(html).not.toMatch(/href="[^"]*script:/i);
    expect(html).toContain('Docs: javascript:alert(1)');
  });
});
