import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allChecks } from '../checks/index.js';
import { fail, pass, warn } from '../checks/outcome.js';
import type { Check, CheckMeta } from '../checks/types.js';
import type { Gatherer } from '../gather/types.js';
import { ConfigError } from '../errors.js';
import { registerSecret } from '../util/redact.js';
import { BASE_SEPOLIA_USDC, exchange, PAY_TO } from '../../test/helpers/artifacts.js';
import { run } from './run.js';
import type { ProgressEvent } from './options.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

async function listen(handler: Handler): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** A v2 seller as the reference middleware behaves: challenge in the header, `{}` body, no payment accepted. */
function v2Seller(seen: IncomingMessage[]): Handler {
  return (req, res) => {
    seen.push(req);
    const url = `http://${req.headers.host}${req.url}`;
    const paymentRequired = {
      x402Version: 2,
      error: req.headers['payment-signature'] ? 'invalid_payment' : 'Payment required',
      resource: { url, description: 'Weather report', mimeType: 'application/json' },
      accepts: [{ scheme: 'exact', network: 'eip155:84532', amount: '10000', asset: BASE_SEPOLIA_USDC, payTo: PAY_TO, maxTimeoutSeconds: 60, extra: { name: 'USDC', version: '2' } }],
    };
    res.writeHead(402, {
      'content-type': 'application/json',
      'cache-control': 'no-store',
      'access-control-expose-headers': 'PAYMENT-REQUIRED, PAYMENT-RESPONSE',
      'payment-required': Buffer.from(JSON.stringify(paymentRequired)).toString('base64'),
    });
    res.end('{}');
  };
}

/** A port nothing listens on: bind, note it, close. */
async function closedPort(): Promise<number> {
  const { server, url } = await listen(() => undefined);
  await close(server);
  return Number(new URL(url).port);
}

function makeCheck(id: string, severity: CheckMeta['severity'], outcome: 'pass' | 'fail' | 'warn'): Check {
  const meta: CheckMeta = { id, title: id, severity, specRef: 'https://example.com', fix: 'Fix it.', requires: ['target'], messages: { m: 'message' } };
  return { meta, check: () => ({ pass, fail, warn })[outcome](meta, 'm') };
}

describe('run() against a loopback v2 seller', () => {
  const seen: IncomingMessage[] = [];
  let seller: { server: Server; url: string };
  beforeAll(async () => {
    seller = await listen(v2Seller(seen));
  });
  afterAll(() => close(seller.server));

  it('gathers unpaid, challenge, forged and malformed, and reports the v2 requirement', async () => {
    const events: ProgressEvent[] = [];
    const now = new Date('2026-11-25T12:00:00.000Z');
    const { report, artifacts } = await run({ url: `${seller.url}/weather`, timeoutMs: 5_000, now: () => now, onProgress: (e) => events.push(e) });

    expect(artifacts.unpaid?.status).toBe(402);
    expect(artifacts.challenge?.x402Version).toBe(2);
    expect(artifacts.challenge?.source).toBe('header');
    expect(artifacts.challenge?.requirements).toHaveLength(1);
    expect(artifacts.forged?.kind).toBe('forged');
    expect(artifacts.forged?.headerName).toBe('PAYMENT-SIGNATURE');
    expect(artifacts.forged?.exchange?.status).toBe(402);
    expect(artifacts.forged?.payer).toMatch(/^0x[0-9a-fA-F]{40}$/);
    expect(artifacts.malformed?.exchange?.status).toBe(402);
    expect(artifacts.tokenInfo).toBeUndefined();
    expect(artifacts.target).toMatchObject({ url: `${seller.url}/weather`, method: 'GET', loopback: true, startedAt: now.toISOString(), nowSeconds: now.getTime() / 1000 });
    // The seller saw the unpaid request, then one request per payment attempt, each with its header.
    expect(seen.some((r) => typeof r.headers['payment-signature'] === 'string' && r.headers['payment-signature'].startsWith('!!'))).toBe(true);

    expect(report.tool).toBe('x402-probe');
    expect(report.x402Version).toBe(2);
    expect(report.startedAt).toBe(now.toISOString());
    expect(report.requirements[0]).toMatchObject({ network: 'eip155:84532', amount: '10000', price: '0.01', symbol: 'USDC' });
    expect(report.checks).toHaveLength(allChecks.length);
    expect(report.summary.pass + report.summary.fail + report.summary.warn + report.summary.skip).toBe(report.checks.length);
    expect(report.checks.filter((c) => c.messageId === 'internalError'), 'no check may crash on a real v2 seller').toEqual([]);
    for (const c of report.checks.filter((c) => allChecks.find((k) => k.meta.id === c.id)?.meta.requires.includes('tokenInfo'))) expect(c.status).toBe('skip');

    expect(events[0]).toEqual({ phase: 'gather', artifact: 'unpaid' });
    expect(events.slice(-2)).toEqual([{ phase: 'check' }, { phase: 'done' }]);
  });

  it('produces JSON-serialisable artifacts and report (they round-trip)', async () => {
    const { report, artifacts } = await run({ url: `${seller.url}/weather`, timeoutMs: 5_000 });
    expect(JSON.parse(JSON.stringify(artifacts))).toEqual(artifacts);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
    expect(JSON.stringify(artifacts)).not.toMatch(/"\[object Object\]"/);
  });

  it('probes a target from data only at a public address: refused on loopback (nothing sent), reached with allowPrivate', async () => {
    const before = seen.length;
    const refused = await run({ url: `${seller.url}/weather`, timeoutMs: 5_000, targetSource: 'data' });
    expect(refused.artifacts.unpaid?.error?.code).toBe('forbidden-address');
    expect(refused.report.checks.find((c) => c.id === 'http.reachable')).toMatchObject({ status: 'fail', messageId: 'forbidden' });
    expect(refused.report.verdict).toBe('fail');
    expect(seen.length).toBe(before);
    // The run's own policy takes the injected classifier: 127.0.0.1 stands in for a public host here.
    const standIn = await run({ url: `${seller.url}/weather`, timeoutMs: 5_000, targetSource: 'data', attacks: false, discovery: false, classifyAddress: (a) => (a === '127.0.0.1' ? 'unicast' : 'loopback') });
    expect(standIn.artifacts.unpaid?.status).toBe(402);
    const opted = await run({ url: `${seller.url}/weather`, timeoutMs: 5_000, targetSource: 'data', attacks: false, discovery: false, allowPrivate: true });
    expect(opted.artifacts.unpaid?.status).toBe(402);
    expect(seen.length - before).toBe(2);
  });

  it('sends no payment with --no-attacks, and the attack checks skip with that reason', async () => {
    const before = seen.length;
    const { report, artifacts } = await run({ url: `${seller.url}/weather`, timeoutMs: 5_000, attacks: false, discovery: false });
    expect(seen.length - before).toBe(1);
    expect(artifacts.forged).toBeUndefined();
    const forgedChecks = report.checks.filter((c) => allChecks.find((k) => k.meta.id === c.id)?.meta.requires.includes('forged'));
    for (const c of forgedChecks) {
      expect(c.status).toBe('skip');
      expect(c.message).toContain('--no-attacks');
    }
  });
});

