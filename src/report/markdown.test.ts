import { describe, expect, it } from 'vitest';
import { fixtureReport, manyFindingsReport } from '../../test/helpers/report.js';
import { codeBlock, inline, render } from './markdown.js';

describe('markdown reporter', () => {
  it('renders the fixture', () => {
    expect(render(fixtureReport())).toMatchSnapshot();
  });

  it('leads with failures, then warnings, each with evidence, fix and docs; passes collapsed', () => {
    const md = render(fixtureReport());
    const order = ['## x402-probe: ❌ FAIL', 'Failing: `challenge.decode`', '### ❌ `challenge.decode`', '**Evidence**', '**Fix:**', 'Docs: [', '### ⚠️ `cors.expose-headers`', '### Requirements', '<details><summary>2 passed checks</summary>', '<details><summary>1 skipped check</summary>'];
    const at = order.map((s) => md.indexOf(s));
    expect(at.every((i) => i >= 0), JSON.stringify(at)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(md).toContain('(https://github.com/x402-probe/x402-probe/blob/main/docs/checks.md#challengedecode)');
  });

  it("keeps a hostile seller's text from making markup, links, images or table cells", () => {
    const text = '<img src=x onerror=alert(1)> [pay here](https://evil.example) ![i](https://evil.example/p.png) | cell | **bold** https://evil.example';
    const md = inline(text);
    expect(md).not.toMatch(/<img|\]\(|!\[|(?<!\\)\||(?<!\\)\*\*|https:\/\//);
    expect(md).toContain('&lt;img');
    const report = manyFindingsReport(3, { target: text });
    const out = render(report);
    expect(out).not.toContain('<img');
    expect(out).not.toMatch(/\]\(https:\/\/evil/);
    expect(out).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/);
  });

  it('fences evidence with more backticks than it holds, so it cannot close the block', () => {
    const block = codeBlock('a ```` b\n```\n<script>');
    expect(block.startsWith('`````text\n')).toBe(true);
    expect(block.endsWith('\n`````')).toBe(true);
  });
});
