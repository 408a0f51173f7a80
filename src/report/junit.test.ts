import { describe, expect, it } from 'vitest';
import { fixtureReport, HOSTILE_EVIDENCE, manyFindingsReport } from '../../test/helpers/report.js';
import { render } from './junit.js';

interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITY = /&(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/g;
const decode = (s: string): string =>
  s.replace(ENTITY, (e) => ({ '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" })[e] ?? String.fromCodePoint(Number(e.startsWith('&#x') ? `0x${e.slice(3, -1)}` : e.slice(2, -1))));

/**
 * A strict well-formedness check (no XML parser is installed): legal characters only, one
 * root, balanced tags, quoted attributes, no raw `<`, `&` or `]]>` in text or attributes.
 */
function parseXml(xml: string): XmlElement {
  const illegal = /[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u.exec(xml);
  if (illegal) throw new Error(`illegal XML character U+${illegal[0].codePointAt(0)!.toString(16).padStart(4, '0')}`);
  const body = xml.replace(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n/, '');
  if (body === xml) throw new Error('missing XML declaration');
  const checkText = (text: string) => {
    if (/[<]|\]\]>/.test(text) || /&/.test(text.replace(ENTITY, ''))) throw new Error(`unescaped markup in ${JSON.stringify(text.slice(0, 80))}`);
  };
  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '' };
  const stack = [root];
  for (const token of body.split(/(<[^>]*>)/)) {
    if (!token.startsWith('<')) {
      checkText(token);
      if (stack.length === 1 && token.trim()) throw new Error('text outside the root element');
      stack.at(-1)!.text += decode(token);
      continue;
    }
    const close = /^<\/([A-Za-z_][\w.-]*)\s*>$/.exec(token);
    if (close) {
      const open = stack.pop()!;
      if (open.name !== close[1]) throw new Error(`</${close[1]}> closes <${open.name}>`);
      continue;
    }
    const tag = /^<([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*="[^"]*")*)\s*(\/?)>$/.exec(token);
    if (!tag) throw new Error(`malformed tag ${token.slice(0, 80)}`);
    const attrs: Record<string, string> = {};
    for (const [, k, v] of tag[2].matchAll(/([A-Za-z_][\w.-]*)="([^"]*)"/g)) {
      checkText(v);
      if (k in attrs) throw new Error(`duplicate attribute ${k}`);
      attrs[k] = decode(v);
    }
    const el: XmlElement = { name: tag[1], attrs, children: [], text: '' };
    if (stack.length === 1 && root.children.length > 0) throw new Error('more than one root element');
    stack.at(-1)!.children.push(el);
    if (!tag[3]) stack.push(el);
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack.at(-1)!.name}>`);
  return root.children[0];
}

const all = (el: XmlElement, name: string): XmlElement[] => [...(el.name === name ? [el] : []), ...el.children.flatMap((c) => all(c, name))];

describe('junit reporter', () => {
  it('renders the fixture', () => {
    expect(render(fixtureReport())).toMatchSnapshot();
  });

  it('is well-formed XML whose failure and skip counts match its elements', () => {
    for (const strict of [false, true]) {
      const report = fixtureReport({ strict });
      const root = parseXml(render(report));
      expect(root.name).toBe('testsuites');
      const failures = all(root, 'failure');
      expect(failures).toHaveLength(strict ? 2 : 1);
      expect(Number(root.attrs.failures)).toBe(failures.length);
      expect(Number(root.attrs.skipped)).toBe(all(root, 'skipped').length);
      expect(Number(root.attrs.tests)).toBe(all(root, 'testcase').length);
      expect(all(root, 'testcase')).toHaveLength(report.checks.length);
      for (const suite of all(root, 'testsuite')) {
        expect(Number(suite.attrs.failures)).toBe(all(suite, 'failure').length);
        expect(Number(suite.attrs.tests)).toBe(all(suite, 'testcase').length);
      }
    }
  });

  it('one testsuite per area, in report order', () => {
    const root = parseXml(render(fixtureReport()));
    expect(all(root, 'testsuite').map((s) => s.attrs.name)).toEqual(['http', 'challenge', 'req', 'cors', 'pay']);
  });

  it('escapes markup and replaces control characters in the hostile evidence', () => {
    const out = render(fixtureReport());
    expect(out).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    const failure = all(parseXml(out), 'failure')[0];
    expect(failure.text).toContain('<script>alert("x")</script> & ]]>');
    expect(failure.text).toContain('Fix: Send PAYMENT-REQUIRED');
    expect(failure.text).toContain('Docs: https://github.com/x402-probe/x402-probe/blob/main/docs/checks.md#challengedecode');
    expect(parseXml(out).attrs.name).toBe('x402-probe https://api.example.com/weather?city=a&b=<c>');
  });

  it('detects malformed XML (the checker itself works)', () => {
    expect(() => parseXml('<?xml version="1.0" encoding="UTF-8"?>\n<a><b></a></b>')).toThrow();
    expect(() => parseXml('<?xml version="1.0" encoding="UTF-8"?>\n<a>x & y</a>')).toThrow();
    expect(() => parseXml('<?xml version="1.0" encoding="UTF-8"?>\n<a>\u001b</a>')).toThrow();
    expect(() => parseXml('<?xml version="1.0" encoding="UTF-8"?>\n<a t="<"/>')).toThrow();
  });

  it("keeps one testcase per check and lists a failing check's other findings in its failure, escaped", () => {
    const root = parseXml(render(manyFindingsReport(3)));
    expect(all(root, 'testcase')).toHaveLength(fixtureReport().checks.length);
    const failure = all(root, 'failure').find((f) => f.attrs.message === 'Requirement #0: amount is wrong.')!;
    expect(failure.text).toContain('Evidence: accepts[0].amount = "0.00"\nAlso found:\n- fail: Requirement #1: amount is wrong. (evidence: PAYMENT-REQUIRED: <script>');
    expect(failure.text).toContain('\n- warn: Requirement #2: amount is wrong. (evidence: accepts[2].amount = "0.02")\nFix: ');
    expect(HOSTILE_EVIDENCE).toContain('\u001b');
  });
});
