/**
 * A broken buyer setup is not the seller's failure, and a paid probe passes only verified on
 * chain. End to end through the CLI on the sandbox: an --rpc that does not answer, a --signer that
 * is down at the start or dies mid-run, are one-line configuration errors (exit 2) with no report
 * that blames the seller; a seller whose receipt names a made-up transaction fails (exit 1).
 * Nothing here contacts a public RPC: "none answers" is a loopback port nobody listens on.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSigner } from '../../fixtures/signer/fakeSigner.js';
import { startGate, type StartedGate } from '../../fixtures/paid-sellers/gate.js';
import { main } from '../../src/cli/main.js';
import { startSandbox } from '../../src/sandbox/startSandbox.js';
import type { Sandbox } from '../../src/sandbox/types.js';
import { captureIO } from '../helpers/cli.js';

let sandbox: Sandbox;
let honest: StartedGate;
let madeUp: StartedGate;
let careful: StartedGate;
let closedPort: number;

beforeAll(async () => {
  sandbox = await startSandbox({ sellers: false });
  const ctx = { facilitatorUrl: sandbox.facilitatorUrl, rpcUrl: sandbox.rpcUrl, payTo: sandbox.accounts.sellers[0].address };
  honest = await startGate({ version: 2, verify: 'facilitator', settle: 'before-response', receipt: 'real' }, ctx);
  madeUp = await startGate({ version: 2, verify: 'facilitator', settle: 'never', receipt: 'made-up' }, ctx);
  careful = await startGate({ version: 2, verify: 'facilitator', settle: 'after-upstream', receipt: 'real', paymentIdentifier: 'cache', upstreamFailsOn: 'no-such-model' }, ctx);
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedPort = (probe.address() as { port: number }).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
});

afterAll(async () => {
  await honest?.close();
  await madeUp?.close();
  await careful?.close();
  await sandbox?.stop();
});

async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { io, out, err } = captureIO({ BUYER_KEY: sandbox.accounts.buyers[2].privateKey });
  const code = await main(argv, io);
  return { code, stdout: out(), stderr: err() };
}

/** Exit 2, exactly one line on stderr matching `pattern`, and no report at all. */
function expectConfigError(result: { code: number; stdout: string; stderr: string }, pattern: RegExp): void {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stderr.trimEnd().split('\n'), result.stderr).toHaveLength(1);
  expect(result.stderr).toMatch(pattern);
  expect(result.stdout).toBe('');
}

describe('a broken buyer setup is a configuration error (exit 2), not the seller\'s failure', () => {
  it('an --rpc that does not answer stops the run before any request to the target, with or without --pay', async () => {
    const silent = `http://127.0.0.1:${closedPort}/v2/SECRETKEY`;
    const before = honest.requests();
    for (const extra of [[], ['--pay', '--key-env', 'BUYER_KEY']]) {
      const result = await cli(['check', honest.url, '--rpc', silent, ...extra]);
      expectConfigError(result, new RegExp(`^x402-probe: --rpc: the RPC at http://127\\.0\\.0\\.1:${closedPort} did not answer eth_chainId`));
      expect(result.stderr).not.toContain('SECRETKEY');
    }
    expect(honest.requests()).toBe(before);
  });

  it('a --signer that is down at the start', async () => {
    const result = await cli(['check', honest.url, '--pay', '--signer', `http://127.0.0.1:${closedPort}`, '--rpc', sandbox.rpcUrl]);
    expectConfigError(result, /^x402-probe: --signer: the remote signer at http:\/\/127\.0\.0\.1:\d+ did not answer/);
  });

  it('a --signer that dies mid-run (after the payment is signed, before the attack variants are)', async () => {
    const remote = await startFakeSigner({ privateKey: sandbox.accounts.buyers[2].privateKey, dieAfterSignatures: 1 });
    try {
      const result = await cli(['check', honest.url, '--pay', '--signer', remote.url, '--rpc', sandbox.rpcUrl, '--json']);
      expectConfigError(result, /^x402-probe: --signer: the remote signer at http:\/\/127\.0\.0\.1:\d+ stopped answering/);
      expect(remote.requests.filter((r) => r.path.endsWith('/typed-data')).length).toBeGreaterThanOrEqual(2);
    } finally {
      await remote.close().catch(() => undefined);
    }
  });
});

describe('a paid probe is verified on chain or it does not pass', () => {
  it('a seller that verifies but reports a made-up transaction fails (exit 1)', async () => {
    const result = await cli(['check', madeUp.url, '--pay', '--key-env', 'BUYER_KEY', '--rpc', sandbox.rpcUrl, '--json']);
    expect(result.code, result.stderr).toBe(1);
    const report = JSON.parse(result.stdout) as { checks: { id: string; status: string; messageId: string }[] };
    const onchain = report.checks.find((c) => c.id === 'pay.settlement-onchain');
    expect(onchain).toMatchObject({ status: 'fail', messageId: 'notFound' });
  });

  it('the honest gate\'s settlement is this run\'s authorization', async () => {
    const result = await cli(['check', honest.url, '--pay', '--key-env', 'BUYER_KEY', '--rpc', sandbox.rpcUrl, '--json']);
    const report = JSON.parse(result.stdout) as { checks: { id: string; status: string; message: string }[]; payment: { nonce: string } };
    const onchain = report.checks.find((c) => c.id === 'pay.settlement-onchain');
    expect(onchain?.status, onchain?.message).toBe('pass');
    expect(onchain?.message).toContain(report.payment.nonce);
  });
});

describe('--max-total and --pay-failure', () => {
  it('are usage errors without --pay, and an unreadable @file is one too', async () => {
    expectConfigError(await cli(['check', careful.url, '--max-total', '0.01']), /^x402-probe: --max-total and --pay-failure only apply with --pay\n?$/);
    const missing = await cli(['check', careful.url, '--pay', '--key-env', 'BUYER_KEY', '--rpc', sandbox.rpcUrl, '--max-total', '0.003', '--pay-failure', '@/nonexistent/body.json']);
    expectConfigError(missing, /^x402-probe: --pay-failure: cannot read \/nonexistent\/body\.json \(ENOENT\)\n?$/);
  });

  it('a careful seller passes every follow-up, reported under payment.followUps', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'x402-probe-')), 'failure.json');
    writeFileSync(file, '{"model":"no-such-model"}');
    const result = await cli(['check', careful.url, '-d', '{"model":"tiny"}', '--pay', '--key-env', 'BUYER_KEY', '--rpc', sandbox.rpcUrl, '--max-total', '0.003', '--pay-failure', `@${file}`, '--json']);
    const report = JSON.parse(result.stdout) as { checks: { id: string; status: string; messageId: string; message: string }[]; payment: { followUps: Record<string, { sent: boolean; settled: boolean | null } | unknown> } };
    for (const [id, messageId] of [['pay.identifier-retry-cached', 'cached'], ['pay.identifier-fresh-not-settled', 'notSettled'], ['pay.unserved-not-charged', 'failureOk'], ['pay.replay-rejected', 'identified']]) {
      const c = report.checks.find((x) => x.id === id);
      expect([c?.status, c?.messageId], c?.message).toEqual(['pass', messageId]);
    }
    expect(report.payment.followUps).toMatchObject({ budget: { totalCapAtomic: '3000', extraPrices: 2 }, identifierFresh: { sent: true, settled: false }, payFailure: { sent: true, settled: false, status: 404 } });
  });
});
