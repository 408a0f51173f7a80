/**
 * Spend safety, property-tested over generated challenges and limits against a real loopback
 * seller that records every payment it receives, with the sandbox chain as the chain read: the
 * whole --pay run never signs more than the cap, never for an unexpected payTo, never on a
 * mainnet without --mainnet, never for a chain other than the one it reads, and every
 * authorization the funded key signs shares one nonce (so at most one can ever settle) unless
 * --max-total allows more: then what all its nonces could settle together stays within it.
 */
import http from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/engine/run.js';
import { signerFromKey } from '../../src/gather/pay/buyerSigner.js';
import { isMainnet, resolveNetwork } from '../../src/protocol/networks.js';
import { startSandbox } from '../../src/sandbox/startSandbox.js';
import type { Sandbox } from '../../src/sandbox/types.js';
import { decimalToAtomic } from '../../src/protocol/units.js';

const BUYER_KEY = '0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6';
const BUYER = '0x90F79bf6EB2c4f870365E785982E1f101E93b906';
const EXPECTED_PAY_TO = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const USDC: Record<string, string> = {
  'eip155:84532': '0x036CbD53842c5426634e7929541eC2318f3dCF7e',
  'base-sepolia': '0x036CbD53842c5426634e7929541eC2318f3dCF7e',
  'eip155:8453': '0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913',
  base: '0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913',
};
const NAMES: Record<string, string> = { 'eip155:84532': 'USDC', 'base-sepolia': 'USDC', 'eip155:8453': 'USD Coin', base: 'USD Coin' };

let challenge: { version: 1 | 2; accepts: Record<string, unknown>[]; identifier?: boolean } = { version: 2, accepts: [] };
let received: string[] = [];
let server: http.Server;
let url = '';
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ sellers: false });
  server = http.createServer((req, res) => {
    const header = req.headers['payment-signature'] ?? req.headers['x-payment'];
    if (typeof header === 'string') received.push(header);
    const resource = `http://${req.headers.host}${req.url}`;
    if (challenge.version === 2) {
      // Declaring payment-identifier makes the probe try a fresh authorization under it, budget allowing.
      const extensions = challenge.identifier ? { extensions: { 'payment-identifier': { info: { required: false }, schema: { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', properties: { required: { type: 'boolean' }, id: { type: 'string', minLength: 16, maxLength: 128, pattern: '^[a-zA-Z0-9_-]+$' } }, required: ['required'] } } } } : {};
      const pr = { x402Version: 2, error: 'Payment required', resource: { url: resource, description: 'd', mimeType: 'application/json' }, accepts: challenge.accepts, ...extensions };
      res.writeHead(402, { 'payment-required': Buffer.from(JSON.stringify(pr)).toString('base64'), 'content-type': 'application/json' }).end('{}');
    } else {
      res.writeHead(402, { 'content-type': 'application/json' }).end(JSON.stringify({ x402Version: 1, error: 'X-PAYMENT header is required', accepts: challenge.accepts.map((a) => ({ ...a, resource })) }));
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}/paid`;
});

afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  await sandbox?.stop();
});

const entry = fc.record({
  network: fc.constantFrom('eip155:84532', 'eip155:8453'),
  // Mostly prices a buyer might pay, sometimes absurd ones.
  amount: fc.oneof({ arbitrary: fc.bigInt({ min: 1n, max: 10_000n }), weight: 4 }, { arbitrary: fc.bigInt({ min: 1n, max: 10n ** 12n }), weight: 1 }),
  expectedPayTo: fc.boolean(),
});

describe('--pay spend safety', () => {
  it('signs nothing beyond the limits, whatever the challenge', async () => {
    const signer = await signerFromKey(BUYER_KEY);
    let runsThatSigned = 0;
    let runsWithFollowUps = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<1 | 2>(1, 2),
        fc.array(entry, { minLength: 1, maxLength: 3 }),
        fc.constantFrom('0.01', '0.01', '1', '0.001', '0.000001'),
        fc.boolean(),
        fc.boolean(),
        // The run budget: absent (one price), below, at and well above a few prices, or finer than the asset.
        fc.option(fc.constantFrom('0.000001', '0.002', '0.02', '0.5', '0.0000001'), { nil: undefined }),
        fc.boolean(),
        fc.boolean(),
        async (version, entries, maxAmount, mainnet, pinPayTo, maxTotal, identifier, payFailure) => {
          challenge = {
            version,
            identifier,
            accepts: entries.map((e) => {
              const network = version === 1 ? (e.network === 'eip155:84532' ? 'base-sepolia' : 'base') : e.network;
              const common = { scheme: 'exact', network, asset: USDC[network], payTo: e.expectedPayTo ? EXPECTED_PAY_TO : '0x000000000000000000000000000000000000bEEF', maxTimeoutSeconds: 60, extra: { name: NAMES[network], version: '2' } };
              return version === 2 ? { ...common, amount: e.amount.toString() } : { ...common, maxAmountRequired: e.amount.toString(), description: 'd', mimeType: 'application/json' };
            }),
          };
          received = [];
          const failureBody = payFailure ? '{"model":"no-such-model"}' : undefined;
          await run({ url, rpc: sandbox.rpcUrl, expect: pinPayTo ? { payTo: EXPECTED_PAY_TO } : {}, pay: { signer, maxAmount, mainnet, maxTotal, failureBody }, timeoutMs: 3000 });
          const cap = decimalToAtomic(maxAmount, 6)!;
          const decode = (h: string): unknown => {
            try {
              return JSON.parse(Buffer.from(h, 'base64').toString());
            } catch {
              return null; // the deliberately malformed payment
            }
          };
          const ours = received
            .map((h) => decode(h) as { network?: string; accepted?: { network: string; payTo: string }; payload: { authorization: { from: string; to: string; value: string; nonce: string } } })
              .filter((p) => p?.payload?.authorization?.from?.toLowerCase() === BUYER.toLowerCase());
          if (ours.length > 0) runsThatSigned += 1;
          // What the run could settle: the largest value signed under each nonce (one of them at most settles), summed.
          const exposure = new Map<string, bigint>();
          for (const p of ours) exposure.set(p.payload.authorization.nonce, [exposure.get(p.payload.authorization.nonce) ?? 0n, BigInt(p.payload.authorization.value)].reduce((a, b) => (a > b ? a : b)));
          if (maxTotal === undefined) expect(exposure.size).toBeLessThanOrEqual(1);
          else expect([...exposure.values()].reduce((a, b) => a + b, 0n)).toBeLessThanOrEqual(decimalToAtomic(maxTotal, 6) ?? 0n);
          if (exposure.size > 1) runsWithFollowUps += 1;
          for (const p of ours) {
            const auth = p.payload.authorization;
            const network = p.accepted?.network ?? p.network!;
            expect(BigInt(auth.value)).toBeLessThanOrEqual(cap);
            if (!mainnet) expect(isMainnet(network)).toBe(false);
            expect(resolveNetwork(network)?.chainId).toBe(sandbox.chainId);
            if (pinPayTo) expect([EXPECTED_PAY_TO.toLowerCase(), BUYER.toLowerCase()]).toContain(auth.to.toLowerCase());
          }
        },
      ),
      { numRuns: 60 },
    );
    // The property must not hold vacuously: many generated challenges are payable.
    expect(runsThatSigned).toBeGreaterThan(3);
    expect(runsWithFollowUps).toBeGreaterThan(0);
  });
});
