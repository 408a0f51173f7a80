/**
 * Source of the guard process that owns anvil. The parent keeps the guard's stdin open; when the
 * parent dies for any reason (even SIGKILL) the pipe closes, and the guard kills anvil and exits.
 * It is run with `node -e`, so it ships inside this module and needs no file beside the build
 * output (tsc copies only .ts) and no TypeScript loader under the test runner.
 *
 * Protocol, one JSON object per line on the guard's stdout:
 *   {"event":"listening","pid":<anvil pid>,"port":<port>}
 *   {"event":"exit","code":<code|null>,"signal":<signal|null>,"output":"<last lines of anvil's output>"}
 */
export const GUARD_SOURCE = String.raw`
'use strict';
const { spawn } = require('node:child_process');
const { bin, args } = JSON.parse(process.env.X402_PROBE_ANVIL_GUARD || '{}');
const send = (o) => { try { process.stdout.write(JSON.stringify(o) + '\n'); } catch {} };
let tail = '';
let listening = false;
let exited = false;
const anvil = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
const kill = () => { if (!exited) { try { anvil.kill('SIGKILL'); } catch {} } };
const keep = (chunk) => {
  tail = (tail + chunk.toString('utf8')).slice(-4000);
  if (listening) { tail = tail.slice(-1000); return; }
  const m = /Listening on [^\s:]+:(\d+)/.exec(tail);
  if (m) { listening = true; send({ event: 'listening', pid: anvil.pid, port: Number(m[1]) }); }
};
anvil.stdout.on('data', keep);
anvil.stderr.on('data', keep);
anvil.on('error', (e) => { tail += '\n' + e.message; });
anvil.on('close', (code, signal) => {
  exited = true;
  send({ event: 'exit', code, signal, output: tail.slice(-2000) });
  process.exit(0);
});
// The parent's end of the pipe closing is the signal that nobody needs anvil any more.
process.stdin.on('end', kill);
process.stdin.on('close', kill);
process.stdin.on('error', kill);
process.stdin.resume();
// Ctrl-C reaches the whole process group; the parent decides when to stop, so only stdin counts.
process.on('SIGINT', () => {});
for (const s of ['SIGTERM', 'SIGHUP']) process.on(s, () => { kill(); setTimeout(() => process.exit(0), 2000).unref(); });
process.on('exit', kill);
`;
