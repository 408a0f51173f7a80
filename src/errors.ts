import { redactSecrets } from './util/redact.js';

export type ProbeErrorOptions = {
  /** Longer explanation, shown only with --debug. */
  details?: string;
  cause?: unknown;
  /** Short imperative hints, one per line. */
  hints?: string[];
};

/**
 * Base error of x402-probe. `shortMessage` is one line fit for a terminal; the
 * message built from it never contains a private key (redacted before it is built).
 */
export class ProbeError extends Error {
  override name = 'ProbeError';
  readonly shortMessage: string;
  readonly details?: string;
  readonly hints: string[];

  constructor(shortMessage: string, options: ProbeErrorOptions = {}) {
    const short = redactSecrets(shortMessage);
    const details = options.details === undefined ? undefined : redactSecrets(options.details);
    const hints = (options.hints ?? []).map((h) => redactSecrets(h));
    const lines = [short, ...hints];
    if (details) lines.push(`Details: ${details}`);
    super(lines.join('\n'), options.cause === undefined ? undefined : { cause: options.cause });
    this.shortMessage = short;
    this.details = details;
    this.hints = hints;
  }
}

/** A flag or argument the user gave cannot be used. Exit code 2. */
export class UsageError extends ProbeError {
  override name = 'UsageError';
}

/** Configuration (environment, key, kubeconfig, RPC) is missing or invalid. Exit code 2. */
export class ConfigError extends ProbeError {
  override name = 'ConfigError';
}

/** The local sandbox could not start or stopped unexpectedly. */
export class SandboxError extends ProbeError {
  override name = 'SandboxError';
}

/**
 * A command needs an optional package the install left out (`npm install --omit=optional` keeps
 * only the core: check, scan, registry, market). One line naming what to install. Exit code 2.
 */
export class MissingPackageError extends ConfigError {
  override name = 'MissingPackageError';
  readonly packages: string[];

  /** `packages` as name@version; `purpose` the commands that need them ("demo and sandbox"). */
  constructor(packages: string[], purpose: string) {
    const list = packages.join(' ');
    super(`${purpose} need ${packages.length === 1 ? 'the optional package' : 'the optional packages'} ${list}, not installed here: reinstall x402-probe without --omit=optional, or run npm install ${list}`);
    this.packages = packages;
  }
}

/** A Kubernetes API call failed in a way the user must fix (missing CRD, forbidden, conflict). */
export class KubeError extends ProbeError {
  override name = 'KubeError';
}

/** The probe refused to sign: the payment would break the buyer's limits. */
export class SpendGuardError extends ProbeError {
  override name = 'SpendGuardError';
}

/** A `--network` or `--expect-network` that names no network the probe knows. Exit code 2. */
export class UnknownNetworkError extends UsageError {
  override name = 'UnknownNetworkError';
  readonly flag: string;
  readonly network: string;

  constructor(flag: string, network: string) {
    super(`${flag}: unknown network ${JSON.stringify(network)} (use a CAIP-2 id such as eip155:84532 or a v1 name such as base-sepolia)`, {
      hints: ['Any EVM chain is eip155:<chainId>; the v1 names are those of the x402 packages and obol-stack (base, base-sepolia, …).'],
    });
    this.flag = flag;
    this.network = network;
  }
}

/** An `--agent` (or `registry show`) reference in none of the accepted forms. Exit code 2. */
export class InvalidAgentRefError extends UsageError {
  override name = 'InvalidAgentRefError';
  readonly ref: string;

  constructor(ref: string) {
    super(`--agent: cannot read ${JSON.stringify(ref)} (expected eip155:<chainId>:<registry>:<agentId>, <chainId>:<agentId>, an agent id, or auto)`);
    this.ref = ref;
  }
}

/**
 * The gatherers given to `run()` cannot be ordered: a cycle among their dependencies, a
 * dependency no gatherer produces, or two gatherers of one artifact. Raised before any request.
 */
export class GatherPlanError extends ProbeError {
  override name = 'GatherPlanError';
}
