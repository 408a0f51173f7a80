import type { ReporterName } from '../cli/reporters.js';
import { render as github } from './github.js';
import { render as json } from './json.js';
import { render as junit } from './junit.js';
import { render as pretty, type PrettyOptions } from './pretty.js';
import type { Report } from './types.js';

export function renderReport(name: ReporterName, report: Report, options: PrettyOptions = {}): string {
  switch (name) {
    case 'json':
      return json(report);
    case 'junit':
      return junit(report);
    case 'github':
      return github(report);
    default:
      return pretty(report, options);
  }
}
