import { describe, expect, it } from 'vitest';
import { MAX_LINE_BYTES, mergeShards, NAMED_PROBLEMS, printable } from './mergeShards.js';

const report = (target: string, verdict: 'pass' | 'fail', checks: [string, string][] = [['http.reachable', 'pass']], extra: object = {}) =>
  JSON.stringify({ tool: 'x402-probe', version: '0.1.0', target, method: 'GET', verdict, checks: checks.map(([id, status]) => ({ id, status, title: 't' })), ...extra });

async function* chunksOf(...parts: (string | Uint8Array)[]) {
  for (const part of parts) yield part;
}
const file = (name: string, ...parts: (string | Uint8Array)[]) => ({ name, chunks: chunksOf(...parts) });

describe('mergeShards', () => {
  it('sums the shards like one scan: targets, verdicts and per-check counts', async () => {
    const merged = await mergeShards([
      file('a', `${report('http://a/', 'pass')}\n${report('http://b/', 'fail', [['http.reachable', 'fail'], ['cors.allow-origin', 'warn']])}\n`),
      // A line split across chunks, no newline at the end, CRLF and blank lines.
      file('b', report('http://c/', 'pass').slice(0, 10), `${report('http://c/', 'pass').slice(10)}\r\n\n`, report('http://d/', 'pass', [['http.reachable', 'skip']])),
    ]);
    expect(merged.rejectedCount).toBe(0);
    expect(merged.duplicateCount).toBe(0);
    expect(merged.summary).toMatchObject({ targets: 4, passed: 3, failed: 1, errors: 0 });
    expect(Object.fromEntries(merged.summary.checks)).toEqual({
      'http.reachable': { pass: 2, fail: 1, warn: 0, skip: 1 },
      'cors.allow-origin': { pass: 0, fail: 0, warn: 1, skip: 0 },
    });
  });

  it('counts a target reported twice once and names both places (overlapping shards)', async () => {
    const merged = await mergeShards([file('s0', `${report('http://a/', 'pass')}\n`), file('s1', `${report('http://b/', 'pass')}\n${report('http://a/', 'fail')}\n`)]);
    expect(merged.summary).toMatchObject({ targets: 2, passed: 2, failed: 0 });
    expect(merged.duplicates).toEqual([{ target: 'GET http://a/', first: { file: 's0', line: 1 }, again: { file: 's1', line: 2 } }]);
  });

  it('keeps one URL of two agents apart (each is its own registry cross-check)', async () => {
    const agent = (id: number) => ({ registry: { agent: `eip155:84532:0x8004A818BFB912233c491871b3d84c89A494BD9e:${id}` } });
    const merged = await mergeShards([file('s0', `${report('http://a/', 'pass', undefined, agent(1))}\n${report('http://a/', 'pass', undefined, agent(2))}\n`)]);
    expect(merged.duplicateCount).toBe(0);
    expect(merged.summary.targets).toBe(2);
  });

  it('counts a probe that threw as an internal error', async () => {
    const merged = await mergeShards([file('s0', `${JSON.stringify({ tool: 'x402-probe', target: 'http://a/', verdict: 'fail', error: 'internal error: boom' })}\n`)]);
    expect(merged.summary).toMatchObject({ targets: 1, failed: 1, errors: 1 });
  });

  it('rejects what a hostile file holds instead of reports, by file and line, and never crashes', async () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    const hostile = [
      'not json at all',
      deep,
      JSON.stringify({ tool: 'x402-probe', target: 'http://x/', verdict: 'maybe', checks: [] }),
      JSON.stringify({ tool: 'x402-probe', target: 'http://x/', verdict: 'pass', checks: [{ id: '__proto__', status: 'pass' }] }),
      JSON.stringify({ tool: 'x402-probe', target: 'http://x/', verdict: 'pass', checks: 'all good' }),
      JSON.stringify({ tool: 'other', target: 'http://x/', verdict: 'pass', checks: [] }),
      '{"tool":"x402-probe","__proto__":{"verdict":"pass"},"target":"http://x/","checks":[]}',
      'null',
      '42',
    ];
    const merged = await mergeShards([
      file('evil', `${hostile.join('\n')}\n`, Buffer.from([0xff, 0xfe, 0x0a]), 'x'.repeat(MAX_LINE_BYTES + 10), 'y'.repeat(MAX_LINE_BYTES), `\n${report('http://ok/', 'pass')}\n`),
    ]);
    expect(merged.summary).toMatchObject({ targets: 1, passed: 1 });
    expect(merged.summary.checks.has('__proto__')).toBe(false);
    expect(merged.rejectedCount).toBe(hostile.length + 2);
    expect(merged.rejected.map((r) => `${r.line} ${r.reason}`)).toEqual([
      '1 not JSON', '2 not a scan report', '3 not a scan report', '4 not a scan report', '5 not a scan report', '6 not a scan report', '7 not a scan report',
      '8 not a scan report', '9 not a scan report', '10 not UTF-8', '11 line too long',
    ]);
  });

  it('names at most NAMED_PROBLEMS rejected lines and counts the rest', async () => {
    const merged = await mergeShards([file('junk', 'junk\n'.repeat(NAMED_PROBLEMS * 50))]);
    expect(merged.rejected).toHaveLength(NAMED_PROBLEMS);
    expect(merged.rejectedCount).toBe(NAMED_PROBLEMS * 50);
  });

  it('escapes terminal control and bidi characters a hostile target carries before naming it', async () => {
    const target = 'http://a/\u001b[2J\u009b31m\u202e';
    const merged = await mergeShards([file('s', `${report(target, 'pass')}\n${report(target, 'pass')}\n`)]);
    expect(merged.duplicates[0].target).not.toMatch(/[\u001b\u009b\u202e]/);
    expect(merged.duplicates[0].target).toContain('\\u001b');
    expect(printable('x'.repeat(500)).length).toBe(200);
  });
});
