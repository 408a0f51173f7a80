/**
 * Render the troubleshooting table of skill/monetize-guide/references/seller-prompt.md from every
 * check's meta, between its marker comments (the rest of the file is written by hand).
 *
 *   tsx scripts/gen-skill-troubleshooting.ts           rewrite the table in place
 *   tsx scripts/gen-skill-troubleshooting.ts --check   exit 1 when the committed table is stale
 *   --file <path>                                      another file (tests use a temporary one)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { allChecks } from '../src/checks/index.js';
import type { Check, CheckMeta } from '../src/checks/types.js';

export const SELLER_PROMPT_PATH = join(dirname(fileURLToPath(import.meta.url)), '..', 'skill', 'monetize-guide', 'references', 'seller-prompt.md');
export const REGENERATE_COMMAND = 'npm run docs:skill';
export const START_MARKER = '<!-- troubleshooting:start -->';
export const END_MARKER = '<!-- troubleshooting:end -->';

/** Thrown when the file lacks the markers: the table has nowhere to go. */
export class MissingMarkersError extends Error {
  override name = 'MissingMarkersError';
}

const SEVERITY: Record<CheckMeta['severity'], string> = { error: 'error', warning: 'warning', info: 'info' };

/** A table cell: one line, pipes escaped so they do not split the row. */
function cell(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|').trim();
}

/** The table alone: one row per check, in report order (areas as in docs/checks.md). */
export function renderTroubleshootingTable(checks: readonly Check[] = allChecks): string {
  const rows = [
    `${checks.length} checks. Re-run the command that reported a failure after fixing it (for an offer: \`x402-probe offer <name> -n <ns> --json\`).`,
    '',
    '| Check id | Severity | What a pass means | Fix |',
    '| --- | --- | --- | --- |',
  ];
  for (const { meta } of checks) rows.push(`| \`${meta.id}\` | ${SEVERITY[meta.severity] ?? meta.severity} | ${cell(meta.title)} | ${cell(meta.fix)} |`);
  return rows.join('\n');
}

/** `text` with the region between the markers replaced by the table. Pure. */
export function withTroubleshootingTable(text: string, checks: readonly Check[] = allChecks): string {
  const start = text.indexOf(START_MARKER);
  const end = text.indexOf(END_MARKER);
  if (start < 0 || end < start) throw new MissingMarkersError(`the file has no ${START_MARKER} … ${END_MARKER} region for the troubleshooting table`);
  return `${text.slice(0, start + START_MARKER.length)}\n${renderTroubleshootingTable(checks)}\n${text.slice(end)}`;
}

/** Rewrite the table, or with `--check` return 1 when the file differs from a fresh render. */
export function main(argv: readonly string[], stderr: (text: string) => void = (t) => process.stderr.write(t), stdout: (text: string) => void = (t) => process.stdout.write(t)): number {
  const at = argv.indexOf('--file');
  const path = at >= 0 && argv[at + 1] ? resolve(argv[at + 1]) : SELLER_PROMPT_PATH;
  const name = path === SELLER_PROMPT_PATH ? 'skill/monetize-guide/references/seller-prompt.md' : path;
  let current: string;
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    stderr(`${name} is missing: it is written by hand around the generated table.\n`);
    return 1;
  }
  let fresh: string;
  try {
    fresh = withTroubleshootingTable(current);
  } catch (error) {
    if (!(error instanceof MissingMarkersError)) throw error;
    stderr(`${name}: ${error.message}.\n`);
    return 1;
  }
  if (argv.includes('--check')) {
    if (fresh === current) return 0;
    stderr(`${name}: the troubleshooting table is out of date with the checks' meta: run \`${REGENERATE_COMMAND}\` and commit the result.\n`);
    return 1;
  }
  writeFileSync(path, fresh);
  stdout(`wrote the troubleshooting table of ${name} (${allChecks.length} checks)\n`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
