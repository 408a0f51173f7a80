/**
 * Hand-built good sellers (v1 body, v2 header with `{}`, v2 header mirrored in the body) must
 * pass the real engine with attacks on: no failed check, verdict pass. Warnings are allowed,
 * and listed in the assertion message so that a new one is seen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAY_TO, PRICE } from '../fixtures/sellers/challenge.js';
import { goodSellers } from '../fixtures/sellers/good.js';
import { type FixtureServer, startFixtureServer } from '../fixtures/sellers/server.js';
import { run } from '../src/engine/run.js';
import type { Report } from '../src/report/types.js';

function findings(report: Report, status: 'fail' | 'warn'): string {
  const list = report.checks.filter((c) => c.status === status).map((c) => `${c.id} [${c.messageId}]: ${c.message}${c.evidence ? ` (evidence: ${c.evidence})` : ''}`);
  return list.length ? list.join('\n') : 'none';
}

function expectClean(report: Report): void {
  const message = `failed:\n${findings(report, 'fail')}\nwarnings:\n${findings(report, 'warn')}`;
  expect(report.summary.fail, message).toBe(0);
  expect(report.verdict, message).toBe('pass');
}

describe.each(goodSellers)('good seller $name ($description)', ({ name, handler }) => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer(handler);
  });
  afterAll(() => server?.close());

  it('passes with attacks on, and answers the forged and malformed payments', async () => {
    const { report, artifacts } = await run({ url: server.url, attacks: true, timeoutMs: 5_000 });
    expectClean(report);
    expect(report.x402Version).toBe(name === 'v1' ? 1 : 2);
    // The run must really have exercised the seller, not skipped its way to a pass.
    expect(artifacts.forged?.exchange?.status).toBe(402);
    expect(artifacts.malformed?.exchange?.status).toBe(400);
    expect(report.checks.find((c) => c.id === 'http.reachable')?.status).toBe('pass');
  });

  const networks = name === 'v1' ? ['base-sepolia', 'eip155:84532'] : ['eip155:84532', 'base-sepolia'];
  it.each(networks)('passes with --expect-price, --expect-pay-to and --expect-network %s', async (network) => {
    const { report } = await run({ url: server.url, attacks: true, timeoutMs: 5_000, expect: { price: PRICE, payTo: PAY_TO, network } });
    expectClean(report);
  });
});
