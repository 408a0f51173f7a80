/**
 * docs/checks.md is generated from the checks' meta; this fails when the committed file is
 * stale, and checks that every report's docs link lands on a heading.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AREA_ORDER, DOCS_PATH, main, orderedAreas, REGENERATE_COMMAND, renderCheckDocs } from '../scripts/gen-check-docs.js';
import { allChecks } from '../src/checks/index.js';
import type { Check, CheckMeta } from '../src/checks/types.js';
import { docsUrl } from '../src/engine/runChecks.js';

/** GitHub's heading anchor (github-slugger) for ASCII text: lowercase, punctuation dropped, spaces to "-". */
function githubSlug(heading: string): string {
  return heading.trim().toLowerCase().replace(/[\u0000-\u001f!-,./:-@[-^`{-~]/g, '').replace(/ /g, '-');
}

function headings(markdown: string): { level: number; text: string }[] {
  return [...markdown.matchAll(/^(#{1,6}) +(.+?) *$/gm)].map((m) => ({ level: m[1].length, text: m[2].replace(/`/g, '') }));
}

const fake = (id: string): Check => ({
  meta: { id, title: `Title of ${id}`, severity: 'warning', specRef: 'https://example.com/spec', fix: 'Do the thing.', requires: ['unpaid'], messages: { ok: 'Fine.' } } satisfies CheckMeta,
  check: () => ({ status: 'pass', messageId: 'ok', message: 'Fine.' }),
});

const tmp = mkdtempSync(join(tmpdir(), 'x402-docs-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('docs/checks.md', () => {
  it(`is up to date with the checks' meta (run \`${REGENERATE_COMMAND}\` when this fails)`, () => {
    let committed = '';
    try {
      committed = readFileSync(DOCS_PATH, 'utf8');
    } catch {
      // Reported below as stale.
    }
    const fresh = renderCheckDocs(allChecks);
    expect(committed === fresh, `docs/checks.md is stale or missing: run \`${REGENERATE_COMMAND}\` and commit docs/checks.md`).toBe(true);
  });

  it('has one heading per check whose GitHub anchor is the docsUrl() fragment', () => {
    const text = renderCheckDocs(allChecks);
    const slugs = headings(text).map((h) => githubSlug(h.text));
    for (const { meta } of allChecks) {
      const fragment = new URL(docsUrl(meta.id)).hash.slice(1);
      expect(slugs.filter((s) => s === fragment), `${meta.id}: docsUrl anchor #${fragment} must match exactly one heading`).toHaveLength(1);
    }
    expect(githubSlug('http.status-402')).toBe('httpstatus-402');
    expect(new URL(docsUrl('http.status-402')).hash).toBe('#httpstatus-402');
    // GitHub suffixes repeated slugs with -1, -2: a clash would move a check's anchor.
    expect(new Set(slugs).size, 'heading anchors must be unique').toBe(slugs.length);
  });

  it('shows each check with severity, title, fix, spec link and message ids', () => {
    const text = renderCheckDocs(allChecks);
    for (const { meta } of allChecks) {
      const start = text.indexOf(`\n### ${meta.id}\n`);
      expect(start, `no section for ${meta.id}`).toBeGreaterThan(0);
      const next = text.indexOf('\n##', start + 1);
      const section = text.slice(start, next < 0 ? undefined : next);
      for (const part of [meta.severity, meta.title, meta.fix, meta.specRef, ...Object.keys(meta.messages)]) expect(section).toContain(part);
    }
  });

  it('groups areas in the stable order, unknown areas after them alphabetically', () => {
    const checks = ['zeta.one', 'offer.ready', 'alpha.one', 'http.reachable-x', 'req.b', 'req.a', 'pay.x', 'cors.y'].map(fake);
    expect(orderedAreas(checks).map((a) => a.area)).toEqual(['http', 'req', 'cors', 'pay', 'offer', 'alpha', 'zeta']);
    expect(AREA_ORDER.map(([area]) => area)).toEqual(['http', 'challenge', 'req', 'cors', 'cache', 'pay', 'registry', 'offer']);
    const text = renderCheckDocs(checks);
    // Within an area, checks keep their index (report) order.
    expect(text.indexOf('### req.b')).toBeLessThan(text.indexOf('### req.a'));
    expect(renderCheckDocs(checks)).toBe(text);
  });

  it('renders templates with backticks as intact code spans', () => {
    const check = fake('http.ticks');
    (check.meta as { messages: Record<string, string> }).messages = { ok: 'Send `Cache-Control: no-store`.' };
    expect(renderCheckDocs([check])).toContain('`ok`: `` Send `Cache-Control: no-store`. ``');
  });

  it('--check exits 1 naming the command when the file differs, 0 when it matches', () => {
    const path = join(tmp, 'checks.md');
    const errors: string[] = [];
    writeFileSync(path, 'stale\n');
    expect(main(['--check', '--out', path], (t) => errors.push(t))).toBe(1);
    expect(errors.join('')).toContain(REGENERATE_COMMAND);
    expect(main(['--out', path], () => undefined, () => undefined)).toBe(0);
    expect(main(['--check', '--out', path], (t) => errors.push(t))).toBe(0);
    expect(main(['--check', '--out', join(tmp, 'missing.md')], (t) => errors.push(t))).toBe(1);
  });
});
