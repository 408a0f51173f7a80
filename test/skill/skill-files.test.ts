/**
 * The skill as Claude Code loads it: front matter within Claude's limits, and the generated
 * troubleshooting table in references/seller-prompt.md current with every check's meta.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { END_MARKER, main, REGENERATE_COMMAND, renderTroubleshootingTable, START_MARKER, withTroubleshootingTable } from '../../scripts/gen-skill-troubleshooting.js';
import { allChecks } from '../../src/checks/index.js';
import type { Check } from '../../src/checks/types.js';
import { frontMatter, SELLER_PROMPT_PATH, SKILL_DIR, SKILL_PATH } from './skillText.js';

const tmp = mkdtempSync(join(tmpdir(), 'x402-skill-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('SKILL.md front matter', () => {
  const parsed = frontMatter(readFileSync(SKILL_PATH, 'utf8'));
  const data = (parsed?.data ?? {}) as Record<string, unknown>;

  it('is YAML between --- lines with a name and a description', () => {
    expect(parsed, 'SKILL.md must open with YAML front matter between --- lines').not.toBeNull();
    expect(typeof data.name).toBe('string');
    expect(typeof data.description).toBe('string');
    expect(parsed!.body.trim().length).toBeGreaterThan(0);
  });

  it("keeps the name within Claude's rules and equal to the folder name", () => {
    const name = String(data.name);
    expect(name).toBe(basename(SKILL_DIR));
    expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(name.length).toBeLessThanOrEqual(64);
    expect(name).not.toMatch(/anthropic|claude/);
  });

  it('keeps the description within 1024 characters, free of XML tags, and says when to use the skill', () => {
    const description = String(data.description);
    expect(description.length).toBeGreaterThan(0);
    expect(description.length).toBeLessThanOrEqual(1024);
    expect(description).not.toMatch(/<[a-zA-Z/][^>]*>/);
    for (const trigger of [/monetize my machine/i, /inference/i, /Ollama/, /HTTP/, /x402/, /Use when/]) expect(description).toMatch(trigger);
  });
});

describe('the troubleshooting table in references/seller-prompt.md', () => {
  const committed = readFileSync(SELLER_PROMPT_PATH, 'utf8');

  it(`is current with the checks' meta (run \`${REGENERATE_COMMAND}\` when this fails)`, () => {
    expect(withTroubleshootingTable(committed) === committed, `the troubleshooting table in skill/monetize-guide/references/seller-prompt.md is stale: run \`${REGENERATE_COMMAND}\` and commit it`).toBe(true);
  });

  it('has one row per check id with its severity and fix', () => {
    const table = committed.slice(committed.indexOf(START_MARKER), committed.indexOf(END_MARKER));
    const rows = table.split('\n').filter((l) => l.startsWith('| `'));
    expect(rows).toHaveLength(allChecks.length);
    for (const { meta } of allChecks) {
      const row = rows.find((r) => r.startsWith(`| \`${meta.id}\` |`));
      expect(row, meta.id).toBeDefined();
      expect(row).toContain(`| ${meta.severity} |`);
      expect(row).toContain(meta.fix.replace(/\|/g, '\\|'));
    }
  });

  it('keeps a pipe inside a cell from splitting the row', () => {
    const check: Check = {
      meta: { id: 'offer.pipes', title: 'A | B', severity: 'warning', specRef: 'https://example.com', fix: 'Run `obol sell inference|http`.', requires: ['offer'], messages: { ok: 'ok' } },
      check: () => ({ status: 'pass', messageId: 'ok', message: 'ok' }),
    };
    const row = renderTroubleshootingTable([check]).split('\n').at(-1)!;
    expect(row).toBe('| `offer.pipes` | warning | A \\| B | Run `obol sell inference\\|http`. |');
    expect(row.split(/(?<!\\)\|/)).toHaveLength(6);
  });

  it('--check exits 1 naming the command when stale or without markers, 0 once rewritten', () => {
    const path = join(tmp, 'seller-prompt.md');
    const errors: string[] = [];
    writeFileSync(path, `# Hand-written\n\n${START_MARKER}\nold table\n${END_MARKER}\n\nMore prose.\n`);
    expect(main(['--check', '--file', path], (t) => errors.push(t))).toBe(1);
    expect(errors.join('')).toContain(REGENERATE_COMMAND);
    expect(main(['--file', path], () => undefined, () => undefined)).toBe(0);
    expect(main(['--check', '--file', path], (t) => errors.push(t))).toBe(0);
    const rewritten = readFileSync(path, 'utf8');
    expect(rewritten.startsWith('# Hand-written\n')).toBe(true);
    expect(rewritten.endsWith(`${END_MARKER}\n\nMore prose.\n`)).toBe(true);
    writeFileSync(path, 'no markers\n');
    expect(main(['--check', '--file', path], (t) => errors.push(t))).toBe(1);
    expect(errors.at(-1)).toMatch(/troubleshooting:start/);
  });
});