describe('run() against a closed port', () => {
  it('fails http.reachable and never throws', async () => {
    const port = await closedPort();
    const { report, artifacts } = await run({ url: `http://127.0.0.1:${port}/x`, timeoutMs: 3_000 });
    expect(artifacts.unpaid?.status).toBeNull();
    expect(artifacts.unpaid?.error?.code).toBe('refused');
    expect(artifacts.challenge).toBeUndefined();
    expect(report.verdict).toBe('fail');
    expect(report.x402Version).toBeNull();
    expect(report.requirements).toEqual([]);
    const reachable = report.checks.find((c) => c.id === 'http.reachable');
    if (allChecks.some((c) => c.meta.id === 'http.reachable')) {
      expect(reachable?.status).toBe('fail');
      expect(reachable?.messageId).toBe('refused');
    }
    const needsChallenge = report.checks.filter((c) => allChecks.find((k) => k.meta.id === c.id)?.meta.requires.includes('challenge'));
    for (const c of needsChallenge) {
      expect(c.status).toBe('skip');
      if (c.message.includes('"challenge"')) expect(c.message).toContain('no response to the unpaid request');
    }
    if (needsChallenge.length > 0) expect(needsChallenge.some((c) => c.message.includes('no response to the unpaid request'))).toBe(true);
    expect(report.checks.filter((c) => c.messageId === 'internalError'), 'no check may crash on an unreachable target').toEqual([]);
  });

  it('records an unusable URL as a finding, not an exception', async () => {
    const { report, artifacts } = await run({ url: 'not a url', timeoutMs: 1_000 });
    expect(artifacts.unpaid?.error?.code).toBe('invalid-url');
    expect(report.verdict).toBe('fail');
    expect(report.checks.filter((c) => c.messageId === 'internalError')).toEqual([]);
  });
});

