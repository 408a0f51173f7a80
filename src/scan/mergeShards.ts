import * as z from 'zod';
import { addError, addReport, emptySummary, type ScanSummary } from './summary.js';
import { escapeUnsafeText } from '../util/unsafeText.js';

/** A report line is ~15 KB; anything past this is not one, and is skipped without being held. */
export const MAX_LINE_BYTES = 1024 * 1024;
/** How many rejected lines and duplicates a merge names one by one (the rest are counted). */
export const NAMED_PROBLEMS = 20;

const STATUS = z.enum(['pass', 'fail', 'warn', 'skip']);

/** The part of a `scan --json` line a merge reads; the rest of the report is not trusted or needed. */
const ReportLine = z.object({
  tool: z.literal('x402-probe'),
  target: z.string().min(1).max(8192),
  method: z.string().max(64).optional(),
  verdict: z.enum(['pass', 'fail']),
  checks: z.array(z.object({ id: z.string().regex(/^[a-z0-9-]+\.[a-z0-9.-]+$/).max(128), status: STATUS })).max(1000),
  registry: z.object({ agent: z.string().max(512).nullable().optional() }).nullable().optional(),
});

/** What `scan` prints when a probe itself threw (a bug): counted as an internal error. */
const ErrorLine = z.object({ tool: z.literal('x402-probe'), target: z.string().min(1).max(8192), verdict: z.literal('fail'), error: z.string().max(4096) });

export type RejectReason = 'not JSON' | 'not a scan report' | 'line too long' | 'not UTF-8';

export interface RejectedLine {
  file: string;
  /** 1-based. */
  line: number;
  reason: RejectReason;
}

export interface DuplicateReport {
  /** `METHOD url [agent]`, control characters escaped. */
  target: string;
  first: { file: string; line: number };
  again: { file: string; line: number };
}

export interface MergeShardsReturnType {
  /** Every distinct target counted once (the first report of a duplicate wins). */
  summary: ScanSummary;
  files: number;
  /** Lines that were not scan reports. */
  rejected: RejectedLine[];
  rejectedCount: number;
  /** A target reported more than once (overlapping shards, or a shard's output given twice). */
  duplicates: DuplicateReport[];
  duplicateCount: number;
}

export interface MergeShardsInput {
  /** Shown in messages (the file name). */
  name: string;
  chunks: AsyncIterable<Uint8Array | string>;
}

/** Seller-chosen text for a terminal: control and bidi characters escaped, clipped. */
export function printable(text: string, max = 200): string {
  const clipped = text.length > max ? `${text.slice(0, max - 1)}…` : text;
  return escapeUnsafeText(clipped, { unicode: true });
}

/** Lines of a byte stream, each at most MAX_LINE_BYTES; a longer one is reported as `null` once and skipped. */
async function* linesOf(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<Buffer | null> {
  let parts: Buffer[] = [];
  let size = 0;
  let overflow = false;
  for await (const chunk of chunks) {
    let buf = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    for (let nl = buf.indexOf(10); nl !== -1; nl = buf.indexOf(10)) {
      const head = buf.subarray(0, nl);
      buf = buf.subarray(nl + 1);
      if (overflow || size + head.length > MAX_LINE_BYTES) yield null;
      else yield parts.length ? Buffer.concat([...parts, head]) : Buffer.from(head);
      parts = [];
      size = 0;
      overflow = false;
    }
    if (overflow) continue;
    if (size + buf.length > MAX_LINE_BYTES) {
      overflow = true;
      parts = [];
      size = 0;
    } else if (buf.length) {
      parts.push(Buffer.from(buf));
      size += buf.length;
    }
  }
  if (overflow) yield null;
  else if (size) yield Buffer.concat(parts);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Combine the NDJSON of `scan --json` runs (the shards of one scan) into one summary. Lines that
 * are not reports are rejected by file and line, never echoed; a target seen twice is counted once
 * and named. Only the verdict and the checks' statuses are read, so a hostile file can skew the
 * numbers it claims but cannot crash the merge or reach the terminal with its text.
 */
export async function mergeShards(inputs: readonly MergeShardsInput[]): Promise<MergeShardsReturnType> {
  const summary = emptySummary();
  const seen = new Map<string, { file: string; line: number }>();
  const out: MergeShardsReturnType = { summary, files: inputs.length, rejected: [], rejectedCount: 0, duplicates: [], duplicateCount: 0 };
  const reject = (file: string, line: number, reason: RejectReason) => {
    out.rejectedCount += 1;
    if (out.rejected.length < NAMED_PROBLEMS) out.rejected.push({ file, line, reason });
  };
  for (const input of inputs) {
    let lineNo = 0;
    for await (const raw of linesOf(input.chunks)) {
      lineNo += 1;
      if (raw === null) {
        reject(input.name, lineNo, 'line too long');
        continue;
      }
      let text: string;
      try {
        text = utf8.decode(raw).trim();
      } catch {
        reject(input.name, lineNo, 'not UTF-8');
        continue;
      }
      if (text === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        // Includes a RangeError from absurd nesting: still just a bad line.
        reject(input.name, lineNo, 'not JSON');
        continue;
      }
      const report = ReportLine.safeParse(value);
      const error = report.success ? null : ErrorLine.safeParse(value);
      if (!report.success && !error?.success) {
        reject(input.name, lineNo, 'not a scan report');
        continue;
      }
      const target = report.success ? report.data.target : error!.data!.target;
      const method = report.success ? (report.data.method ?? 'GET') : 'GET';
      const agent = report.success ? (report.data.registry?.agent ?? '') : '';
      const key = `${method} ${target}${agent ? ` ${agent}` : ''}`;
      const first = seen.get(key);
      const here = { file: input.name, line: lineNo };
      if (first) {
        out.duplicateCount += 1;
        if (out.duplicates.length < NAMED_PROBLEMS) out.duplicates.push({ target: printable(key), first, again: here });
        continue;
      }
      seen.set(key, here);
      if (!report.success) {
        addError(summary);
        continue;
      }
      addReport(summary, report.data);
    }
  }
  return out;
}
