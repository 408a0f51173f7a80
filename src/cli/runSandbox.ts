import { Console } from 'node:console';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MULTICALL3_ADDRESS as MULTICALL3 } from '../sandbox/addresses.js';
import type { Sandbox, SandboxAccount } from '../sandbox/types.js';
import type { CliIO } from './context.js';
import type { OutputCommandOptions } from './options.js';
import { assertOptionalPackages } from './optionalPackages.js';
import { commandOutput } from './output.js';

export type SandboxCommandOptions = Pick<OutputCommandOptions, 'json'>;

const NOTICE = 'anvil development key — public, never use for real funds';

/** The --json document: everything the pretty output shows, keys labelled. */
export function sandboxDocument(sandbox: Sandbox, logFile?: string): Record<string, unknown> {
  const account = (a: SandboxAccount) => ({ label: a.label, address: a.address, privateKey: a.privateKey });
  return {
    ...(logFile ? { logFile } : {}),
    rpcUrl: sandbox.rpcUrl,
    chainId: sandbox.chainId,
    network: { caip2: 'eip155:84532', v1: 'base-sepolia' },
    contracts: { usdc: sandbox.usdc, identityRegistry: sandbox.identityRegistry, reputationRegistry: sandbox.reputationRegistry, validationRegistry: sandbox.validationRegistry, multicall3: MULTICALL3, permit2: sandbox.permit2, x402ExactPermit2Proxy: sandbox.x402ExactPermit2Proxy, x402UptoPermit2Proxy: sandbox.x402UptoPermit2Proxy },
    facilitatorUrl: sandbox.facilitatorUrl,
    sellers: sandbox.sellers,
    permit2Sellers: sandbox.permit2Sellers,
    accounts: {
      notice: NOTICE,
      deployer: account(sandbox.accounts.deployer),
      facilitator: account(sandbox.accounts.facilitator),
      buyers: sandbox.accounts.buyers.map(account),
      sellers: sandbox.accounts.sellers.map(account),
    },
  };
}

/** The human listing: addresses first, then sellers, then the keys under their warning. */
export function renderSandbox(sandbox: Sandbox, buyerFunds: string, logFile?: string): string {
  const lines: string[] = [];
  const row = (label: string, value: string) => lines.push(`  ${label.padEnd(18)} ${value}`);
  lines.push('x402 sandbox ready: a local Base Sepolia (chain id 84532, eip155:84532 / base-sepolia)', '');
  row('RPC URL', sandbox.rpcUrl);
  row('Chain id', String(sandbox.chainId));
  row('USDC', `${sandbox.usdc}  (Circle FiatTokenV2_2; EIP-712 "USDC" version "2"; 6 decimals)`);
  row('IdentityRegistry', `${sandbox.identityRegistry}  (ERC-8004)`);
  row('ReputationRegistry', `${sandbox.reputationRegistry}  (ERC-8004)`);
  row('ValidationRegistry', `${sandbox.validationRegistry}  (ERC-8004)`);
  row('Multicall3', MULTICALL3);
  row('Permit2', `${sandbox.permit2}  (Uniswap; buyer accounts have approved it for USDC)`);
  row('x402 exact proxy', `${sandbox.x402ExactPermit2Proxy}  (x402ExactPermit2Proxy, exact via Permit2)`);
  row('x402 upto proxy', `${sandbox.x402UptoPermit2Proxy}  (x402UptoPermit2Proxy, upto)`);
  row('Facilitator', `${sandbox.facilitatorUrl}  (POST /verify, POST /settle, GET /supported; exact by EIP-3009 or Permit2, upto)`);
  if (logFile) row('Seller logs', `${logFile}  (the sellers' own output: stack traces for malformed payments)`);
  lines.push('', 'Sellers (each in front of a fake Ollama; registration file at <origin>/.well-known/agent-registration.json)');
  if (sandbox.sellers.length === 0) lines.push('  (none)');
  for (const s of sandbox.sellers) {
    lines.push(`  ${s.name.padEnd(11)} ${s.method} ${s.url}`);
    lines.push(`  ${''.padEnd(11)} ${s.price} USDC (${s.amount} atomic) on ${s.network}, x402 v${s.x402Version}, pay to ${s.payTo}, agent ${s.agentId}${s.agentURI.startsWith('data:') ? ' (data: URI)' : ` (${s.agentURI})`}`);
  }
  if (sandbox.permit2Sellers.length > 0) {
    lines.push('', 'Permit2 sellers (@x402/express, x402 v2; buyers sign Permit2 typed data, no ERC-8004 agent)');
    for (const s of sandbox.permit2Sellers) {
      const settles = s.settles === s.amount ? '' : `, settles ${s.settles} atomic`;
      lines.push(`  ${s.name.padEnd(13)} ${s.method} ${s.url}`);
      lines.push(`  ${''.padEnd(13)} ${s.scheme} ${s.scheme === 'upto' ? 'up to ' : ''}${s.price} USDC (${s.amount} atomic${settles}) on ${s.network}, spender ${s.spender}, pay to ${s.payTo}`);
    }
  }
  lines.push('', `Accounts (${NOTICE})`);
  const { deployer, facilitator, buyers, sellers } = sandbox.accounts;
  const key = (name: string, a: SandboxAccount, extra = '') => lines.push(`  ${name.padEnd(12)} ${a.address}  key ${a.privateKey}${extra}`);
  key('deployer', deployer);
  key('facilitator', facilitator);
  buyers.forEach((b, i) => key(`buyer ${i + 1}`, b, `  (${buyerFunds} USDC)`));
  sellers.forEach((account, i) => {
    const served = sandbox.sellers.find((s) => s.payTo === account.address);
    const viaPermit2 = sandbox.permit2Sellers.find((s) => s.payTo === account.address);
    key(`seller ${i + 1}`, account, served ? `  (${served.name} payTo, agent owner)` : viaPermit2 ? `  (${viaPermit2.name} payTo)` : '');
  });
  const target = sandbox.sellers[0];
  if (target) {
    lines.push('', 'Try it:');
    lines.push(`  x402-probe check ${target.url} -X ${target.method} --rpc ${sandbox.rpcUrl}`);
    lines.push(`  X402_BUYER_KEY=${buyers[0].privateKey} x402-probe check ${target.url} -X ${target.method} --rpc ${sandbox.rpcUrl} --pay --key-env X402_BUYER_KEY`);
  }
  lines.push('', 'Press Ctrl-C to stop.', '');
  return lines.join('\n');
}

