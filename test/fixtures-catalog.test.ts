/**
 * The broken-seller catalog: each entry is a real HTTP server with one real-world defect, probed
 * by the real engine with attacks on. The probe must report the defect in the check the entry
 * names, with the status it names, and must produce a report rather than throw.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { brokenSellers } from '../fixtures/sellers/broken/index.js';
import { README_PATH, refreshedReadme } from '../fixtures/sellers/catalogTable.js';
import { startFixtureServer } from '../fixtures/sellers/server.js';
import type { BrokenSeller } from '../fixtures/sellers/types.js';
import { run } from '../src/engine/run.js';
import type { CheckResult, Report } from '../src/report/types.js';

/** Enough for a loopback exchange on a busy 2-core machine; the hanging entry sets its own. */
const TIMEOUT_MS = 3_000;

function describeResult(result: CheckResult | undefined): string {
  if (!result) return 'absent from the report';
  return `${result.status} [${result.messageId}] ${result.message}${result.evidence ? ` (evidence: ${result.evidence})` : ''}`;
}

function otherFindings(report: Report): string {
  const list = report.checks.filter((c) => c.status === 'fail' || c.status === 'warn').map((c) => `${c.id}=${c.status}`);
  return list.join(', ') || 'none';
}

async function probe(entry: BrokenSeller): Promise<Report> {
  const server = await startFixtureServer(entry.handler, entry.probe?.path ? { path: entry.probe.path } : {});
  try {
    const { report } = await run({
      url: server.url,
      method: entry.probe?.method,
      timeoutMs: entry.probe?.timeoutMs ?? TIMEOUT_MS,
      expect: entry.probe?.expect,
      attacks: true,
    });
    return report;
  } finally {
    await server.close();
  }
}

describe('broken-seller catalog', () => {
  it('has at least 30 entries with unique kebab-case ids, a defect, references and expectations', () => {
    expect(brokenSellers.length).toBeGreaterThanOrEqual(30);
    const ids = brokenSellers.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const s of brokenSellers) {
      expect(s.id, s.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(s.defect.length, s.id).toBeGreaterThan(10);
      expect(s.refs.length, s.id).toBeGreaterThan(0);
      expect(s.expect.length, s.id).toBeGreaterThan(0);
      for (const e of s.expect) expect(e.check, s.id).toMatch(/^[a-z0-9]+\.[a-z0-9-]+$/);
    }
  });

  it('is listed, up to date, in fixtures/README.md', () => {
    const readme = readFileSync(README_PATH, 'utf8');
    expect(readme === refreshedReadme(readme), 'fixtures/README.md is stale: run npx tsx fixtures/sellers/catalogTable.ts --write').toBe(true);
  });

  // Entries run a few at a time (vitest's maxConcurrency): each is a server plus a few exchanges.
  it.concurrent.for(brokenSellers)('$id', async (entry, { expect }) => {
    const report = await probe(entry);
    expect(report.tool).toBe('x402-probe');
    for (const want of entry.expect) {
      const got = report.checks.find((c) => c.id === want.check);
      const message = `${entry.id}: expected ${want.check} to ${want.status}; got ${describeResult(got)}.\nAll findings: ${otherFindings(report)}`;
      expect(got?.status, message).toBe(want.status);
      if (want.messageId) expect(got?.messageId, message).toBe(want.messageId);
    }
    if (entry.expect.some((e) => e.status === 'fail')) expect(report.verdict).toBe('fail');
  });
});
