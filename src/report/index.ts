import { render as github } from './github.js';
import { render as html } from './html.js';
import { render as json } from './json.js';
import { render as junit } from './junit.js';
import { render as markdown } from './markdown.js';
import { render as pretty, type PrettyOptions } from './pretty.js';
import type { Report } from './types.js';

/** What the CLI hands every reporter; a reporter reads what it needs (only pretty colours). */
export type ReporterOptions = PrettyOptions;

/** A reporter reads only the Report and returns the text the CLI prints on stdout. */
export type Reporter = (report: Report, options: ReporterOptions) => string;

/**
 * Every reporter, by the name `--reporter` takes. Adding one is its file, its test beside it
 * (index.test.ts holds both to it) and one line here; `--reporter` lists them in this order.
 */
export const reporters = {
  pretty,
  json,
  junit,
  github,
  markdown,
  html,
} satisfies Record<string, Reporter>;

/** The names come from the map's keys, so a name without a renderer cannot be spelled. */
export type ReporterName = keyof typeof reporters;

export const reporterNames = Object.keys(reporters) as ReporterName[];

export function renderReport(name: ReporterName, report: Report, options: ReporterOptions = {}): string {
  return reporters[name](report, options);
}
