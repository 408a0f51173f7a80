/**
 * The options several commands share, declared once: the probe options (`check`, and through it
 * `offer`, `sell`, `scan`), the kube options, the agent options of an offer, and the flags that
 * reach registry data. Commands import their builders from here and their run modules import the
 * types and the mapping to the engine; this file loads at startup, so it imports nothing heavy.
 */
import type { Command } from 'commander';
import { Option } from 'commander';
import type { ProbeOptions } from '../engine/options.js';
import { reporterNames, type ReporterName } from '../report/index.js';
import {
  collectHeader,
  collectUrl,
  parseAddress,
  parseAgentOption,
  parseChoice,
  parseDecimal,
  parseExpectAsset,
  parseIntInRange,
  parseMethod,
  parseNetwork,
  parsePositiveInt,
  parseUrl,
} from './parse.js';

/** --json, --reporter and -v: how a command's output is configured (output.ts reads them). */
export interface OutputCommandOptions {
  json?: boolean;
  /** Only on commands that print a probe report. */
  reporter?: ReporterName;
  verbose?: boolean;
  /** Pretty report: only the verdict line. */
  quiet?: boolean;
}

/** -v's help wherever a command prints a probe report through the pretty reporter. */
export const VERBOSE_HELP = 'pretty report: also list each passing check (by area) and each skipped check with why it skipped; without -v they are one count (failures and warnings are always listed in full)';

/** What `addProbeOptions` parses. */
export interface ProbeCommandOptions extends OutputCommandOptions {
  method: string;
  header?: Record<string, string>;
  body?: string;
  timeout: number;
  /** --deadline; absent means the engine's default (a multiple of --timeout). */
  deadline?: number;
  expectPrice?: string;
  expectPayTo?: string;
  /** Known to resolveNetwork: parseNetwork checked it as it was read. */
  expectNetwork?: string;
  expectAsset?: { address: string; decimals?: number };
  rpc?: string;
  /** An ERC-8004 agent ref; `false` where a command offers --no-agent (addAgentOptions). */
  agent?: string | false;
  ipfsGateway?: string;
  allowPrivate?: boolean;
  attacks: boolean;
  /** `--no-discovery` makes it false; absent where a command does not offer it (the engine default: on). */
  discovery?: boolean;
  pay?: boolean;
  /** --approve-permit2: approve Permit2 for exactly the cap when a Permit2 payment lacks the allowance. */
  approvePermit2?: boolean;
  /** --facilitator: the seller's facilitator URL, for its /supported. */
  facilitator?: string;
  maxAmount: string;
  /** --max-total: the run budget (absent: one price). */
  maxTotal?: string;
  /** --pay-failure: a request body, or `@file`, the seller's service cannot serve (read by resolvePay). */
  payFailure?: string;
  maxValidity?: number;
  /** --replay-concurrency; absent means the engine's default (5). */
  replayConcurrency?: number;
  /** --also, repeatable. */
  also?: string[];
  mainnet?: boolean;
  keyEnv?: string;
  signer?: string;
  strict?: boolean;
}

/** What `addKubeOptions` parses, plus the namespace each kube command declares in its own words. */
export interface KubeCommandOptions {
  namespace?: string;
  context?: string;
  kubeconfig?: string;
}

/** --allow-private, worded once for every command that fetches targets from registry data. */
export function allowPrivateOption(): Option {
  return new Option(
    '--allow-private',
    'let targets from registry data (agentURIs, registered endpoints) and redirects off a public origin reach non-public addresses (loopback, private, link-local); the URL you type is always allowed',
  );
}

/** --ipfs-gateway, for every command that may read an ipfs:// agentURI. */
export function ipfsGatewayOption(): Option {
  return new Option('--ipfs-gateway <url>', 'gateway for ipfs:// agentURIs (default https://ipfs.io)').argParser(parseUrl);
}

