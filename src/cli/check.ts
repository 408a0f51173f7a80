import type { Command } from 'commander';
import { Option } from 'commander';
import { InvalidAgentRefError } from '../errors.js';
import type { ProbeOptions } from '../engine/options.js';
import type { CliContext } from './context.js';
import { collectHeader, parseAddress, parseChoice, parseDecimal, parseExpectAsset, parseMethod, parseNonEmpty, parsePositiveInt, parseUrl } from './parse.js';
import { REPORTERS, type ReporterName } from './reporters.js';

export interface CheckCommandOptions {
  method: string;
  header?: Record<string, string>;
  body?: string;
  timeout: number;
  /** --deadline; absent means the engine's default (a multiple of --timeout). */
  deadline?: number;
  expectPrice?: string;
  expectPayTo?: string;
  expectNetwork?: string;
  expectAsset?: { address: string; decimals?: number };
  rpc?: string;
  /** An ERC-8004 agent ref; `false` where a command offers --no-agent (offer). */
  agent?: string | false;
  ipfsGateway?: string;
  allowPrivate?: boolean;
  attacks: boolean;
  pay?: boolean;
  maxAmount: string;
  maxValidity?: number;
  mainnet?: boolean;
  keyEnv?: string;
  signer?: string;
  strict?: boolean;
  json?: boolean;
  reporter?: ReporterName;
  verbose?: boolean;
}

/** --allow-private, worded once for every command that fetches targets from registry data. */
export const ALLOW_PRIVATE_HELP =
  'let targets from registry data (agentURIs, registered endpoints) and redirects off a public origin reach non-public addresses (loopback, private, link-local); the URL you type is always allowed';

/** The probe options every command that runs `check` shares (offer, scan reuse them). */
export function addProbeOptions(command: Command): Command {
  return command
    .option('-X, --method <method>', 'HTTP method of the probed request', parseMethod, 'GET')
    .option('-H, --header <name:value>', 'extra request header (repeatable)', collectHeader)
    .option('-d, --body <text>', 'request body (JSON is sent as application/json)')
    .option('--timeout <ms>', 'deadline for each exchange in milliseconds', parsePositiveInt('--timeout'), 10_000)
    .option('--deadline <ms>', 'deadline for the whole probe in milliseconds (default 3 × --timeout); the report names what it cuts', parsePositiveInt('--deadline'))
    .option('--expect-price <decimal>', 'price the seller means to charge, in the asset (e.g. 0.01)', parseDecimal('--expect-price'))
    .option('--expect-pay-to <address>', 'address the seller means to be paid at', parseAddress('--expect-pay-to'))
    .option('--expect-network <network>', 'network the seller means to charge on (CAIP-2 or v1 name)', parseNonEmpty('--expect-network'))
    .option('--expect-asset <address[:decimals]>', 'token the seller means to charge in; with :decimals, they price it for --max-amount where the probe cannot read them', parseExpectAsset)
    .option('--rpc <url>', 'JSON-RPC URL of the payment network, for on-chain reads (--pay defaults to the public RPC of --expect-network, or Base Sepolia)', parseUrl)
    .option('--agent <ref>', 'ERC-8004 cross-check: eip155:<chainId>:<registry>:<agentId>, an agent id (Base Sepolia), or auto', parseAgentOption)
    .option('--ipfs-gateway <url>', 'gateway for ipfs:// agentURIs (default https://ipfs.io)', parseUrl)
    .option('--allow-private', ALLOW_PRIVATE_HELP)
    .option('--no-attacks', 'do not send forged and malformed payments')
    .option('--pay', 'make one funded, capped payment (opt-in) and verify its settlement')
    .option('--max-amount <decimal>', 'largest price --pay may pay, in the asset', parseDecimal('--max-amount'), '0.01')
    .option('--max-validity <seconds>', 'longest an authorization --pay signs may stay valid (validBefore − now)', parsePositiveInt('--max-validity'), 3600)
    .option('--mainnet', 'allow --pay on a mainnet (real funds)')
    .option('--key-env <VAR>', 'environment variable holding the buyer\'s hex private key (for --pay)')
    .option('--signer <url>', 'obol remote-signer URL holding the buyer\'s key (for --pay)', parseUrl)
    .option('--strict', 'warnings fail the verdict')
    .option('--json', 'print the JSON report on stdout (same as --reporter json)')
    .addOption(new Option('--reporter <name>', 'report format').choices(REPORTERS as unknown as string[]).argParser(parseChoice('--reporter', REPORTERS)))
    .option('-v, --verbose', 'pretty report: also list skipped checks (failures, warnings and passes are always listed)');
}

/** A light syntax check (viem loads only in the action); the gatherer reads the ref in full. */
function parseAgentOption(value: string): string {
  if (!/^(auto|eip155:[0-9]+:0x[0-9a-fA-F]{40}:[0-9]+|[0-9]+:[0-9]+|[0-9]+)$/i.test(value.trim())) {
    throw new InvalidAgentRefError(value);
  }
  return value.trim();
}

export function registerCheck(program: Command, ctx: CliContext): void {
  addProbeOptions(program.command('check').description('probe one x402 endpoint as a buyer').argument('<url>', 'the endpoint URL', parseUrl)).action(
    async (url: string, options: CheckCommandOptions) => {
      const { runCheck } = await import('./runCheck.js');
      ctx.exitCode = await runCheck(url, options, ctx.io);
    },
  );
}

/** The engine options every command built on `addProbeOptions` passes through unchanged. */
export function probeOptionsFromCli(options: CheckCommandOptions): Pick<ProbeOptions, 'method' | 'headers' | 'body' | 'timeoutMs' | 'deadlineMs' | 'expect' | 'rpc' | 'attacks' | 'strict' | 'ipfsGateway' | 'allowPrivate'> {
  return {
    method: options.method,
    headers: options.header,
    body: options.body,
    timeoutMs: options.timeout,
    deadlineMs: options.deadline,
    expect: { price: options.expectPrice, payTo: options.expectPayTo, network: options.expectNetwork, asset: options.expectAsset?.address, assetDecimals: options.expectAsset?.decimals },
    rpc: options.rpc,
    attacks: options.attacks,
    strict: options.strict,
    ipfsGateway: options.ipfsGateway,
    allowPrivate: options.allowPrivate,
  };
}
