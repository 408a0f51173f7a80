import { open } from 'node:fs/promises';
import { UsageError } from '../errors.js';
import { mergeShards, type MergeShardsInput, type MergeShardsReturnType, printable } from '../scan/mergeShards.js';
import { renderSummary } from '../scan/summary.js';
import type { CliIO } from './context.js';

export interface ScanMergeCommandOptions {
  json?: boolean;
}

async function openInputs(files: string[], stdin: NodeJS.ReadableStream): Promise<{ inputs: MergeShardsInput[]; close: () => Promise<void> }> {
  if (files.filter((f) => f === '-').length > 1) throw new UsageError('scan merge reads standard input (-) at most once');
  const handles: import('node:fs/promises').FileHandle[] = [];
  const close = () => Promise.all(handles.map((h) => h.close().catch(() => undefined))).then(() => undefined);
  const inputs: MergeShardsInput[] = [];
  try {
    for (const file of files) {
      if (file === '-') {
        inputs.push({ name: '(stdin)', chunks: stdin as AsyncIterable<Uint8Array> });
        continue;
      }
      const handle = await open(file, 'r');
      handles.push(handle);
      if (!(await handle.stat()).isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
      inputs.push({ name: file, chunks: handle.createReadStream({ autoClose: false }) });
    }
  } catch (error) {
    await close();
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read scan output ${JSON.stringify(printable(files[inputs.length] ?? ''))}${code ? ` (${code})` : ''}`);
  }
  return { inputs, close };
}

function jsonDocument(merged: MergeShardsReturnType): string {
  const { summary } = merged;
  return `${JSON.stringify({
    tool: 'x402-probe',
    kind: 'scan-merge',
    files: merged.files,
    targets: summary.targets,
    passed: summary.passed,
    failed: summary.failed,
    errors: summary.errors,
    checks: Object.fromEntries(summary.checks),
    rejected: { count: merged.rejectedCount, lines: merged.rejected },
    duplicates: { count: merged.duplicateCount, targets: merged.duplicates },
  })}\n`;
}

function problems(merged: MergeShardsReturnType): string {
  const out: string[] = [];
  const more = (shown: number, count: number) => (count > shown ? [`  … and ${count - shown} more`] : []);
  if (merged.rejectedCount > 0) {
    out.push(`Rejected ${merged.rejectedCount} line(s) that are not scan reports:`);
    for (const r of merged.rejected) out.push(`  ${printable(r.file)}:${r.line}: ${r.reason}`);
    out.push(...more(merged.rejected.length, merged.rejectedCount));
  }
  if (merged.duplicateCount > 0) {
    out.push(`Counted once, reported ${merged.duplicateCount} more time(s) (overlapping shards, or one shard's output given twice?):`);
    for (const d of merged.duplicates) out.push(`  ${d.target}: ${printable(d.first.file)}:${d.first.line} and ${printable(d.again.file)}:${d.again.line}`);
    out.push(...more(merged.duplicates.length, merged.duplicateCount));
  }
  return out.length ? `${out.join('\n')}\n` : '';
}

/**
 * `x402-probe scan merge`: one summary over the shards' NDJSON. Problems with the input go to
 * stderr (the summary stays on stdout); they make the exit code 1, since the merged numbers
 * then describe something other than one clean scan.
 */
export async function runScanMerge(files: string[], options: ScanMergeCommandOptions, io: CliIO, stdin: NodeJS.ReadableStream = process.stdin): Promise<number> {
  const { inputs, close } = await openInputs(files, stdin);
  let merged: MergeShardsReturnType;
  try {
    merged = await mergeShards(inputs);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read scan output${code ? ` (${code})` : ''}`);
  } finally {
    await close();
  }
  io.stderr(problems(merged));
  if (options.json) io.stdout(jsonDocument(merged));
  else io.stdout(`Merged ${merged.files} file(s)\n${renderSummary(merged.summary, { color: io.color, timing: false })}`);
  const troubled = merged.rejectedCount > 0 || merged.duplicateCount > 0;
  return merged.summary.failed > 0 || troubled ? 1 : 0;
}