/** The probe options of `check`; `offer` and `sell` take them all, `scan` the ones that fit many targets. */
export function addProbeOptions(command: Command): Command {
  return command
    .option('-X, --method <method>', 'HTTP method of the probed request', parseMethod, 'GET')
    .option('-H, --header <name:value>', 'extra request header (repeatable)', collectHeader)
    .option('-d, --body <text>', 'request body (JSON is sent as application/json)')
    .option('--timeout <ms>', 'deadline for each exchange in milliseconds', parsePositiveInt('--timeout'), 10_000)
    .option('--deadline <ms>', 'deadline for the whole probe in milliseconds (default 3 × --timeout); the report names what it cuts', parsePositiveInt('--deadline'))
    .option('--expect-price <decimal>', 'price the seller means to charge, in the asset (e.g. 0.01)', parseDecimal('--expect-price'))
    .option('--expect-pay-to <address>', 'address the seller means to be paid at', parseAddress('--expect-pay-to'))
    .option('--expect-network <network>', 'network the seller means to charge on (CAIP-2 or v1 name)', parseNetwork('--expect-network'))
    .option('--expect-asset <address[:decimals]>', 'token the seller means to charge in; with :decimals, they price it for --max-amount where the probe cannot read them', parseExpectAsset)
    .option('--rpc <url>', 'JSON-RPC URL of the payment network, for on-chain reads (--pay defaults to the public RPC of --expect-network, or Base Sepolia)', parseUrl)
    .option('--agent <ref>', 'ERC-8004 cross-check: eip155:<chainId>:<registry>:<agentId>, an agent id (Base Sepolia), or auto', parseAgentOption)
    .addOption(ipfsGatewayOption())
    .addOption(allowPrivateOption())
    .option('--no-attacks', 'do not send forged and malformed payments')
    .option('--no-discovery', 'do not read the origin\'s discovery documents (OpenAPI x-payment-info, /.well-known/x402) or request the resources they list')
    .option('--pay', 'make one funded, capped payment (opt-in) and verify its settlement')
    .option('--max-amount <decimal>', 'largest price --pay may pay, in the asset', parseDecimal('--max-amount'), '0.01')
    .option('--max-total <decimal>', 'run budget for --pay, in the asset: what all its payments together may move (default one price); attacks needing a second price skip without it', parseDecimal('--max-total'))
    .option('--pay-failure <body>', 'with --pay and a --max-total for two prices: a request body (or @file) the service cannot serve, sent paid, to check that a failure costs nothing')
    .option('--max-validity <seconds>', 'longest an authorization --pay signs may stay valid (validBefore − now)', parsePositiveInt('--max-validity'), 3600)
    .option('--replay-concurrency <n>', 'with --pay: send the paid request as n identical copies at once (1-8, default 5); at most one may be served', parseIntInRange('--replay-concurrency', 1, 8))
    .option('--also <url>', 'with --pay: another paid route of the same seller where the used payment is presented after the replay and must be refused (repeatable)', collectUrl)
    .option('--mainnet', 'allow --pay on a mainnet (real funds)')
    .option('--approve-permit2', 'with --pay and --key-env: when a Permit2 or upto payment lacks the buyer\'s Permit2 allowance, approve exactly the cap (never more); the report shows the transaction')
    .option('--facilitator <url>', 'the seller\'s facilitator: its /supported is compared with upto requirements', parseUrl)
    .option('--key-env <VAR>', 'environment variable holding the buyer\'s hex private key (for --pay)')
    .option('--signer <url>', 'obol remote-signer URL holding the buyer\'s key (for --pay)', parseUrl)
    .option('--strict', 'warnings fail the verdict')
    .option('--json', 'print the JSON report on stdout (same as --reporter json)')
    .addOption(new Option('--reporter <name>', 'report format').choices(reporterNames).argParser(parseChoice('--reporter', reporterNames)))
    .option('-v, --verbose', VERBOSE_HELP)
    .option('-q, --quiet', 'pretty report: print only the verdict line (counts, failing and warning check ids)');
}

/** --context and --kubeconfig, resolved the way kubectl does (KUBECONFIG, ~/.kube/config, in-cluster). */
export function addKubeOptions(command: Command): Command {
  return command
    .option('--context <name>', 'kubeconfig context to use (default: the current-context)')
    .option('--kubeconfig <file>', 'kubeconfig file (default: KUBECONFIG, else ~/.kube/config, else in-cluster)');
}

/** --agent defaults to the offer's status.agentId, and --no-agent skips it; call after addProbeOptions. */
export function addAgentOptions(command: Command): Command {
  const agent = command.options.find((o) => o.long === '--agent');
  if (!agent) throw new Error('addAgentOptions extends the --agent that addProbeOptions declares: call that first');
  agent.description = `${agent.description} (default: status.agentId)`;
  return command.option('--no-agent', 'skip the ERC-8004 cross-check even when status.agentId is set');
}

/** The engine options every command built on `addProbeOptions` passes through unchanged. */
export function probeOptionsFromCli(
  options: ProbeCommandOptions,
): Pick<ProbeOptions, 'method' | 'headers' | 'body' | 'timeoutMs' | 'deadlineMs' | 'expect' | 'rpc' | 'attacks' | 'discovery' | 'strict' | 'ipfsGateway' | 'allowPrivate' | 'replayConcurrency' | 'also' | 'facilitatorUrl'> {
  return {
    method: options.method,
    headers: options.header,
    body: options.body,
    timeoutMs: options.timeout,
    deadlineMs: options.deadline,
    expect: { price: options.expectPrice, payTo: options.expectPayTo, network: options.expectNetwork, asset: options.expectAsset?.address, assetDecimals: options.expectAsset?.decimals },
    rpc: options.rpc,
    attacks: options.attacks,
    discovery: options.discovery,
    strict: options.strict,
    ipfsGateway: options.ipfsGateway,
    allowPrivate: options.allowPrivate,
    replayConcurrency: options.replayConcurrency,
    also: options.also,
    facilitatorUrl: options.facilitator,
  };
}