describe('run() with a gatherer list override', () => {
  const fakeUnpaid: Gatherer<'unpaid'> = { meta: { artifact: 'unpaid', dependencies: [] }, gather: async () => exchange({ status: 200, body: 'free!' }) };

  it('runs only the gatherers given; the others are not gathered and their checks skip', async () => {
    const { artifacts, report } = await run({ url: 'https://seller.invalid/x', gatherers: [fakeUnpaid] });
    expect(Object.keys(artifacts).sort()).toEqual(['deadline', 'target', 'unpaid']);
    expect(artifacts.unpaid?.body).toBe('free!');
    for (const c of report.checks) {
      const meta = allChecks.find((k) => k.meta.id === c.id)!.meta;
      if (meta.requires.some((name) => name !== 'target' && name !== 'unpaid' && name !== 'deadline')) {
        expect(c.status).toBe('skip');
        expect(c.message).toContain('not gathered');
      }
    }
  });

  it('plans a gatherer list again when the caller changed it between runs (the plan cache keys by the array)', async () => {
    const fakeChallenge: Gatherer<'challenge'> = { meta: { artifact: 'challenge', dependencies: [] }, gather: async () => ({ requirements: [] }) as never };
    const list: Gatherer[] = [fakeUnpaid];
    expect(Object.keys((await run({ url: 'https://seller.invalid/x', gatherers: list, checks: [] })).artifacts).sort()).toEqual(['deadline', 'target', 'unpaid']);
    list.push(fakeChallenge);
    expect(Object.keys((await run({ url: 'https://seller.invalid/x', gatherers: list, checks: [] })).artifacts).sort()).toEqual(['challenge', 'deadline', 'target', 'unpaid']);
    // A list made unplannable after a good run is still refused before any request.
    list.push(fakeUnpaid);
    await expect(run({ url: 'https://seller.invalid/x', gatherers: list, checks: [] })).rejects.toThrow(/two gatherers produce "unpaid"/);
  });

  it('turns a skipReason and a throwing gatherer into skips with the reason, secrets redacted', async () => {
    const secret = `0x${'ab12'.repeat(16)}`;
    registerSecret(secret);
    const throwing: Gatherer<'challenge'> = {
      meta: { artifact: 'challenge', dependencies: [] },
      gather: async () => {
        throw new Error(`boom with key ${secret}\nsecond line`);
      },
    };
    const skipped: Gatherer<'forged'> = { meta: { artifact: 'forged', dependencies: [] }, skipReason: () => 'because the test says so', gather: async () => { throw new Error('must not run'); } };
    const needs = (artifact: string, message: string): Check => {
      const meta: CheckMeta = { id: `test.${artifact}`, title: artifact, severity: 'error', specRef: 'https://example.com', fix: 'Fix it.', requires: [artifact as 'challenge'], messages: { m: message } };
      return { meta, check: () => pass(meta, 'm') };
    };
    const { report } = await run({ url: 'https://seller.invalid/x', gatherers: [fakeUnpaid, throwing, skipped], checks: [needs('challenge', 'x'), needs('forged', 'y')] });
    const [challenge, forged] = report.checks;
    expect(challenge.status).toBe('skip');
    expect(challenge.message).toContain('gatherer failed: boom with key [redacted]');
    expect(challenge.message).not.toContain('ab12ab12');
    expect(challenge.message).not.toContain('second line');
    expect(forged.message).toContain('because the test says so');
  });

  it('propagates a gatherer\'s ConfigError (the buyer\'s broken setup) instead of judging the seller on it', async () => {
    const fakeUnpaid: Gatherer<'unpaid'> = { meta: { artifact: 'unpaid', dependencies: [] }, gather: async () => exchange({ status: 402 }) };
    const signerGone: Gatherer<'payment'> = {
      meta: { artifact: 'payment', dependencies: [] },
      gather: async () => {
        throw new ConfigError('--signer: the remote signer at http://127.0.0.1:1 stopped answering (refused)');
      },
    };
    await expect(run({ url: 'https://seller.invalid/x', gatherers: [fakeUnpaid, signerGone] })).rejects.toBeInstanceOf(ConfigError);
  });
});

describe('run() verdict', () => {
  const verdict = async (checks: Check[], strict?: boolean) => (await run({ url: 'https://seller.invalid/', gatherers: [], checks, strict })).report;

  it('passes with no failures, fails on a fail', async () => {
    expect((await verdict([makeCheck('t.a', 'error', 'pass')])).verdict).toBe('pass');
    const failed = await verdict([makeCheck('t.a', 'error', 'pass'), makeCheck('t.b', 'error', 'fail')]);
    expect(failed.verdict).toBe('fail');
    expect(failed.summary).toEqual({ pass: 1, fail: 1, warn: 0, skip: 0 });
  });

  it('fails on a warning only with strict', async () => {
    const checks = [makeCheck('t.a', 'warning', 'fail'), makeCheck('t.b', 'error', 'warn')];
    const lax = await verdict(checks);
    expect(lax.summary).toEqual({ pass: 0, fail: 0, warn: 2, skip: 0 });
    expect(lax.verdict).toBe('pass');
    expect(lax.strict).toBe(false);
    const strict = await verdict(checks, true);
    expect(strict.verdict).toBe('fail');
    expect(strict.strict).toBe(true);
  });
});

