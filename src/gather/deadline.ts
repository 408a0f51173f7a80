/**
 * The run deadline: one per run (per target in a scan), owned by the engine. Exchanges are cut
 * at it (`exchange({ deadline })`), chain reads get at most the time left, and gatherers that
 * would start after it are not started.
 */

/** What `exchange()` needs to know of a deadline: how long is left. */
export interface ExchangeDeadline {
  /** Milliseconds left before the deadline (0 or less once it has passed). */
  remainingMs(): number;
}

/** The engine's deadline for one run. */
export interface RunDeadline extends ExchangeDeadline {
  /** The whole run's budget in milliseconds. */
  readonly ms: number;
  /** Aborts when the deadline passes: for work that takes a signal rather than a timeout. */
  readonly signal: AbortSignal;
  /** True once the deadline has passed. */
  readonly exceeded: boolean;
  /**
   * A per-call timeout capped by the time left, at least 1 ms: viem and others read a timeout
   * of 0 as "wait forever".
   */
  cap(timeoutMs: number): number;
  /** Stop the timer behind `signal` (the run is over). */
  dispose(): void;
}

/** Default deadline as a multiple of --timeout (see docs/ARCHITECTURE.md, "A run"). */
export const DEADLINE_TIMEOUTS = 3;

/** The deadline a run gets when none is given: a few per-exchange timeouts. */
export function defaultDeadlineMs(timeoutMs: number): number {
  return DEADLINE_TIMEOUTS * timeoutMs;
}

/** Start a deadline `ms` from now. */
export function startDeadline(ms: number, now: () => number = () => performance.now()): RunDeadline {
  const at = now() + ms;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DeadlineExceededError(ms)), ms);
  // A finished run must not be held open by its own deadline.
  timer.unref?.();
  const remainingMs = () => at - now();
  return {
    ms,
    signal: controller.signal,
    get exceeded() {
      return remainingMs() <= 0;
    },
    remainingMs,
    cap: (timeoutMs) => Math.max(1, Math.min(timeoutMs, Math.ceil(remainingMs()))),
    dispose: () => clearTimeout(timer),
  };
}

/** The reason the deadline's signal aborts with. */
export class DeadlineExceededError extends Error {
  override name = 'DeadlineExceededError';
  constructor(readonly ms: number) {
    super(`the run deadline (${ms} ms) passed`);
  }
}
