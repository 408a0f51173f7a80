import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixtureReport } from '../../test/helpers/report.js';
import { renderReport, reporterNames, reporters } from './index.js';

const DIR = dirname(fileURLToPath(import.meta.url));
const sources = readdirSync(DIR).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

describe('the reporter registry', () => {
  it('names each reporter after its file, which exports the render the map holds, with a test beside it', async () => {
    for (const name of reporterNames) {
      expect(existsSync(join(DIR, `${name}.ts`)), `src/report/${name}.ts`).toBe(true);
      expect(existsSync(join(DIR, `${name}.test.ts`)), `src/report/${name}.test.ts`).toBe(true);
      const module = (await import(/* @vite-ignore */ pathToFileURL(join(DIR, `${name}.ts`)).href)) as { render: unknown };
      expect(module.render, `reporters.${name} is ${name}.ts's render`).toBe(reporters[name]);
    }
  });

  it('lists every renderer file: a render() left out of the map is a reporter nobody can choose', () => {
    const renderers = sources.filter((f) => /^export function render\(/m.test(readFileSync(join(DIR, f), 'utf8'))).map((f) => f.replace(/\.ts$/, ''));
    expect(renderers.sort()).toEqual([...reporterNames].sort());
  });

  it('renders the fixture through every reporter by name', () => {
    for (const name of reporterNames) expect(renderReport(name, fixtureReport(), { color: false })).toBe(reporters[name](fixtureReport(), { color: false }));
  });

  it('imports nothing from cli/ (the CLI reads the names from here, never the reverse)', () => {
    for (const file of readdirSync(DIR).filter((f) => f.endsWith('.ts'))) {
      expect(readFileSync(join(DIR, file), 'utf8'), file).not.toMatch(/from\s+['"]\.\.\/cli\//);
    }
  });
});
