/**
 * `validate` and the trust half of `registry show` on the sandbox chain: a published validation
 * that a second `registry show` reads back with its hash matching the report; requests addressed
 * to a validator; what the registry refuses; hostile registry records; key hygiene.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeFunctionData, keccak256, toHex, type Abi } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { validationRegistryAbi } from '../../src/registry/trustAbi.js';
import { hashOf } from '../../src/registry/validationDocument.js';
import { sandboxChain } from '../../src/sandbox/chain.js';
import { startSandbox } from '../../src/sandbox/startSandbox.js';
import type { Sandbox, SandboxAccount } from '../../src/sandbox/types.js';
import { version } from '../../src/version.js';
import { captureIO } from '../helpers/cli.js';
import { expectNoKeyIn } from './keyForms.js';

let sandbox: Sandbox;
let agent: string;
const printed: string[] = [];

beforeAll(async () => {
  sandbox = await startSandbox();
  agent = `84532:${sandbox.sellers.find((s) => s.name === 'v2-express')!.agentId}`;
});

afterAll(async () => {
  await sandbox?.stop();
});

async function cli(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string; err: string }> {
  const { io, out, err } = captureIO(env);
  const code = await main(argv, io);
  printed.push(out(), err());
  return { code, out: out(), err: err() };
}

const validate = (extra: string[], env: NodeJS.ProcessEnv = {}) => cli(['validate', agent, '--rpc', sandbox.rpcUrl, '--allow-private', '--timeout', '5000', '--json', ...extra], env);
const show = async (extra: string[] = []) => {
  const r = await cli(['registry', 'show', agent, '--rpc', sandbox.rpcUrl, '--json', ...extra]);
  return { ...r, json: JSON.parse(r.out) as { trust: { validations: Record<string, unknown>[]; validationDeployed: boolean; reputation: unknown; reputationError: string | null } } };
};

async function send(account: SandboxAccount, address: `0x${string}`, abi: Abi, functionName: string, args: unknown[]): Promise<void> {
  const chain = sandboxChain(sandbox.rpcUrl);
  const wallet = chain.walletFor(account);
  await chain.confirm(await wallet.writeContract({ address, abi, functionName, args } as Parameters<typeof wallet.writeContract>[0]), functionName);
}

const owner = () => sandbox.accounts.sellers[0];

describe('validate <agent> without --publish', () => {
  it('prints validationResponse calldata whose fields are the score, a data: URI of the report, its keccak and the tag', async () => {
    const { code, out } = await validate([]);
    expect(code).toBe(0);
    const result = JSON.parse(out);
    const { functionName, args } = decodeFunctionData({ abi: validationRegistryAbi, data: result.calldata });
    expect(functionName).toBe('validationResponse');
    const [requestHash, response, responseURI, responseHash, tag] = args as [string, number, string, string, string];
    expect({ requestHash, response, responseURI, responseHash, tag }).toEqual({
      requestHash: result.requestHash, response: 100, responseURI: result.responseURI, responseHash: result.responseHash, tag: `x402-probe/${version}`,
    });
    const text = Buffer.from(responseURI.slice('data:application/json;base64,'.length), 'base64').toString('utf8');
    expect(hashOf(text)).toBe(responseHash);
    const document = JSON.parse(text);
    expect(document).toMatchObject({ tool: 'x402-probe', kind: 'validation', verdict: 'pass', response: 100 });
    expect(document.reports).toHaveLength(1);
    expect(result.requestSource).toBe('none');
    expect(result.transaction).toBeNull();
  });

  it('takes the user\'s responseURI and still hashes the report it writes out', async () => {
    const { mkdtempSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'x402-validate-')), 'v.json');
    const { out } = await validate(['--response-uri', 'https://validator.example/v.json', '--report-out', file]);
    const result = JSON.parse(out);
    expect(result.responseURI).toBe('https://validator.example/v.json');
    expect(keccak256(toHex(readFileSync(file, 'utf8')))).toBe(result.responseHash);
  });
});

describe('validate --publish', () => {
  it('self-requests as the agent owner and answers; a second registry show reads it back with its hash matching the report', async () => {
    const published = await validate(['--publish', '--key-env', 'VALIDATOR_KEY'], { VALIDATOR_KEY: owner().privateKey });
    expect(published.code).toBe(0);
    const result = JSON.parse(published.out);
    expect(result.requestSource).toBe('self');
    expect(result.transaction.response.hash).toMatch(/^0x[0-9a-f]{64}$/);
    const { code, json } = await show();
    expect(code).toBe(0);
    const record = json.trust.validations.find((v) => v.requestHash === result.requestHash)!;
    expect(record).toMatchObject({ validator: owner().address, response: 100, responseHash: result.responseHash, tag: `x402-probe/${version}`, hashMatches: true, evidenceError: null });
    const pretty = await cli(['registry', 'show', agent, '--rpc', sandbox.rpcUrl]);
    expect(pretty.out).toContain('evidence matches');
  });

  it('answers a validationRequest addressed to the key\'s address', async () => {
    const validator = sandbox.accounts.buyers[2];
    const requestHash = keccak256(toHex('please validate'));
    await send(owner(), sandbox.validationRegistry, validationRegistryAbi as Abi, 'validationRequest', [validator.address, BigInt(agent.split(':')[1]), 'https://owner.example/req', requestHash]);
    const before = JSON.parse((await validate(['--validator', validator.address])).out);
    expect({ requestHash: before.requestHash, requestSource: before.requestSource }).toEqual({ requestHash, requestSource: 'request' });
    const { code, out } = await validate(['--publish', '--key-env', 'VALIDATOR_KEY'], { VALIDATOR_KEY: validator.privateKey });
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ requestHash, requestSource: 'request', validator: validator.address });
    const { json } = await show();
    expect(json.trust.validations.find((v) => v.requestHash === requestHash)).toMatchObject({ validator: validator.address, response: 100, hashMatches: true });
  });

  it('market shows each agent\'s validations and feedback, and --validated-by keeps and ranks only what that validator answered', async () => {
    const validator = sandbox.accounts.buyers[2];
    const all = await cli(['market', '--rpc', sandbox.rpcUrl, '--allow-private', '--json', '--timeout', '5000']);
    expect(all.code).toBe(0);
    const everything = JSON.parse(all.out) as { services: { agentId: string; trust: { validations: { count: number; average: number } } }[]; validationDeployed: boolean };
    expect(everything.validationDeployed).toBe(true);
    expect(everything.services.length).toBeGreaterThan(1);
    const validated = everything.services.find((s) => s.agentId === agent.split(':')[1])!;
    expect(validated.trust.validations).toEqual({ count: 2, average: 100 });
    const by = await cli(['market', '--rpc', sandbox.rpcUrl, '--allow-private', '--json', '--timeout', '5000', '--validated-by', validator.address]);
    const filtered = JSON.parse(by.out) as { services: { agentId: string; trust: { validatedBy: { count: number } } }[]; excluded: Record<string, number> };
    expect(filtered.services.map((s) => s.agentId)).toEqual([agent.split(':')[1]]);
    expect(filtered.services[0].trust.validatedBy.count).toBe(1);
    expect(filtered.excluded[`not validated by ${validator.address}`]).toBe(everything.services.length - 1);
    const pretty = await cli(['market', '--rpc', sandbox.rpcUrl, '--allow-private', '--timeout', '5000', '--validated-by', validator.address]);
    expect(pretty.out).toContain('validated (by)');
  });

  it('refuses, in one line and without sending anything, a key with no request and no right to ask', async () => {
    const outsider = sandbox.accounts.facilitator;
    const chain = sandboxChain(sandbox.rpcUrl);
    const nonce = await chain.publicClient.getTransactionCount({ address: outsider.address });
    const { code, err, out } = await validate(['--publish', '--key-env', 'VALIDATOR_KEY'], { VALIDATOR_KEY: outsider.privateKey });
    expect(await chain.publicClient.getTransactionCount({ address: outsider.address })).toBe(nonce);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(/no validationRequest for agent \d+ is addressed to 0x[0-9a-fA-F]{40}/);
  });

  it('refuses a mainnet without --mainnet, and --publish without a key, before any request', async () => {
    const mainnet = await cli(['validate', '8453:1', '--publish', '--key-env', 'VALIDATOR_KEY'], { VALIDATOR_KEY: owner().privateKey });
    expect(mainnet.code).toBe(2);
    expect(mainnet.err).toMatch(/needs --mainnet/);
    expect((await cli(['validate', agent, '--publish'])).err).toMatch(/--publish needs the validator's key/);
    expect((await cli(['validate', agent, '--key-env', 'X'])).err).toMatch(/--key-env only applies with --publish/);
  });

  it('sends nothing through an RPC on another chain than the agent\'s (a mainnet answering for Base Sepolia)', async () => {
    // The sandbox chain behind a proxy that says it is Base mainnet: the --mainnet gate judged 84532.
    const methods: string[] = [];
    const proxy = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', async () => {
        const calls = [JSON.parse(body)].flat() as { id: number; method: string }[];
        methods.push(...calls.map((c) => c.method));
        const answers = await Promise.all(calls.map(async (c) => (c.method === 'eth_chainId'
          ? { jsonrpc: '2.0', id: c.id, result: '0x2105' }
          : (await fetch(sandbox.rpcUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(c) })).json())));
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(Array.isArray(JSON.parse(body)) ? answers : answers[0]));
      });
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    try {
      const rpc = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
      const { code, err } = await cli(['validate', agent, '--rpc', rpc, '--allow-private', '--timeout', '5000', '--publish', '--key-env', 'VALIDATOR_KEY'], { VALIDATOR_KEY: owner().privateKey });
      expect(code).toBe(2);
      expect(err).toMatch(/is on chain 8453, but the agent is on chain 84532/);
      expect(methods).not.toContain('eth_sendRawTransaction');
    } finally {
      await new Promise<void>((r) => (proxy.closeAllConnections(), proxy.close(() => r())));
    }
  });

  it('gives one line naming the variable for a key that is not a key', async () => {
    const { code, err } = await validate(['--publish', '--key-env', 'VALIDATOR_KEY'], { VALIDATOR_KEY: `${owner().privateKey}00` });
    expect(code).toBe(2);
    expect(err).toMatch(/^x402-probe: --key-env: VALIDATOR_KEY does not hold a usable private key/);
  });
});

describe('hostile trust records', () => {
  let hits = 0;
  let server: Server;
  beforeAll(async () => {
    server = createServer((_req, res) => {
      hits += 1;
      res.end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('a validator record with a huge garbage responseURI, or one pointing at a private address, is a clean finding', async () => {
    const validator = sandbox.accounts.buyers[1];
    const agentId = BigInt(agent.split(':')[1]);
    const huge = keccak256(toHex('huge'));
    const privateUri = keccak256(toHex('private'));
    for (const requestHash of [huge, privateUri]) await send(owner(), sandbox.validationRegistry, validationRegistryAbi as Abi, 'validationRequest', [validator.address, agentId, '', requestHash]);
    await send(validator, sandbox.validationRegistry, validationRegistryAbi as Abi, 'validationResponse', [huge, 7, `data:application/json;base64,${'%\u202e\x1b'.repeat(40_000)}`, huge, '\x1b[2J'.repeat(200)]);
    const port = (server.address() as AddressInfo).port;
    await send(validator, sandbox.validationRegistry, validationRegistryAbi as Abi, 'validationResponse', [privateUri, 9, `http://127.0.0.1:${port}/evidence`, privateUri, 'x']);
    const { code, json, out } = await show();
    expect(code).toBe(0);
    const byHash = new Map(json.trust.validations.map((v) => [v.requestHash, v]));
    expect(byHash.get(huge)).toMatchObject({ response: 7, hashMatches: null });
    expect(String(byHash.get(huge)!.evidenceError)).toMatch(/bad-data-uri/);
    expect(String(byHash.get(huge)!.responseURI).length).toBeLessThan(700);
    expect(byHash.get(privateUri)).toMatchObject({ response: 9, hashMatches: null });
    expect(String(byHash.get(privateUri)!.evidenceError)).toMatch(/forbidden-address/);
    expect(hits).toBe(0);
    expect(out.length).toBeLessThan(2_000_000);
    const pretty = await cli(['registry', 'show', agent, '--rpc', sandbox.rpcUrl]);
    expect(pretty.out).not.toMatch(/[\x1b\u202e]/);
  });

  it('a Reputation registry that reverts or answers garbage, and a chain without a Validation registry, are reported, not crashes', async () => {
    const chain = sandboxChain(sandbox.rpcUrl);
    const [reputationCode, validationCode] = await Promise.all([chain.publicClient.getCode({ address: sandbox.reputationRegistry }), chain.publicClient.getCode({ address: sandbox.validationRegistry })]);
    try {
      // PUSH1 0 PUSH1 0 REVERT
      await chain.testClient.setCode({ address: sandbox.reputationRegistry, bytecode: '0x60006000fd' });
      await chain.testClient.setCode({ address: sandbox.validationRegistry, bytecode: '0x' });
      let r = await show();
      expect(r.code).toBe(0);
      expect(r.json.trust.reputationError).toMatch(/reverted|no data/);
      expect(r.json.trust.validationDeployed).toBe(false);
      const pretty = await cli(['registry', 'show', agent, '--rpc', sandbox.rpcUrl]);
      expect(pretty.out).toContain('no Validation registry on this chain');
      expect(pretty.out).toContain('Reputation registry');
      // Returns 32 bytes of 0xff for every call: no array decodes from that.
      await chain.testClient.setCode({ address: sandbox.reputationRegistry, bytecode: `0x7f${'ff'.repeat(32)}60005260206000f3` });
      r = await show();
      expect(r.code).toBe(0);
      expect(r.json.trust.reputationError).toBeTruthy();
      const unpublished = await validate([]);
      expect(unpublished.code).toBe(0);
      expect(JSON.parse(unpublished.out).validationDeployed).toBe(false);
      const refused = await validate(['--publish', '--key-env', 'VALIDATOR_KEY'], { VALIDATOR_KEY: owner().privateKey });
      expect(refused.code).toBe(2);
      expect(refused.err).toMatch(/no ValidationRegistry at 0x8004Cb1BF31DAf7788923b405b754f57acEB4272 on chain 84532/);
    } finally {
      await chain.testClient.setCode({ address: sandbox.reputationRegistry, bytecode: reputationCode! });
      await chain.testClient.setCode({ address: sandbox.validationRegistry, bytecode: validationCode! });
    }
  });
});

describe('key hygiene over validate', () => {
  it('no key given to validate appears in anything it printed, in any encoding', () => {
    const all = printed.join('\n');
    expect(all.length).toBeGreaterThan(1000);
    for (const account of [sandbox.accounts.sellers[0], sandbox.accounts.buyers[1], sandbox.accounts.buyers[2], sandbox.accounts.facilitator]) expectNoKeyIn(all, account.privateKey);
  });
});
