import { describe, expect, it } from 'vitest';
import { fixtureReport, HOSTILE_EVIDENCE, manyFindingsReport } from '../../test/helpers/report.js';
import { render } from './github.js';

// The runner's own unescaping (actions/toolkit command.ts, reversed).
const unescapeData = (s: string): string => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProperty = (s: string): string => unescapeData(s.replace(/%3A/g, ':').replace(/%2C/g, ','));

interface Annotation {
  level: string;
  properties: Record<string, string>;
  message: string;
}

/** Parse the workflow commands in the output the way the runner splits them. */
function annotations(out: string): Annotation[] {
  return out
    .split('\n')
    .filter((line) => line.startsWith('::'))
    .map((line) => {
      const m = /^::(\w+)(?: ([^:]*))?::(.*)$/.exec(line);
      if (!m) throw new Error(`not a workflow command: ${line}`);
      const properties: Record<string, string> = {};
      for (const pair of (m[2] ?? '').split(',').filter(Boolean)) {
        const at = pair.indexOf('=');
        properties[pair.slice(0, at)] = unescapeProperty(pair.slice(at + 1));
      }
      return { level: m[1], properties, message: unescapeData(m[3]) };
    });
}

describe('github reporter', () => {
  it('renders the fixture', () => {
    expect(render(fixtureReport())).toMatchSnapshot();
  });

  it('annotates each failure as an error and each warning as a warning, nothing else', () => {
    const found = annotations(render(fixtureReport()));
    expect(found.map((a) => a.level)).toEqual(['error', 'warning']);
    expect(annotations(render(fixtureReport({ strict: true }))).map((a) => a.level)).toEqual(['error', 'error']);
  });

  it("escapes %, CR and LF in messages and ':' and ',' in properties, so they round-trip", () => {
    const out = render(fixtureReport());
    const [error, warning] = annotations(out);
    expect(error.properties.title).toBe('challenge.decode: The challenge decodes: base64, JSON, schema');
    expect(error.message).toContain(`Evidence: ${HOSTILE_EVIDENCE}`);
    expect(warning.message).toContain('100% of them');
    // The hostile "\r\n::error::" never starts a command of its own.
    expect(out.split('\n').filter((line) => line.startsWith('::'))).toHaveLength(2);
    expect(out).not.toContain('\r');
    expect(out).toContain('%0D%0A::error::pwned');
    expect(out).toContain('title=challenge.decode%3A The challenge decodes%3A base64%2C JSON%2C schema::');
  });

  it('ends with a one-line summary', () => {
    const lines = render(fixtureReport()).trimEnd().split('\n');
    expect(lines.at(-1)).toBe('x402-probe https://api.example.com/weather?city=a&b=<c>: fail (2 passed, 1 failed, 1 warnings, 1 skipped)');
  });

  it('annotates every failing finding of a check, each with its own evidence, the hostile one escaped', () => {
    const out = render(manyFindingsReport(3));
    const found = annotations(out).filter((a) => a.properties.title.startsWith('req.amount-atomic'));
    expect(found.map((a) => [a.level, a.message.split('\n')[0]])).toEqual([
      ['error', 'Requirement #0: amount is wrong.'],
      ['error', 'Requirement #1: amount is wrong.'],
      ['warning', 'Requirement #2: amount is wrong.'],
    ]);
    expect(found[1].message).toContain(`Evidence: ${HOSTILE_EVIDENCE}`);
    expect(found[2].message).toContain('Evidence: accepts[2].amount = "0.02"');
    expect(out.split('\n').filter((line) => line.startsWith('::'))).toHaveLength(5);
    expect(annotations(render(manyFindingsReport(3, { strict: true }))).filter((a) => a.properties.title.startsWith('req.')).map((a) => a.level)).toEqual(['error', 'error', 'error']);
  });
});
