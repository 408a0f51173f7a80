// A cold `x402-probe check` of a loopback v2 seller against the peer that obol-stack's own flows
// run, `@agentcash/discovery check <url>` (a devDependency), on the same seller, both as fresh
// processes. Goals: `check --no-attacks` <= 1.0x the peer, `check` (attacks included) <= 1.2x.
// The last line is the --no-attacks ratio. Run after `npm run build`.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { bin, fmt, median, requireBuild, root, startV2Seller, timeChild } from './lib.mjs';

requireBuild();
const peer = join(root, 'node_modules', '@agentcash', 'discovery', 'bin', 'discovery.js');
if (!existsSync(peer)) {
  console.error('bench: the peer @agentcash/discovery is not installed; run npm ci');
  process.exit(2);
}
const runs = Number(process.env.BENCH_RUNS ?? 10);

const server = await startV2Seller();
const url = `http://127.0.0.1:${server.address().port}/weather`;
const commands = {
  peer: [peer, 'check', url, '--json'],
  noAttacks: [bin, 'check', url, '--no-attacks', '--json'],
  attacks: [bin, 'check', url, '--json'],
};
const samples = { peer: [], noAttacks: [], attacks: [] };
try {
  for (const args of Object.values(commands)) await timeChild(args, [0, 1]);
  // Interleaved, so that load from elsewhere on the machine falls on all three alike.
  for (let i = 0; i < runs; i++) for (const [name, args] of Object.entries(commands)) samples[name].push(await timeChild(args, [0, 1]));
} finally {
  server.close();
}
const m = Object.fromEntries(Object.entries(samples).map(([name, s]) => [name, median(s)]));
console.log(`node -e '' (process start):          median ${fmt(await startOnly())}`);
console.log(`@agentcash/discovery check:          median ${fmt(m.peer)} over ${runs} runs`);
console.log(`x402-probe check --no-attacks:       median ${fmt(m.noAttacks)} over ${runs} runs`);
console.log(`x402-probe check (attacks included): median ${fmt(m.attacks)} over ${runs} runs`);
console.log(`ratio with attacks (goal <= 1.2): ${(m.attacks / m.peer).toFixed(2)}`);
console.log(`ratio: ${(m.noAttacks / m.peer).toFixed(2)}`);

async function startOnly() {
  const s = [];
  for (let i = 0; i < Math.min(runs, 5); i++) s.push(await timeChild(['-e', ''], [0]));
  return median(s);
}