/**
 * The official middlewares print a stack trace for every payment they cannot decode, and a probe
 * sends such payments on purpose. Everything the in-process sellers and facilitator write to the
 * console goes to `path` instead of the terminal; the CLI itself writes through `io`.
 */
function consoleToFile(path: string): { restore(): Promise<void> } {
  const stream = createWriteStream(path, { flags: 'a', mode: 0o600 });
  const file = new Console({ stdout: stream, stderr: stream });
  const methods = ['log', 'info', 'debug', 'warn', 'error', 'trace', 'dir'] as const;
  const saved = methods.map((m) => [m, console[m]] as const);
  for (const m of methods) (console as unknown as Record<string, unknown>)[m] = file[m].bind(file);
  return {
    restore: async () => {
      for (const [m, original] of saved) (console as unknown as Record<string, unknown>)[m] = original;
      await new Promise<void>((resolve) => stream.end(() => resolve()));
    },
  };
}

export async function runSandbox(options: SandboxCommandOptions, io: CliIO): Promise<number> {
  assertOptionalPackages('sandbox');
  const logFile = join(tmpdir(), `x402-probe-sandbox-${process.pid}-${Date.now()}.log`);
  // Listening from the start: a Ctrl-C during startup then stops the sandbox cleanly once it is up.
  const interrupted = io.waitForInterrupt();
  const output = commandOutput(options, io);
  const progress = output.progress();
  const { startSandbox } = await import('../sandbox/startSandbox.js');
  const buyerFunds = '1000';
  const notes: string[] = [];
  let sandbox: Sandbox;
  const sellerConsole = consoleToFile(logFile);
  try {
    sandbox = await startSandbox({
      buyerFunds,
      onProgress: (step) => {
        progress.update(step);
        if (step.includes('skipped')) notes.push(step);
      },
    });
  } catch (error) {
    await sellerConsole.restore();
    throw error;
  } finally {
    progress.stop();
  }
  for (const note of notes) io.stderr(`x402-probe: ${note}\n`);
  io.stdout(output.json ? `${JSON.stringify(sandboxDocument(sandbox, logFile), null, 2)}\n` : renderSandbox(sandbox, buyerFunds, logFile));
  await interrupted;
  output.note('stopping the sandbox…');
  try {
    await sandbox.stop();
  } finally {
    await sellerConsole.restore();
  }
  return 0;
}

