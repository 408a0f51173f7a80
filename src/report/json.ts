import type { Report } from './types.js';

/** The JSON contract: one document, stable field names (docs/ARCHITECTURE.md). */
export function render(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
