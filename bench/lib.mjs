// Shared helpers for the benchmarks: timing child processes and summarising samples.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import http from 'node:http';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const bin = fileURLToPath(new URL('../bin/x402-probe', import.meta.url));

/** Stop early with a clear message when the build is missing (bench runs against dist/). */
export function requireBuild() {
  if (!existsSync(new URL('../dist/cli-bundle/main.js', import.meta.url))) {
    console.error('bench: dist/ is missing; run `npm run build` first');
    process.exit(2);
  }
}

export function median(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Wall time of one synchronous child process, in ms; throws when it fails. */
export function timeProcess(command, args, options = {}) {
  const t0 = performance.now();
  const r = spawnSync(command, args, { encoding: 'utf8', ...options });
  const ms = performance.now() - t0;
  if (r.status !== (options.expectStatus ?? 0)) {
    throw new Error(`${command} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  }
  return ms;
}

/** Time `node <args>` without blocking: a seller living in the bench's own process keeps serving. */
export function timeChild(args, okCodes) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => (okCodes.includes(code) ? resolve(performance.now() - t0) : reject(new Error(`${args.join(' ')} exited ${code}: ${err}`))));
  });
}

export const fmt = (ms) => `${ms.toFixed(1)} ms`;

// A correct v2 seller that never accepts a payment (no chain here): 402 to anything else.
export function startV2Seller() {
  const server = http.createServer((req, res) => {
    const origin = `http://${req.headers.host}`;
    const required = {
      x402Version: 2, error: 'Payment required',
      resource: { url: `${origin}${req.url}`, description: 'bench resource', mimeType: 'application/json' },
      accepts: [{ scheme: 'exact', network: 'eip155:84532', amount: '10000', asset: '0x036CbD53842c5426634e7929541eC2318f3dCF7e',
        payTo: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', maxTimeoutSeconds: 60, extra: { name: 'USDC', version: '2' } }],
    };
    const payment = req.headers['payment-signature'];
    if (payment && !/^[A-Za-z0-9+/]*={0,2}$/.test(payment)) {
      res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"invalid payment header"}');
      return;
    }
    res.writeHead(402, {
      'content-type': 'application/json', 'cache-control': 'no-store', 'access-control-allow-origin': '*',
      'access-control-expose-headers': 'PAYMENT-REQUIRED, PAYMENT-RESPONSE',
      'payment-required': Buffer.from(JSON.stringify(required)).toString('base64'),
    }).end('{}');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
