/**
 * `check --pay` against a seller that answers the 402 and hangs on every payment, on the sandbox
 * chain (real USDC, so the plan, balances and signatures are real). Before the run deadline this
 * took seven timeouts in a row; now the attack variants hang together, the paid request is cut at
 * the deadline and the report names it. Times come from the seller's own record.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HangOnPaymentSeller, mostOpenAtOnce, type SeenRequest, startHangOnPayment } from '../../fixtures/hostile/hang-on-payment.js';
import { PAY_TO } from '../../fixtures/sellers/challenge.js';
import type { CliIO } from '../../src/cli/context.js';
import { main } from '../../src/cli/main.js';
import { DEFAULT_REPLAY_CONCURRENCY } from '../../src/gather/pay/session.js';
import type { Report } from '../../src/report/types.js';
import { startSandbox } from '../../src/sandbox/startSandbox.js';
import type { Sandbox } from '../../src/sandbox/types.js';

const TIMEOUT_MS = 2_000;
/** The default deadline: 3 × --timeout. */
const DEADLINE_MS = 3 * TIMEOUT_MS;
const MARGIN_MS = 1_500;

let sandbox: Sandbox;
let seller: HangOnPaymentSeller;

beforeAll(async () => {
  sandbox = await startSandbox({ sellers: false });
  seller = await startHangOnPayment();
});

afterAll(async () => {
  await seller?.close();
  await sandbox?.stop();
});

/** Which payment a request carried, told apart by its authorization. */
function kindOf(r: SeenRequest, buyer: string): string {
  const a = r.authorization;
  if (!a) return r.payment === null ? 'unpaid' : 'malformed';
  if (a.from.toLowerCase() !== buyer.toLowerCase()) return 'forged';
  if (a.to.toLowerCase() === buyer.toLowerCase()) return 'wrong-recipient';
  if (a.value !== '10000') return 'underpaid';
  if (Number(a.validBefore) * 1000 < Date.now()) return 'expired';
  return a.to.toLowerCase() === PAY_TO.toLowerCase() ? 'paid' : 'other';
}

describe('check --pay against a seller that hangs on every payment', () => {
  it('sends the attack variants at once, all ended before the paid request, and cuts the paid request at the deadline', async () => {
    const buyer = sandbox.accounts.buyers[0];
    const out: string[] = [];
    const io: CliIO = { stdout: (t) => void out.push(t), stderr: () => {}, isTTY: false, color: false, env: { BUYER_KEY: buyer.privateKey }, waitForInterrupt: () => new Promise(() => {}) };
    const code = await main(['check', seller.url, '--timeout', String(TIMEOUT_MS), '--pay', '--key-env', 'BUYER_KEY', '--rpc', sandbox.rpcUrl, '--json'], io);
    const report = JSON.parse(out.join('')) as Report;

    const byKind = new Map<string, SeenRequest[]>();
    for (const r of seller.requests) byKind.set(kindOf(r, buyer.address), [...(byKind.get(kindOf(r, buyer.address)) ?? []), r]);
    expect([...byKind.keys()].sort()).toEqual(['expired', 'forged', 'malformed', 'paid', 'underpaid', 'unpaid', 'wrong-recipient']);
    // Forged and malformed hung side by side, then the three variants did.
    expect(mostOpenAtOnce([...byKind.get('forged')!, ...byKind.get('malformed')!])).toBe(2);
    const variants = ['underpaid', 'wrong-recipient', 'expired'].flatMap((k) => byKind.get(k)!);
    expect(mostOpenAtOnce(variants)).toBe(3);
    // They share the paid nonce: the paid request went out only once every one had timed out
    // (the seller may notice the last hang-up a moment after the next request arrives).
    const paid = byKind.get('paid')!;
    // The paid request goes out as --replay-concurrency copies (default 5) at once, not one after another.
    expect(paid).toHaveLength(DEFAULT_REPLAY_CONCURRENCY);
    for (const v of variants) expect(v.closedAt).not.toBeNull();
    expect(Math.max(...paid.map((p) => p.arrivedAt)) - Math.min(...paid.map((p) => p.arrivedAt))).toBeLessThan(TIMEOUT_MS / 2);
    expect(paid[0].arrivedAt).toBeGreaterThanOrEqual(Math.max(...variants.map((v) => v.arrivedAt)) + TIMEOUT_MS - 50);
    expect(paid[0].arrivedAt).toBeGreaterThanOrEqual(Math.max(...variants.map((v) => v.closedAt!)) - 100);
    expect(new Set([...variants, ...paid].map((r) => r.authorization!.nonce)).size).toBe(1);

    // The paid request was cut at the deadline and the replay never sent; the report says so.
    expect(report.deadline?.ms).toBe(DEADLINE_MS);
    expect(report.deadline?.exceeded).toBe(true);
    expect(report.deadline?.cut).toEqual(expect.arrayContaining(['payment.paid', 'payment.replay']));
    expect(report.deadline?.cut).not.toContain('payment.underpaid');
    expect(report.checks.find((c) => c.id === 'pay.paid-served')).toMatchObject({ status: 'fail', messageId: 'deadline' });
    expect(report.checks.find((c) => c.id === 'pay.underpaid-rejected')).toMatchObject({ status: 'warn', messageId: 'noResponse' });
    expect(report.checks.find((c) => c.id === 'http.deadline')).toMatchObject({ status: 'fail', messageId: 'cut' });
    expect(report.verdict).toBe('fail');
    expect(code).toBe(1);

    // Seven hung exchanges at 2 s each took 14 s; the whole run now ends at its deadline.
    const lastClose = Math.max(...seller.requests.map((r) => r.closedAt ?? Number.POSITIVE_INFINITY));
    expect(lastClose - seller.requests[0].arrivedAt).toBeLessThan(DEADLINE_MS + MARGIN_MS);
    expect(report.durationMs).toBeLessThan(DEADLINE_MS + MARGIN_MS);
  });
});
