// Bundles the CLI (src/cli/main.ts and everything it loads lazily) into dist/cli-bundle/ with
// esbuild, code-split so each command still loads only what it needs. Resolving hundreds of
// viem and x402 modules one by one dominated a cold `check`; a bundle loads in far fewer reads.
// The library (dist/*.js from tsc) is unchanged; only bin/x402-probe uses the bundle.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

// Chunk names carry content hashes: without a clean outdir every old build's chunks stay and ship in the tarball.
rmSync('dist/cli-bundle', { recursive: true, force: true });

await build({
  // probeWorker: the file scan --workers starts its piscina threads on (found beside the chunks);
  // signingThread: what scan's signing thread imports (gather/workerSigner.ts).
  entryPoints: { main: 'src/cli/main.ts', probeWorker: 'src/scan/probeWorker.ts', signingThread: 'src/gather/signingThread.ts' },
  outdir: 'dist/cli-bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Optional (a core install lacks them; see src/cli/optionalPackages.ts), large, or resolved by
  // path at run time: loaded from node_modules as they are.
  external: ['@kubernetes/client-node', 'piscina', 'prom-client', '@x402/extensions', '@x402/extensions/*', 'x402', 'x402/*', 'x402-express', 'x402-fetch', 'express', 'solc', '@foundry-rs/*', '@offchainlabs/*'],
  // The parts of undici the probe uses, without its index (see scripts/undici-core.cjs).
  plugins: [{
    name: 'undici-core',
    setup(b) {
      b.onResolve({ filter: /^undici$/ }, () => ({ path: fileURLToPath(new URL('./undici-core.cjs', import.meta.url)) }));
      // The probe never offers h2 (undici's allowH2 defaults to false, so ALPN offers http/1.1
      // only and no server can pick h2); its HTTP/2 client would load node:http2 and node:tls.
      b.onLoad({ filter: /undici[\\/]lib[\\/]dispatcher[\\/]client-h2\.js$/ }, () => ({
        contents: "module.exports = function connectH2() { throw new Error('HTTP/2 is not part of the x402-probe CLI bundle'); };",
        loader: 'js',
      }));
    },
  }],
  // CommonJS dependencies inside an ESM bundle need a `require`.
  banner: { js: "import { createRequire as __x402ProbeRequire } from 'node:module'; const require = __x402ProbeRequire(import.meta.url);" },
  logLevel: 'warning',
  legalComments: 'none',
});
