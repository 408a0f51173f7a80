/**
 * The viem pieces that load lazily, each by name. Code imports this module with `import()`, never
 * the 'viem' or 'viem/accounts' barrels themselves: a dynamic import of a barrel makes every
 * export of it live, and esbuild's code splitting then moves what the barrel reaches into the
 * chunks that static users of viem load (a cold `check` parsed all of viem's actions and bip39's
 * wordlists that way). scripts/bundle-cli.mjs and test/lazy-imports.test.ts keep it so.
 */
export { createPublicClient, createWalletClient, decodeEventLog, defineChain, encodeFunctionData, erc20Abi, http, parseAbi } from 'viem';
export { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
