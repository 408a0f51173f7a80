// Bundles the CLI (src/cli/main.ts and everything it loads lazily) into dist/cli-bundle/ with
// esbuild, code-split so each command still loads only what it needs. Resolving hundreds of
// viem and x402 modules one by one dominated a cold `check`; a bundle loads in far fewer reads.
// The library (dist/*.js from tsc) is unchanged; only bin/x402-probe uses the bundle.
import { build } from 'esbuild';

await build({
  // probeWorker: the file scan --workers starts its piscina threads on (found beside the chunks).
  entryPoints: { main: 'src/cli/main.ts', probeWorker: 'src/scan/probeWorker.ts' },
  outdir: 'dist/cli-bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Optional, large, or resolved by path at run time: loaded from node_modules as they are.
  external: ['@kubernetes/client-node', 'piscina', 'x402', 'x402/*', 'x402-express', 'x402-fetch', 'express', 'solc', '@foundry-rs/*', '@offchainlabs/*'],
  // CommonJS dependencies inside an ESM bundle need a `require`.
  banner: { js: "import { createRequire as __x402ProbeRequire } from 'node:module'; const require = __x402ProbeRequire(import.meta.url);" },
  logLevel: 'warning',
  legalComments: 'none',
});
