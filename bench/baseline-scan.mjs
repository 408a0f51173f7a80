// The baseline for bench/scan-throughput.mjs: raw undici, no engine. For each URL of the list it
// makes the exchanges `scan` makes by default (unpaid, a well-formed payment header, a malformed
// one, then the five garbage payment headers two at a time, as gather/garbage.ts sends them; with
// --unpaid-only just the first), bodies read, CONCURRENCY URLs in flight.
//   node bench/baseline-scan.mjs <file> <concurrency> [--unpaid-only]
import { readFileSync } from 'node:fs';
import { Agent, request } from 'undici';
import { garbageValues } from '../dist/gather/garbage.js';

const [file, concurrencyArg, mode] = process.argv.slice(2);
const urls = readFileSync(file, 'utf8').split('\n').filter(Boolean);
const concurrency = Number(concurrencyArg ?? 64);
const dispatcher = new Agent({ keepAliveTimeout: 2_000 });
const payment = Buffer.from(JSON.stringify({ x402Version: 2, payload: { signature: `0x${'11'.repeat(65)}` } })).toString('base64');
const garbage = Object.values(garbageValues(2)).map((value) => ({ 'payment-signature': value }));
// Rounds: what goes out at once. scan sends the forged and malformed payments together, then the garbage two by two.
const rounds = mode === '--unpaid-only' ? [[{}]] : [[{}], [{ 'payment-signature': payment }, { 'payment-signature': '!!not a payment!!' }], ...[0, 2, 4].map((i) => garbage.slice(i, i + 2))];

let next = 0;
let exchanges = 0;
async function worker() {
  while (next < urls.length) {
    const url = urls[next++];
    for (const round of rounds) {
      await Promise.all(
        round.map(async (headers) => {
          const res = await request(url, { headers, dispatcher });
          await res.body.text();
          exchanges += 1;
        }),
      );
    }
  }
}
await Promise.all(Array.from({ length: concurrency }, worker));
await dispatcher.close();
process.stdout.write(`${JSON.stringify({ urls: urls.length, exchanges })}\n`);
