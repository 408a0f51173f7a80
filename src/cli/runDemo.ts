import { createColors } from 'picocolors';
import { run } from '../engine/run.js';
import { signerFromKey } from '../gather/pay/buyerSigner.js';
import type { Report } from '../report/types.js';
import type { Sandbox, SandboxPermit2Seller, SandboxSeller } from '../sandbox/types.js';
import type { CliIO } from './context.js';
import type { OutputCommandOptions } from './options.js';
import { assertOptionalPackages } from './optionalPackages.js';
import { commandOutput } from './output.js';

export type DemoCommandOptions = Pick<OutputCommandOptions, 'json' | 'verbose'>;

/** What a buyer sends to the sandbox's inference sellers. */
const CHAT_BODY = JSON.stringify({ model: 'qwen3:0.6b', messages: [{ role: 'user', content: 'Say hello to x402.' }] });

/** What the summary shows of a seller: the ERC-8004 agents and the Permit2 sellers (no agent). */
interface DemoSeller {
  name: string;
  x402Version: 1 | 2;
  price: string;
  agentId: string | null;
  /** How it is paid, where that is not EIP-3009 `exact`. */
  paidBy: string | null;
}

interface DemoResult {
  seller: DemoSeller;
  report: Report;
}

async function probeSeller(sandbox: Sandbox, seller: SandboxSeller, buyerIndex: number): Promise<Report> {
  const buyer = sandbox.accounts.buyers[buyerIndex % sandbox.accounts.buyers.length];
  const { report } = await run({
    url: seller.url,
    method: seller.method,
    body: seller.method === 'POST' ? CHAT_BODY : undefined,
    rpc: sandbox.rpcUrl,
    expect: { price: seller.price, payTo: seller.payTo, network: seller.network },
    agent: `eip155:${sandbox.chainId}:${sandbox.identityRegistry}:${seller.agentId}`,
    pay: { signer: await signerFromKey(buyer.privateKey), maxAmount: '0.01', mainnet: false },
    // The sandbox is a loopback world: its agentURIs are http://127.0.0.1 files, data by the policy.
    allowPrivate: true,
  });
  return report;
}

/** A Permit2 seller (exact via Permit2, upto): no registry entry; upto's facilitator is read from the sandbox's /supported. */
async function probePermit2Seller(sandbox: Sandbox, seller: SandboxPermit2Seller, buyerIndex: number): Promise<Report> {
  const buyer = sandbox.accounts.buyers[buyerIndex % sandbox.accounts.buyers.length];
  const { report } = await run({
    url: seller.url,
    method: seller.method,
    body: CHAT_BODY,
    rpc: sandbox.rpcUrl,
    expect: { price: seller.price, payTo: seller.payTo, network: seller.network },
    facilitatorUrl: sandbox.facilitatorUrl,
    pay: { signer: await signerFromKey(buyer.privateKey), maxAmount: '0.01', mainnet: false },
    allowPrivate: true,
  });
  return report;
}

/**
 * The official middlewares inside the sandbox log a stack trace for every payment they cannot
 * decode, and the probe sends such payments on purpose. Their console output is muted while
 * probing; the demo writes through `io`, which is not the console.
 */
async function withQuietConsole<T>(work: () => Promise<T>): Promise<T> {
  const saved = { log: console.log, error: console.error, warn: console.warn, info: console.info };
  console.log = console.error = console.warn = console.info = () => {};
  try {
    return await work();
  } finally {
    Object.assign(console, saved);
  }
}

function summaryTable(results: DemoResult[], color: boolean): string {
  const c = createColors(color);
  const rows = results.map(({ seller, report }) => {
    const tx = (report.payment?.transaction as string | null) ?? '-';
    const failed = report.checks.filter((k) => k.status === 'fail').map((k) => k.id);
    return [
      seller.name,
      `v${seller.x402Version}`,
      `${seller.price} USDC${seller.paidBy ? ` (${seller.paidBy})` : ''}`,
      seller.agentId === null ? '-' : `agent ${seller.agentId}`,
      tx === '-' ? '-' : `${tx.slice(0, 10)}…`,
      report.verdict === 'pass' ? c.green('PASS') : c.red(`FAIL ${failed.join(', ')}`),
      `${report.summary.pass}/${report.checks.length - report.summary.skip} checks`,
    ];
  });
  const header = ['seller', 'x402', 'price', 'ERC-8004', 'settlement tx', 'verdict', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].replace(/\x1b\[[0-9;]*m/g, '').length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell + ' '.repeat(widths[i] - cell.replace(/\x1b\[[0-9;]*m/g, '').length)).join('  ').trimEnd();
  return [c.bold(line(header)), ...rows.map(line)].join('\n');
}

/** `x402-probe demo`: sandbox + every seller probed with a real paid request + registry cross-check. */
export async function runDemo(options: DemoCommandOptions, io: CliIO): Promise<number> {
  assertOptionalPackages('sandbox');
  const { startSandbox } = await import('../sandbox/startSandbox.js');
  const output = commandOutput(options, io);
  const progress = output.progress();
  const started = performance.now();
  progress.update('starting the sandbox (anvil, USDC, ERC-8004 registry, facilitator, sellers)');
  const sandbox = await startSandbox({ onProgress: (step) => progress.update(step) }).catch((error) => {
    progress.stop();
    throw error;
  });
  const results: DemoResult[] = [];
  try {
    await withQuietConsole(async () => {
      for (const [i, seller] of sandbox.sellers.entries()) {
        progress.update(`probing ${seller.name}: unpaid 402, attacks, paid request, settlement, registry`);
        const shown = { name: seller.name, x402Version: seller.x402Version, price: seller.price, agentId: String(seller.agentId), paidBy: null };
        results.push({ seller: shown, report: await probeSeller(sandbox, seller, i) });
      }
      for (const [i, seller] of sandbox.permit2Sellers.entries()) {
        progress.update(`probing ${seller.name}: unpaid 402, attacks, a Permit2 payment, settlement`);
        const shown = { name: seller.name, x402Version: seller.x402Version, price: seller.price, agentId: null, paidBy: seller.scheme === 'upto' ? 'upto, Permit2' : 'Permit2' };
        results.push({ seller: shown, report: await probePermit2Seller(sandbox, seller, sandbox.sellers.length + i) });
      }
    });
  } finally {
    progress.update('stopping the sandbox');
    await sandbox.stop();
    progress.stop();
  }
  const ok = results.every((r) => r.report.verdict === 'pass');
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (output.json) {
    io.stdout(`${JSON.stringify({ tool: 'x402-probe', demo: true, verdict: ok ? 'pass' : 'fail', durationMs: Math.round(performance.now() - started), reports: results.map((r) => r.report) }, null, 2)}\n`);
    return ok ? 0 : 1;
  }
  for (const { seller, report } of results) {
    io.stdout(`\n${createColors(output.color).bold(`── ${seller.name} (x402 v${seller.x402Version}) ──`)}\n`);
    output.printReport(report);
  }
  io.stdout(`\n${summaryTable(results, output.color)}\n\n`);
  io.stdout(
    ok
      ? `Every sandbox seller passed: a machine buyer found each price, paid it, and the USDC moved on chain (${seconds} s).\n`
      : `Some sandbox sellers failed (${seconds} s): see the reports above.\n`,
  );
  return ok ? 0 : 1;
}
