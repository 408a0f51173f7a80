/**
 * `scan --workers`: probes on piscina threads (the built dist/scan/probeWorker.js; `npm run build`
 * first). The network policy holds inside a worker: a registry-sourced target at a private
 * address is refused there exactly as on the main thread.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSeller } from '../fixtures/sellers/good.js';
import { startFixtureServer, type FixtureServer } from '../fixtures/sellers/server.js';
import { scanTargets, type ScanResult } from '../src/scan/scanTargets.js';

let seller: FixtureServer;
let requests = 0;
beforeAll(async () => {
  const handler = makeSeller('v2');
  seller = await startFixtureServer(async (req, res, ctx) => {
    requests += 1;
    await handler(req, res, ctx);
  });
});
afterAll(() => seller?.close());

async function scan(targets: Parameters<typeof scanTargets>[0]['targets'], allowPrivate = false) {
  const results: ScanResult[] = [];
  const { summary } = await scanTargets({ targets, workers: 2, probe: { timeoutMs: 3000, attacks: true, allowPrivate }, onResult: (r) => void results.push(r) });
  return { summary, results };
}

describe('scan on worker threads', () => {
  it('probes on two workers with the same reports as one thread: NDJSON lines, briefs and the summary', async () => {
    const targets = Array.from({ length: 6 }, (_, i) => ({ url: `${seller.url}w/${i}`, line: i + 1 }));
    const { summary, results } = await scan(targets);
    expect(summary).toMatchObject({ targets: 6, passed: 6, failed: 0, errors: 0 });
    for (const r of results) {
      expect(r.brief?.verdict).toBe('pass');
      const line = JSON.parse(r.line!);
      expect(line.target).toBe(r.target.url);
      expect(line.checks.find((c: { id: string }) => c.id === 'pay.forged-rejected')?.status).toBe('pass');
    }
  });

  it('refuses a registry-sourced (data) target at a private address inside the worker: no request reaches it', async () => {
    const before = requests;
    const { results } = await scan([{ url: `${seller.url}data`, line: 1, source: 'data', agent: 'eip155:84532:0x8004A818BFB912233c491871b3d84c89A494BD9e:7' }]);
    expect(requests).toBe(before);
    const report = JSON.parse(results[0].line!);
    expect(report.verdict).toBe('fail');
    const reachable = report.checks.find((c: { id: string }) => c.id === 'http.reachable');
    expect(reachable.status).toBe('fail');
    expect(`${reachable.messageId} ${reachable.evidence ?? ''} ${reachable.message}`).toMatch(/forbidden|public|private/i);
  });

  it('lets the user opt in (allowPrivate) inside the worker too', async () => {
    const before = requests;
    const { results } = await scan([{ url: `${seller.url}data`, line: 1, source: 'data' }], true);
    expect(requests).toBeGreaterThan(before);
    expect(results[0].brief?.verdict).toBe('pass');
  });
});
