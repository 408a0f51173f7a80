import type { Dispatcher } from 'undici';
import type { BuyerSigner } from './pay/buyerSigner.js';
import type { TypedDataSigner } from './signPayment.js';
import type { OfferArtifact } from '../artifacts/index.js';
import type { NetworkPolicy, NetworkPolicyOptions, TargetSource } from './network.js';

/** Progress events for a TTY spinner; nothing is printed by the engine itself. */
export type ProgressEvent = { phase: 'gather'; artifact: string } | { phase: 'check' } | { phase: 'done' };

/**
 * What `probe()` takes (the engine's options; they live beside the gatherers, which read them): the target, the exchange, and what the seller meant to charge.
 * `allowPrivate`, `lookup` and `classifyAddress` (NetworkPolicyOptions) set the network policy.
 */
export interface ProbeOptions extends NetworkPolicyOptions {
  url: string;
  /**
   * Who chose `url` (default `user`: fetched wherever it points). `data` for a registry endpoint
   * (scan --from-registry): then every hop must reach a public address unless `allowPrivate`.
   */
  targetSource?: TargetSource;
  method?: string;
  /** Extra request headers for every exchange (never payment headers). */
  headers?: Record<string, string>;
  body?: string;
  /** Per-exchange deadline in ms (default 10 000). */
  timeoutMs?: number;
  /**
   * Whole-run deadline in ms (default 3 × timeoutMs). Every exchange and chain read gets at most
   * the time left; gatherers are not started after it; `report.deadline` names what it cut.
   */
  deadlineMs?: number;
  /** What the seller means to charge; `asset` (with optional `assetDecimals`) is --expect-asset. */
  expect?: { price?: string; payTo?: string; network?: string; asset?: string; assetDecimals?: number };
  /** JSON-RPC URL of the payment network, for on-chain reads. */
  rpc?: string;
  /** Read the origin's discovery documents and request the resources they list (default true; `--no-discovery`). */
  discovery?: boolean;
  /** Send forged and malformed payments (default true). */
  attacks?: boolean;
  /**
   * Signs the forged payment: a key that holds nothing. Default: one random key per process;
   * a scan passes one that signs on a worker thread.
   */
  forgeSigner?: TypedDataSigner;
  /**
   * Make a funded, capped payment (`--pay`): the signer is resolved by the caller, so a missing
   * key is a configuration error before any request is sent. Only a requirement on the chain
   * `rpc` reads is paid. `maxValiditySeconds` bounds validBefore − now of every authorization
   * signed (default 3600). A signer that fails mid-run makes `run()` throw its ConfigError.
   * Every authorization of the run is signed within `maxTotal` (gather/pay/runSigner.ts).
   */
  pay?: {
    signer: BuyerSigner;
    maxAmount: string;
    mainnet: boolean;
    maxValiditySeconds?: number;
    /** `--approve-permit2`: the buyer's own key, allowed to approve Permit2 for exactly the cap when a Permit2 payment lacks the allowance. */
    approvePermit2?: import('viem').LocalAccount;
    /** `--max-total`: the run budget in the asset (default one price); attacks that need a second price run only within it. */
    maxTotal?: string;
    /** `--pay-failure`: a request body the seller's service cannot serve, sent paid to see that a failure costs nothing (needs the budget). */
    failureBody?: string;
  };
  /** `--facilitator <url>`: the seller's facilitator, whose /supported the upto checks compare with. */
  facilitatorUrl?: string;
  /**
   * With `pay`: the paid request goes out as this many identical copies at once (default 5,
   * `--replay-concurrency`); at most one may be served. 1 sends it alone.
   */
  replayConcurrency?: number;
  /** With `pay`: other paid routes of the seller (`--also`) where the used payment is presented after the replay and must be refused. */
  also?: readonly string[];
  /**
   * ERC-8004 cross-check (`--agent`): `eip155:<chainId>:<registry>:<agentId>`, `<chainId>:<agentId>`,
   * a bare agent id (Base Sepolia registry), or `auto` (the target origin's well-known file).
   * The registry is read over `rpc`, or the chain's public RPC when none is given.
   */
  agent?: string;
  /** Gateway for ipfs:// agentURIs (default https://ipfs.io). */
  ipfsGateway?: string;
  /**
   * The ServiceOffer the target was resolved from (`x402-probe offer`), read before the run:
   * it becomes the `offer` artifact that the offer.* checks judge.
   */
  offer?: OfferArtifact;
  /** Warnings fail the verdict. */
  strict?: boolean;
  /** Shared undici pool (scan passes one); a private one is made otherwise. */
  dispatcher?: Dispatcher;
  /** Shared network policy (scan passes one); otherwise one is made from the NetworkPolicyOptions. */
  network?: NetworkPolicy;
  onProgress?: (event: ProgressEvent) => void;
  /** Clock, injectable for tests: the time the probe starts. */
  now?: () => Date;
}
