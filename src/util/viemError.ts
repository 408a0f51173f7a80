import type { BaseError } from 'viem';

/**
 * viem's BaseError, recognised by its shape (`walk` and `shortMessage`) rather than `instanceof`:
 * importing the class from viem's root made the CLI bundle load viem's clients on every cold start,
 * and a reader of registry errors needs only these two members.
 */
export function isViemError(error: unknown): error is BaseError {
  const e = error as { walk?: unknown; shortMessage?: unknown } | null;
  return error instanceof Error && typeof e?.walk === 'function' && typeof e?.shortMessage === 'string';
}
