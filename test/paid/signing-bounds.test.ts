/**
 * Hostile sellers against the signing bounds of --pay, with the sandbox as the chain read (a
 * 6-decimal USDC, and an 18-decimal token placed beside it): the decimals behind --max-amount come
 * only from the payment's own chain, and no authorization outlives the validity bound. Each
 * seller records every payment it receives; the assertions are on what the funded key signed.
 */
import http from 'node:http';
import { createPublicClient, http as httpTransport, type Hex } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/context.js';
import { run } from '../../src/engine/run.js';
import { type BuyerSigner, signerFromKey } from '../../src/gather/pay/buyerSigner.js';
import { localBaseSepolia, sandboxChain } from '../../src/sandbox/chain.js';
import { startSandbox } from '../../src/sandbox/startSandbox.js';
import type { Sandbox } from '../../src/sandbox/types.js';
import { fiatTokenAbi } from '../../src/sandbox/usdc.js';

/** An 18-decimal token at an address no table knows, on the sandbox chain (84532) only. */
const TOKEN_18 = '0x00000000000000000000000000000000000000a1' as const;
const PAY_TO = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const TEN_TO_16 = '10000000000000000';

let sandbox: Sandbox;
let signer: BuyerSigner;
let accepts: Record<string, unknown>[] = [];
let received: { from: string; value: string; validBefore: string; network: string }[] = [];
let server: http.Server;
let url = '';

/** FiatTokenV2_2's code (already linked) at a second address, initialised with 18 decimals. */
async function placeToken18(): Promise<void> {
  const chain = sandboxChain(sandbox.rpcUrl);
  const code = await chain.publicClient.getCode({ address: sandbox.usdc });
  await chain.testClient.setCode({ address: TOKEN_18, bytecode: code! });
  const deployer = sandbox.accounts.deployer;
  const wallet = chain.walletFor(deployer);
  const abi = fiatTokenAbi();
  for (const [functionName, args] of [
    ['initialize', ['Eighteen', 'E18', 'USD', 18, deployer.address, deployer.address, deployer.address, deployer.address]],
    ['initializeV2', ['Eighteen']],
  ] as const) {
    await chain.confirm(await wallet.writeContract({ address: TOKEN_18, abi, functionName, args } as never), functionName);
  }
}

