/**
 * obol-stack's modes a buyer must be warned about, paid with real money on the sandbox chain:
 * the verify-only ForwardAuth path and a gate that settles before its upstream served. Each is
 * caught by the checks its catalog entry names; the honest proxy passes the same probe.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HONEST_UPSTREAM_FAILS, OBOL_PAID_DEFECTS } from '../../fixtures/paid-sellers/obol.js';
import { run } from '../../src/engine/run.js';
import { signerFromKey } from '../../src/gather/pay/buyerSigner.js';
import { type FakeOllama, startFakeOllama } from '../../src/sandbox/fakeOllama.js';
import { type ObolGateMode, startObolGate } from '../../src/sandbox/sellers/obolGate.js';
import { startSandbox } from '../../src/sandbox/startSandbox.js';
import type { Sandbox } from '../../src/sandbox/types.js';

let sandbox: Sandbox;
let ollama: FakeOllama;

beforeAll(async () => {
  [sandbox, ollama] = await Promise.all([startSandbox({ sellers: false }), startFakeOllama()]);
});

afterAll(async () => {
  await Promise.all([sandbox?.stop(), ollama?.close()]);
});

async function probe(mode: ObolGateMode, body: string, buyer: number) {
  const gate = await startObolGate({ facilitatorUrl: sandbox.facilitatorUrl, upstreamUrl: ollama.url, payTo: sandbox.accounts.sellers[0].address, mode });
  try {
    const signer = await signerFromKey(sandbox.accounts.buyers[buyer].privateKey);
    const { report } = await run({ url: gate.seller.url, method: 'POST', body, rpc: sandbox.rpcUrl, pay: { signer, maxAmount: '0.01', mainnet: false } });
    return report;
  } finally {
    await gate.close();
  }
}

describe('obol modes a buyer must be warned about', () => {
  for (const [i, entry] of OBOL_PAID_DEFECTS.entries()) {
    it(`${entry.id}: ${entry.defect}`, async () => {
      const report = await probe(entry.mode, entry.body, i);
      for (const { check, status, messageId } of entry.expect) {
        const result = report.checks.find((c) => c.id === check);
        expect(result?.status, `${check}: ${result?.message}`).toBe(status);
        if (messageId) expect(result?.messageId, `${check}: ${result?.message}`).toBe(messageId);
      }
      for (const check of entry.neverPass ?? []) expect(report.checks.find((c) => c.id === check)?.status, check).not.toBe('pass');
      expect(report.verdict).toBe('fail');
    });
  }

  it('the honest proxy, paid a request its upstream fails, settles nothing: pay.unserved-not-charged passes', async () => {
    const report = await probe('proxy', HONEST_UPSTREAM_FAILS, 2);
    const result = (id: string) => report.checks.find((c) => c.id === id);
    expect(result('pay.paid-served')?.status).toBe('fail');
    expect(result('pay.unserved-not-charged')?.messageId).toBe('ok');
    expect(result('pay.unserved-not-charged')?.status).toBe('pass');
  });
});
