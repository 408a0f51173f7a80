/**
 * Issue 13 item 6: every --help ends with examples, the main help lists exit codes, mistakes
 * name the nearest command or the flag at fault, and a usage error (exit 2) sends no request.
 * A loopback seller counts requests, so a usage error that still probed would show.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProgram, main } from '../src/cli/main.js';
import { captureIO } from './helpers/cli.js';

let server: Server;
let url = '';
let requests = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    requests += 1;
    res.writeHead(402, { 'content-type': 'application/json' }).end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/weather`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function cli(...argv: string[]) {
  const { io, out, err } = captureIO();
  const code = await main(argv, io);
  return { code, stdout: out(), stderr: err() };
}

function allCommands(command: Command, path: string[] = []): string[][] {
  return command.commands.filter((c) => c.name() !== 'help').flatMap((c) => [[...path, c.name()], ...allCommands(c, [...path, c.name()])]);
}

describe('CLI conventions', () => {
  it('ends every command help with an Examples section of real command lines', async () => {
    const commands = allCommands(buildProgram({ io: captureIO().io, exitCode: 0 }));
    expect(commands.length).toBeGreaterThanOrEqual(12);
    for (const path of commands) {
      const help = await cli(...path, '--help');
      expect(help.code, path.join(' ')).toBe(0);
      const sections = help.stdout.split('\nExamples:\n');
      expect(sections.length, `${path.join(' ')} --help has one Examples section`).toBe(2);
      const examples = sections[1];
      for (const line of examples.trim().split('\n')) expect(line.trim(), path.join(' ')).toMatch(new RegExp(`(^|\\s)x402-probe ${path.join(' ')}( |$)`));
    }
  });

  it('lists the exit codes and examples in the main help', async () => {
    const help = await cli('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Exit codes:\n {2}0 .*\n {2}1 .*\n {2}2 {2}usage or configuration error/);
    expect(help.stdout).toContain('\nExamples:\n  x402-probe check ');
  });

  it.each([
    ['an unknown command', ['chek', url], "x402-probe: unknown command 'chek' (did you mean check?)\n"],
    ['an unknown option', ['check', url, '--jsn'], "x402-probe: unknown option '--jsn' (did you mean --json?)\n"],
    ['an unknown subcommand', ['registry', 'shwo', '7'], "x402-probe: unknown command 'shwo' (did you mean show?)\n"],
  ])('suggests the nearest name for %s, on one line, exit 2', async (_, argv, line) => {
    const before = requests;
    const run = await cli(...argv);
    expect([run.code, run.stderr, run.stdout]).toEqual([2, line, '']);
    expect(requests).toBe(before);
  });

  it('refuses --json with --reporter junit as a usage error before any request', async () => {
    const before = requests;
    const run = await cli('check', url, '--json', '--reporter', 'junit');
    expect([run.code, run.stdout]).toEqual([2, '']);
    expect(run.stderr).toBe('x402-probe: --json and --reporter junit both choose the output: --json is --reporter json; pass one of them\n');
    expect(requests).toBe(before);
    // Not a conflict: both say json.
    expect((await cli('check', url, '--json', '--reporter', 'json')).code).toBe(1);
  });

  it('names the missing argument of sell inference before its required options', async () => {
    expect(await cli('sell', 'inference')).toMatchObject({ code: 2, stderr: "x402-probe: missing required argument 'name'\n" });
    expect(await cli('sell', 'http')).toMatchObject({ code: 2, stderr: "x402-probe: missing required argument 'name'\n" });
    expect(await cli('sell', 'inference', 'qwen', '--pay-to', `0x${'11'.repeat(20)}`, '--dry-run')).toMatchObject({ code: 2, stderr: "x402-probe: required option '--model <name>' not specified\n" });
    expect(await cli('sell', 'http', 'weather', '--upstream', 'weather-api:8080', '--dry-run')).toMatchObject({ code: 2, stderr: "x402-probe: required option '--pay-to <address>' not specified\n" });
  });

  it('names the flag whose value a shared parser refused', async () => {
    const before = requests;
    const signer = await cli('check', url, '--pay', '--signer', 'notaurl');
    expect([signer.code, signer.stderr]).toEqual([2, 'x402-probe: --signer: not an absolute URL: "notaurl" (expected http:// or https://)\n']);
    const base = await cli('offer', 'qwen', '--base-url', 'ftp://x');
    expect([base.code, base.stderr]).toEqual([2, 'x402-probe: --base-url: unsupported URL scheme ftp: (expected http or https)\n']);
    // A message that already names its flag is left as it is.
    expect((await cli('check', url, '--timeout', 'abc')).stderr).toBe('x402-probe: --timeout must be a positive integer, got "abc"\n');
    expect(requests).toBe(before);
  });

  it('prints sell\'s help and exits 2 without a subcommand; bare x402-probe too', async () => {
    const sell = await cli('sell');
    expect(sell.code).toBe(2);
    expect(sell.stdout + sell.stderr).toContain('Usage: x402-probe sell [options] [command]');
    expect((await cli()).code).toBe(2);
    expect((await cli('help', 'sell')).code).toBe(0);
  });
});