beforeAll(async () => {
  sandbox = await startSandbox({ sellers: false });
  signer = await signerFromKey(sandbox.accounts.buyers[0].privateKey);
  await placeToken18();
  server = http.createServer((req, res) => {
    const header = req.headers['payment-signature'];
    if (typeof header === 'string') {
      try {
        const p = JSON.parse(Buffer.from(header, 'base64').toString()) as { accepted: { network: string }; payload: { authorization: { from: string; value: string; validBefore: string } } };
        received.push({ ...p.payload.authorization, network: p.accepted.network });
      } catch {
        // the deliberately malformed payment
      }
    }
    const pr = { x402Version: 2, error: 'Payment required', resource: { url: `http://${req.headers.host}${req.url}`, description: 'd', mimeType: 'application/json' }, accepts };
    res.writeHead(402, { 'payment-required': Buffer.from(JSON.stringify(pr)).toString('base64'), 'content-type': 'application/json' }).end('{}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}/paid`;
});

afterAll(async () => {
  await new Promise<void>((r) => server?.close(() => r()));
  await sandbox?.stop();
});

const requirement = (o: Record<string, unknown>) => ({ scheme: 'exact', network: 'eip155:84532', amount: '1000', asset: sandbox.usdc, payTo: PAY_TO, maxTimeoutSeconds: 60, extra: { name: 'USDC', version: '2' }, ...o });

/** Probe the recording seller with one requirement; what the funded key signed, and the verdict on limits. */
async function probe(o: Record<string, unknown>, pay: { maxAmount?: string; mainnet?: boolean; maxValiditySeconds?: number } = {}, expect_: Record<string, unknown> = {}) {
  accepts = [requirement(o)];
  received = [];
  const { report } = await run({ url, rpc: sandbox.rpcUrl, expect: expect_, timeoutMs: 5_000, attacks: false, pay: { signer, maxAmount: '0.01', mainnet: false, ...pay } });
  const ours = received.filter((a) => a.from.toLowerCase() === signer.address.toLowerCase());
  return { ours, limits: report.checks.find((c) => c.id === 'pay.within-limits')!, report };
}

describe('decimals come only from the payment\'s own chain', () => {
  it('the sandbox really holds an 18-decimal token beside the 6-decimal USDC', async () => {
    const client = createPublicClient({ chain: localBaseSepolia(sandbox.rpcUrl), transport: httpTransport(sandbox.rpcUrl) });
    const decimals = (address: Hex) => client.readContract({ address, abi: fiatTokenAbi(), functionName: 'decimals' });
    expect(await decimals(TOKEN_18)).toBe(18);
    expect(await decimals(sandbox.usdc)).toBe(6);
  });

  it('signs nothing for 10^16 units of a token "on another chain" whose address holds an 18-decimal token on the chain read', async () => {
    for (const [network, mainnet] of [['eip155:11155111', false], ['eip155:999999', true]] as const) {
      const { ours, limits, report } = await probe({ network, asset: TOKEN_18, amount: TEN_TO_16, extra: { name: 'Eighteen', version: '2' } }, { mainnet });
      expect(ours, network).toEqual([]);
      // Nor is it shown priced in the other chain's decimals.
      expect(report.requirements[0].price).toBeNull();
      expect(limits.status).toBe('fail');
      expect(limits.message).toMatch(new RegExp(`reads chain 84532 .*not ${network}.*decimals`));
    }
  });

  it('signs nothing for 10^16 units of the sandbox USDC address named on another chain', async () => {
    const { ours, limits } = await probe({ network: 'eip155:11155111', amount: TEN_TO_16 });
    expect(ours).toEqual([]);
    expect(limits.status).toBe('fail');
  });

  it('prices a token read on its own chain in its own decimals (control: 0.01 of the 18-decimal token, and one unit more)', async () => {
    const within = await probe({ asset: TOKEN_18, amount: TEN_TO_16, extra: { name: 'Eighteen', version: '2' } });
    expect(within.limits.status).toBe('pass');
    // The paid request, its replay and the attack variants (one unit less, to the buyer, expired).
    expect(within.ours.map((a) => a.value)).toContain(TEN_TO_16);
    for (const a of within.ours) expect(BigInt(a.value)).toBeLessThanOrEqual(10n ** 16n);
    const above = await probe({ asset: TOKEN_18, amount: `${TEN_TO_16.slice(0, -1)}1`, extra: { name: 'Eighteen', version: '2' } });
    expect(above.ours).toEqual([]);
  });

  it('refuses an asset whose decimals nothing on its chain reports, unless the user names them', async () => {
    // The sandbox's IdentityRegistry: an ERC-721 with balanceOf but no decimals().
    const noDecimals = sandbox.identityRegistry;
    const unknown = await probe({ asset: noDecimals, amount: '5000' });
    expect(unknown.ours).toEqual([]);
    expect(unknown.limits.message).toMatch(/decimals .* are unknown.*--expect-asset/);
    const named = await probe({ asset: noDecimals, amount: '5000' }, {}, { asset: noDecimals, assetDecimals: 6 });
    expect(named.limits.status).toBe('pass');
    expect(named.ours.map((a) => a.value)).toContain('5000');
    for (const a of named.ours) expect(BigInt(a.value)).toBeLessThanOrEqual(10_000n);
    // Named decimals never override the chain's own answer.
    const contradicted = await probe({ asset: TOKEN_18, amount: '5000', extra: { name: 'Eighteen', version: '2' } }, {}, { asset: TOKEN_18, assetDecimals: 6 });
    expect(contradicted.ours).toEqual([]);
    expect(contradicted.limits.message).toMatch(/disagree/);
  });
});

describe('no authorization outlives the validity bound', () => {
  it('signs nothing for a maxTimeoutSeconds of 10^10, "600" (concatenated onto now by the official client), 600.5, -600 or beyond the bound', async () => {
    for (const maxTimeoutSeconds of [1e10, '600', 600.5, -600, 3601]) {
      const { ours, limits } = await probe({ maxTimeoutSeconds });
      expect(ours, String(maxTimeoutSeconds)).toEqual([]);
      expect(limits.status).toBe('fail');
      expect(limits.message).toMatch(/maxTimeoutSeconds/);
    }
  });

  it('signs at the bound with validBefore − now ≤ the bound, and honours a tighter --max-validity', async () => {
    const started = Math.floor(Date.now() / 1000);
    const atBound = await probe({ maxTimeoutSeconds: 3600 });
    expect(atBound.ours.length).toBeGreaterThan(0);
    for (const a of atBound.ours) expect(BigInt(a.validBefore)).toBeLessThanOrEqual(BigInt(Math.floor(Date.now() / 1000) + 3600));
    expect(BigInt(atBound.ours[0].validBefore)).toBeGreaterThanOrEqual(BigInt(started + 3600));
    const tight = await probe({ maxTimeoutSeconds: 300 }, { maxValiditySeconds: 60 });
    expect(tight.ours).toEqual([]);
    expect(tight.limits.message).toMatch(/exceeds --max-validity 60/);
  });
});

describe('the CLI flags', () => {
  const cli = async (argv: string[]) => {
    let out = '';
    const io: CliIO = { stdout: (t) => void (out += t), stderr: (t) => void (out += t), isTTY: false, color: false, env: { BUYER_KEY: sandbox.accounts.buyers[0].privateKey }, waitForInterrupt: () => new Promise(() => {}) };
    const code = await main(['check', url, '--pay', '--key-env', 'BUYER_KEY', '--rpc', sandbox.rpcUrl, '--no-attacks', '--json', ...argv], io);
    return { code, report: JSON.parse(out.slice(out.indexOf('{'))) as { payment: { plan: Record<string, unknown> }; checks: { id: string; status: string }[] } };
  };

  it('--max-validity and --expect-asset <address>:<decimals> reach the plan and the req.* checks', async () => {
    accepts = [requirement({ maxTimeoutSeconds: 300 })];
    const tight = await cli(['--max-validity', '60']);
    expect(tight.code).toBe(1);
    expect(tight.report.payment.plan).toMatchObject({ maxValiditySeconds: 60, validitySeconds: 300, refused: expect.stringMatching(/--max-validity 60/) });
    accepts = [requirement({ asset: sandbox.identityRegistry, amount: '5000' })];
    received = [];
    const named = await cli(['--expect-asset', `${sandbox.identityRegistry}:6`]);
    expect(named.report.payment.plan).toMatchObject({ refused: null, decimals: 6, decimalsSource: 'expect-asset' });
    expect(named.report.checks.find((c) => c.id === 'req.expect-asset')?.status).toBe('pass');
    expect(received.length).toBeGreaterThan(0);
  });
});
