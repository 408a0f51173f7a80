#!/usr/bin/env node
// Enumerating an ERC-8004 registry: x402-probe's scan (enumerateAgents over Registered/URIUpdated
// logs in block chunks, then every data: file decoded and validated against the registration
// schema) against a bare baseline (one eth_getLogs of Registered, one Multicall3 eth_call of
// tokenURI for every id, base64-decode and JSON.parse). Both run at 1k, 5k and 10k agents on a
// local anvil (chain id 84532, the IdentityRegistry at its Base Sepolia address) to show the
// growth is linear; the last line is `ratio: <ours / baseline at 10k>` (goal <= 2).
//
// The 10,000 agents are real registrations: a helper contract calls register(agentURI) 200 times
// per transaction (owner = the helper, which accepts ERC-721 mints), so every agent has its
// Registered log and its data: URI in storage, with no storage written by hand.
//
// Runs against dist/: run `npm run build` first.   Runs per size: BENCH_RUNS (default 5).
import { createRequire } from 'node:module';
import { createPublicClient, createWalletClient, defineChain, http } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { median, requireBuild } from './lib.mjs';

requireBuild();
const { startAnvil } = await import('../dist/sandbox/anvil.js');
const { sandboxChain } = await import('../dist/sandbox/chain.js');
const { placeIdentityRegistry } = await import('../dist/sandbox/registry.js');
const { placeMulticall3, MULTICALL3_ADDRESS } = await import('../dist/sandbox/multicall.js');
const { identityRegistryAbi, IDENTITY_REGISTRY_TESTNET, REGISTRATION_TYPE } = await import('../dist/registry/abi.js');
const { enumerateAgents } = await import('../dist/registry/enumerateAgents.js');
const { fetchRegistrationFile } = await import('../dist/registry/fetchRegistrationFile.js');
const { validateRegistrationFile } = await import('../dist/registry/validateRegistrationFile.js');

const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 5) || 5);
const SIZES = [1_000, 5_000, 10_000];
const PER_TX = 200;
const REGISTRY = IDENTITY_REGISTRY_TESTNET;
// Anvil's first development key: public knowledge, funds nothing real.
const DEV_KEY = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';
const DATA_PREFIX = 'data:application/json;base64,';

const HELPER_SOURCE = `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;
interface IIdentityRegistry { function register(string calldata agentURI) external returns (uint256); }
contract BatchRegistrar {
  function registerMany(address registry, string[] calldata uris) external {
    for (uint256 i = 0; i < uris.length; i++) IIdentityRegistry(registry).register(uris[i]);
  }
  function onERC721Received(address, address, uint256, bytes calldata) external pure returns (bytes4) {
    return this.onERC721Received.selector;
  }
}`;

function compileHelper() {
  const solc = createRequire(import.meta.url)('solc');
  const input = { language: 'Solidity', sources: { 'BatchRegistrar.sol': { content: HELPER_SOURCE } }, settings: { evmVersion: 'cancun', optimizer: { enabled: true, runs: 200 }, outputSelection: { '*': { BatchRegistrar: ['abi', 'evm.bytecode.object'] } } } };
  const out = JSON.parse(solc.compile(JSON.stringify(input)));
  const errors = (out.errors ?? []).filter((e) => e.severity === 'error');
  if (errors.length) throw new Error(errors.map((e) => e.formattedMessage).join('\n'));
  const c = out.contracts['BatchRegistrar.sol'].BatchRegistrar;
  return { abi: c.abi, bytecode: `0x${c.evm.bytecode.object}` };
}

/** A current registration file for agent `id`, as a base64 data: URI (about 500 bytes). */
function agentUri(id) {
  const doc = {
    type: REGISTRATION_TYPE,
    name: `bench agent ${id}`,
    description: 'Registered by bench/registry-scan.mjs',
    services: [{ name: 'web', endpoint: `https://agent-${id}.bench.example/api/weather` }],
    x402Support: true,
    active: true,
    registrations: [{ agentId: id, agentRegistry: `eip155:84532:${REGISTRY}` }],
  };
  return `${DATA_PREFIX}${Buffer.from(JSON.stringify(doc)).toString('base64')}`;
}

const registered = identityRegistryAbi.find((i) => i.type === 'event' && i.name === 'Registered');

/** x402-probe: the registry scan the market command runs, up to and including validated files. */
async function ours(client) {
  const { agents } = await enumerateAgents({ client, registry: REGISTRY });
  let valid = 0;
  for (const agent of agents) {
    const file = await fetchRegistrationFile({ uri: agent.uri });
    if (file.json?.ok && validateRegistrationFile(file.json.value).valid) valid += 1;
  }
  return { agents: agents.length, valid };
}

