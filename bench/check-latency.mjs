// A cold `x402-probe check` of a loopback v2 seller against a bare node script that makes the
// same exchanges with no engine (bench/baseline-check.mjs). Goal: ratio <= 1.5.
// Both sides are fresh processes, so module loading counts on both. Run after `npm run build`.
import { spawn } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { bin, fmt, median, requireBuild } from './lib.mjs';

requireBuild();
const baseline = fileURLToPath(new URL('./baseline-check.mjs', import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 10);

// A correct v2 seller that never accepts a payment (no chain here): 402 to anything else.
function startSeller() {
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

// Async spawn: the seller lives in this process and must keep serving while the child runs.
function timeChild(args, okCodes) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => (okCodes.includes(code) ? resolve(performance.now() - t0) : reject(new Error(`${args.join(' ')} exited ${code}: ${err}`))));
  });
}

const server = await startSeller();
const url = `http://127.0.0.1:${server.address().port}/weather`;
const ours = [];
const base = [];
try {
  await timeChild([baseline, url], [0]);
  await timeChild([bin, 'check', url, '--json'], [0, 1]);
  for (let i = 0; i < runs; i++) {
    base.push(await timeChild([baseline, url], [0]));
    ours.push(await timeChild([bin, 'check', url, '--json'], [0, 1]));
  }
} finally {
  server.close();
}
console.log(`bare node script (3 exchanges): median ${fmt(median(base))} over ${runs} runs`);
console.log(`x402-probe check (cold):        median ${fmt(median(ours))} over ${runs} runs`);
console.log(`ratio: ${(median(ours) / median(base)).toFixed(2)}`);
