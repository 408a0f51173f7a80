/** The run itself: what the user asked for, and the deadline that bounded it. */

/** What the user said the seller means to charge, and how the probe was configured. */
export interface TargetArtifact {
  url: string;
  method: string;
  /** ISO-8601 time the probe started; checks compare times against it, never the clock. */
  startedAt: string;
  /** Unix seconds at the start of the probe. */
  nowSeconds: number;
  /** True when the target host is loopback (exempt from the https warning). */
  loopback: boolean;
  expect: {
    /** --expect-price, decimal in the asset's units. */
    price?: string;
    /** --expect-pay-to. */
    payTo?: string;
    /** --expect-network, as given (CAIP-2 or v1 name). */
    network?: string;
    /** --expect-asset: the asset address the seller means to charge in. */
    asset?: string;
    /** --expect-asset's decimals, when the user named them (`<address>:<decimals>`). */
    assetDecimals?: number;
  };
  /** Whether --rpc was given (for checks that explain a skip). */
  rpc: boolean;
}

/** The run deadline and what it cut; recorded by the engine after gathering. */
export interface DeadlineArtifact {
  /** The whole run's budget in milliseconds (--deadline, default 3 × --timeout). */
  ms: number;
  /** Milliseconds gathering took. */
  gatherMs: number;
  /** True when the deadline passed before gathering ended. */
  exceeded: boolean;
  /**
   * What the deadline cut, in run order: exchanges cut or never sent (`forged`, `malformed`,
   * `payment.<kind>`, `unpaid`, `registryWellKnown`, `registryFile`), and gatherers it stopped
   * or that were not started (their artifact name, e.g. `settlement`).
   */
  cut: string[];
}
