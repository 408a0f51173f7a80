/**
 * viem's `isAddress(value, { strict: false })` for the one place that must not load viem: the
 * CLI's option parsers, which run before an action loads anything heavy. A static viem import on
 * the `--help` path puts its shared chunks there too (0.5 MB or more; bench/cli-start.mjs). Every
 * other caller uses `isWellFormedAddress` in addresses.ts; addressSyntax.test.ts holds the two equal.
 */
export function isAddressSyntax(value: string): boolean {
  return /^0x[0-9a-fA-F]{40}$/.test(value);
}