describe('run() under a run deadline', () => {
  const fakeUnpaid: Gatherer<'unpaid'> = { meta: { artifact: 'unpaid', dependencies: [] }, gather: async () => exchange({ status: 402 }) };
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const needs = (artifact: string): Check => {
    const meta: CheckMeta = { id: `test.${artifact}`, title: artifact, severity: 'error', specRef: 'https://example.com', fix: 'Fix it.', requires: [artifact as 'forged'], messages: { m: 'ran' } };
    return { meta, check: () => pass(meta, 'm') };
  };

  it('starts no gatherer after the deadline, names it and the one it stopped, and still runs offline ones', async () => {
    const started: string[] = [];
    const slowRead: Gatherer<'tokenInfo'> = {
      meta: { artifact: 'tokenInfo', dependencies: [] },
      gather: async () => {
        started.push('tokenInfo');
        await sleep(250);
        return { asset: '0x', chainId: null, requirementIndex: 0, name: null, version: null, decimals: null, hasCode: false, error: 'timeout' };
      },
    };
    const later: Gatherer<'forged'> = { meta: { artifact: 'forged', dependencies: [] }, gather: async () => { started.push('forged'); throw new Error('must not start'); } };
    const skipped: Gatherer<'malformed'> = { meta: { artifact: 'malformed', dependencies: [] }, skipReason: () => 'attacks disabled (--no-attacks)', gather: async () => { throw new Error('must not start'); } };
    const offline: Gatherer<'offer'> = { meta: { artifact: 'offer', dependencies: [], offline: true }, gather: async () => { started.push('offer'); return {} as never; } };
    const checks = [...allChecks.filter((c) => c.meta.id === 'http.deadline'), needs('forged'), needs('malformed')];
    const { report, artifacts } = await run({ url: 'https://seller.invalid/x', deadlineMs: 100, gatherers: [fakeUnpaid, slowRead, later, skipped, offline], checks });
    expect(started).toEqual(['tokenInfo', 'offer']);
    expect(artifacts.deadline).toMatchObject({ ms: 100, exceeded: true, cut: ['tokenInfo', 'forged'] });
    expect(report.deadline).toEqual({ ms: 100, exceeded: true, cut: ['tokenInfo', 'forged'] });
    const [deadline, forged, malformed] = report.checks;
    expect([deadline.id, deadline.status, deadline.messageId]).toEqual(['http.deadline', 'fail', 'cut']);
    expect(forged.status).toBe('skip');
    expect(forged.message).toContain('not started: the run deadline (100 ms) had passed');
    // A gatherer that would not have run anyway keeps its own reason and is not counted as cut.
    expect(malformed.message).toContain('--no-attacks');
    expect(report.verdict).toBe('fail');
  });

  it('gives each call at most the time left (ctx.timeoutMs), never less than 1 ms', async () => {
    const seen: number[] = [];
    const reader: Gatherer<'tokenInfo'> = {
      meta: { artifact: 'tokenInfo', dependencies: [] },
      gather: async (ctx) => {
        seen.push(ctx.timeoutMs);
        await sleep(150);
        seen.push(ctx.timeoutMs);
        await sleep(200);
        seen.push(ctx.timeoutMs);
        return {} as never;
      },
    };
    await run({ url: 'https://seller.invalid/x', timeoutMs: 5_000, deadlineMs: 300, gatherers: [reader], checks: [] });
    expect(seen[0]).toBeLessThanOrEqual(300);
    expect(seen[1]).toBeLessThan(seen[0]);
    expect(seen[1]).toBeLessThanOrEqual(160);
    expect(seen[2]).toBe(1);
  });

  it('runs adjacent concurrent gatherers at the same time, and the others one after another', async () => {
    const log: string[] = [];
    const concurrent = (artifact: 'forged' | 'malformed'): Gatherer => ({
      meta: { artifact, dependencies: [], concurrent: true },
      gather: async () => {
        log.push(`start ${artifact}`);
        await sleep(100);
        log.push(`end ${artifact}`);
        return {} as never;
      },
    });
    const after: Gatherer<'payment'> = { meta: { artifact: 'payment', dependencies: [] }, gather: async () => { log.push('start payment'); return {} as never; } };
    const { report } = await run({ url: 'https://seller.invalid/x', gatherers: [fakeUnpaid, concurrent('forged'), concurrent('malformed'), after], checks: [] });
    expect(log.slice(0, 2).sort()).toEqual(['start forged', 'start malformed']);
    expect(log.at(-1)).toBe('start payment');
    expect(report.deadline).toEqual({ ms: 30_000, exceeded: false, cut: [] });
  });

  it('defaults to 3 × the per-exchange timeout', async () => {
    const { report } = await run({ url: 'https://seller.invalid/x', timeoutMs: 2_000, gatherers: [], checks: [] });
    expect(report.deadline?.ms).toBe(6_000);
  });
});