/** The baseline: one getLogs, one multicall of tokenURI, decode. */
async function baseline(client) {
  const logs = await client.getLogs({ address: REGISTRY, event: registered, fromBlock: 0n, toBlock: 'latest' });
  const uris = await client.multicall({
    multicallAddress: MULTICALL3_ADDRESS,
    allowFailure: false,
    batchSize: 0,
    contracts: logs.map((l) => ({ address: REGISTRY, abi: identityRegistryAbi, functionName: 'tokenURI', args: [l.args.agentId] })),
  });
  let parsed = 0;
  for (const uri of uris) if (JSON.parse(Buffer.from(uri.slice(DATA_PREFIX.length), 'base64').toString('utf8')).name) parsed += 1;
  return { agents: logs.length, valid: parsed };
}

async function time(fn, client) {
  const t0 = performance.now();
  const result = await fn(client);
  return { ms: performance.now() - t0, ...result };
}

const anvil = await startAnvil({ chainId: 84532, args: ['--gas-limit', '1000000000000', '--no-request-size-limit'] });
try {
  const sandbox = sandboxChain(anvil.rpcUrl);
  await Promise.all([placeIdentityRegistry(sandbox), placeMulticall3(sandbox)]);
  const chain = defineChain({ id: 84532, name: 'bench', nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 }, rpcUrls: { default: { http: [anvil.rpcUrl] } } });
  // Both sides share one client. viem caps a response at 10 MB, which one getLogs or one multicall of 10k
  // agents passes (about 18 MB of logs), so the cap is raised for both; the capped run is shown apart.
  const transport = http(anvil.rpcUrl, { timeout: 120_000, retryCount: 0, maxResponseBodySize: 256 * 1024 * 1024 });
  const client = createPublicClient({ chain, transport, pollingInterval: 20 });
  const wallet = createWalletClient({ chain, transport, account: privateKeyToAccount(DEV_KEY) });

  const helper = compileHelper();
  const deployed = await client.waitForTransactionReceipt({ hash: await wallet.deployContract({ abi: helper.abi, bytecode: helper.bytecode }) });
  const helperAddress = deployed.contractAddress;

  console.log(`registry-scan: ${runs} runs per size on anvil ${anvil.rpcUrl} (chain 84532, registry ${REGISTRY})`);
  console.log('agents   ours (logs, decode, validate)   baseline (getLogs, multicall tokenURI, decode)   ratio   ours per agent');
  let have = 0;
  let registerMs = 0;
  let txs = 0;
  const rows = [];
  for (const size of SIZES) {
    const t0 = performance.now();
    // Sequential transactions: agent ids follow the order, so each file can name its own id.
    while (have < size) {
      const uris = Array.from({ length: Math.min(PER_TX, size - have) }, (_, i) => agentUri(have + i));
      const receipt = await client.waitForTransactionReceipt({ hash: await wallet.writeContract({ address: helperAddress, abi: helper.abi, functionName: 'registerMany', args: [REGISTRY, uris] }) });
      if (receipt.status !== 'success') throw new Error('registerMany reverted');
      have += uris.length;
      txs += 1;
    }
    registerMs += performance.now() - t0;
    await time(ours, client);
    await time(baseline, client);
    const o = [];
    const b = [];
    for (let i = 0; i < runs; i++) {
      const a = await time(ours, client);
      const z = await time(baseline, client);
      if (a.agents !== size || a.valid !== size || z.agents !== size || z.valid !== size) throw new Error(`expected ${size} agents, got ours ${a.agents}/${a.valid}, baseline ${z.agents}/${z.valid}`);
      o.push(a.ms);
      b.push(z.ms);
    }
    const row = { size, ours: median(o), baseline: median(b) };
    rows.push(row);
    console.log(`${String(size).padEnd(8)} ${`${row.ours.toFixed(1)} ms`.padEnd(31)} ${`${row.baseline.toFixed(1)} ms`.padEnd(48)} ${(row.ours / row.baseline).toFixed(2).padEnd(7)} ${((row.ours / size) * 1000).toFixed(1)} µs`);
  }
  // With viem's default 10 MB response cap (what `market` uses), the scan halves its block range instead of failing.
  const capped = createPublicClient({ chain, transport: http(anvil.rpcUrl, { timeout: 120_000, retryCount: 0 }) });
  const t1 = performance.now();
  const cappedScan = await enumerateAgents({ client: capped, registry: REGISTRY });
  console.log(`with the default 10 MB response cap: ${cappedScan.agents.length} agents in ${cappedScan.requests} getLogs calls (${cappedScan.rangeSplits} range halvings), ${(performance.now() - t1).toFixed(1)} ms`);
  const first = rows[0];
  const last = rows[rows.length - 1];
  console.log(`registration: ${have} agents in ${txs} transactions (${PER_TX} register(agentURI) calls each), ${(registerMs / 1000).toFixed(1)} s`);
  console.log(`growth: ours ${(last.ours / first.ours).toFixed(1)}x and baseline ${(last.baseline / first.baseline).toFixed(1)}x for ${last.size / first.size}x the agents (per agent: ${((first.ours / first.size) * 1000).toFixed(1)} µs at 1k, ${((last.ours / last.size) * 1000).toFixed(1)} µs at 10k)`);
  console.log(`ratio: ${(last.ours / last.baseline).toFixed(2)}`);
} finally {
  await anvil.stop();
}
