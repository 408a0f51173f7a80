import { UsageError } from '../errors.js';
import { renderReport, type ReporterName } from '../report/index.js';
import type { Report } from '../report/types.js';
import type { CliIO } from './context.js';
import type { OutputCommandOptions } from './options.js';
import { createProgress, type Progress } from './progress.js';

/**
 * How a command prints, decided once from --json, --reporter, -v and the terminal. `--json` is
 * `--reporter json`. Machine output owns stdout: a spinner draws on stderr only on a TTY and only
 * for the pretty reporter, and the status lines a person reads on stderr go quiet with json.
 */
export interface CommandOutput {
  reporter: ReporterName;
  /** The json reporter: stdout carries one machine document (or NDJSON) and nothing else. */
  json: boolean;
  color: boolean;
  verbose: boolean;
  /** Whether progress() draws. */
  spinner: boolean;
  /** A fresh spinner (it starts drawing when made, so make it where the wait begins). */
  progress(): Progress;
  /** One status line on stderr for a person; silent with json. */
  note(line: string): void;
  /** The report through the chosen reporter, on stdout. */
  printReport(report: Report): void;
}

export function commandOutput(options: OutputCommandOptions, io: CliIO): CommandOutput {
  if (options.json && options.reporter !== undefined && options.reporter !== 'json') {
    throw new UsageError(`--json and --reporter ${options.reporter} both choose the output: --json is --reporter json; pass one of them`);
  }
  const reporter: ReporterName = options.json ? 'json' : (options.reporter ?? 'pretty');
  const json = reporter === 'json';
  const quiet = options.quiet ?? false;
  if (quiet && reporter !== 'pretty') throw new UsageError(`--quiet shortens the pretty report; it does not apply to --reporter ${reporter}`);
  if (quiet && options.verbose) throw new UsageError('--quiet and -v contradict each other: choose one');
  const spinner = io.isTTY && reporter === 'pretty' && !quiet;
  const verbose = options.verbose ?? false;
  return {
    reporter,
    json,
    color: io.color,
    verbose,
    spinner,
    progress: () => createProgress(spinner, io.stderr),
    note: (line) => {
      if (!json && !quiet) io.stderr(`${line}\n`);
    },
    printReport: (report) => io.stdout(renderReport(reporter, report, { color: io.color, verbose, quiet })),
  };
}
