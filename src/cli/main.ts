import { Command, CommanderError } from 'commander';
import { ProbeError } from '../errors.js';
import { redactSecrets } from '../util/redact.js';
import { version } from '../version.js';
import { registerCheck } from './check.js';
import { registerScan } from './scan.js';
import { registerDiscover } from './discover.js';
import { registerRegistry } from './registry.js';
import { registerMarket } from './market.js';
import { registerOffer } from './offer.js';
import { registerPreflight } from './preflight.js';
import { registerSell } from './sell.js';
import { registerDemo } from './demo.js';
import { registerSandbox } from './sandbox.js';
import { registerValidate } from './validate.js';
import type { CliContext, CliIO } from './context.js';
import { errorLine } from '../util/errorLine.js';

/** Build the command tree. Commands import their heavy modules inside their actions. */
export function buildProgram(ctx: CliContext): Command {
  const program = new Command('x402-probe')
    .description('Probe x402 payment-gated endpoints as a real buyer: challenge, requirements, payment refusal, settlement, registry.')
    .version(version, '-V, --version')
    .option('--debug', 'print error details')
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({ writeOut: (s) => ctx.io.stdout(s), writeErr: (s) => ctx.io.stderr(s), outputError: () => {} });
  registerCheck(program, ctx);
  registerScan(program, ctx);
  registerDiscover(program, ctx);
  registerRegistry(program, ctx);
  registerMarket(program, ctx);
  registerValidate(program, ctx);
  registerOffer(program, ctx);
  registerPreflight(program, ctx);
  registerSell(program, ctx);
  registerSandbox(program, ctx);
  registerDemo(program, ctx);
  // Every command at every depth reports usage errors through main() (exit 2), never process.exit.
  const quiet = (command: Command): void => {
    for (const sub of command.commands) {
      sub.exitOverride().configureOutput({ writeOut: (s) => ctx.io.stdout(s), writeErr: (s) => ctx.io.stderr(s), outputError: () => {} });
      quiet(sub);
    }
  };
  quiet(program);
  return program;
}

function oneLine(text: string): string {
  return errorLine(text.replace(/^error:\s*/i, ''));
}

/** Run the CLI; resolves to the exit code. Never throws and never prints a stack trace unless --debug. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  const ctx: CliContext = { io, exitCode: 0 };
  const debug = argv.includes('--debug');
  const program = buildProgram(ctx);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return ctx.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
      const cause = (error as { cause?: unknown }).cause;
      io.stderr(`x402-probe: ${oneLine(cause instanceof ProbeError ? cause.shortMessage : error.message)}\n`);
      return 2;
    }
    if (error instanceof ProbeError) {
      io.stderr(`x402-probe: ${error.shortMessage}\n`);
      if (debug && error.details) io.stderr(`${error.details}\n`);
      return 2;
    }
    io.stderr(`x402-probe: internal error: ${errorLine(error)}\n`);
    if (debug) io.stderr(`${redactSecrets(String((error as Error)?.stack ?? ''))}\n`);
    return 2;
  }
}

/** The process entry: real stdio, Ctrl-C, exit code. */
export async function cli(): Promise<void> {
  let interrupted: Promise<void> | null = null;
  // Installed on demand: a short command keeps Node's default Ctrl-C behaviour.
  const waitForInterrupt = () =>
    (interrupted ??= new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
      process.once('SIGHUP', () => resolve());
    }));
  const isTTY = Boolean(process.stderr.isTTY);
  const io: CliIO = {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    isTTY,
    color: Boolean(process.stdout.isTTY) && !('NO_COLOR' in process.env) && process.env.TERM !== 'dumb',
    env: process.env,
    waitForInterrupt,
  };
  const code = await main(process.argv.slice(2), io);
  process.exitCode = code;
}
