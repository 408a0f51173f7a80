import { Command, CommanderError } from 'commander';
import { ProbeError, UsageError } from '../errors.js';
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
import { registerWatch } from './watch.js';
import { registerK8s } from './k8s.js';
import type { CliContext, CliIO } from './context.js';
import { errorLine } from '../util/errorLine.js';
import { missingPackageOf } from './optionalPackages.js';
import { EXAMPLES, examplesText } from './examples.js';

/** Build the command tree. Commands import their heavy modules inside their actions. */
export function buildProgram(ctx: CliContext): Command {
  const program = new Command('x402-probe')
    .description('Probe x402 payment-gated endpoints as a real buyer: challenge, requirements, payment refusal, settlement, registry.')
    .version(version, '-V, --version')
    .option('--debug', 'print error details')
    .showHelpAfterError(false)
    .showSuggestionAfterError(true)
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
  registerWatch(program, ctx);
  registerK8s(program, ctx);
  program.addHelpText('after', MAIN_HELP_AFTER);
  // Every command at every depth reports usage errors through main() (exit 2), never process.exit.
  const quiet = (command: Command, path: string[] = []): void => {
    for (const sub of command.commands) {
      const at = [...path, sub.name()].join(' ');
      if (EXAMPLES[at]) sub.addHelpText('after', examplesText(EXAMPLES[at]));
      sub.exitOverride().showSuggestionAfterError(true).configureOutput({ writeOut: (s) => ctx.io.stdout(s), writeErr: (s) => ctx.io.stderr(s), outputError: () => {} });
      nameTheFlag(sub);
      quiet(sub, [...path, sub.name()]);
    }
  };
  quiet(program);
  return program;
}

const MAIN_HELP_AFTER = `
Exit codes:
  0  no check failed (warnings allowed unless --strict); ready, for preflight
  1  at least one check failed, or something is not ready (an unreachable target is a failed check)
  2  usage or configuration error: one line on stderr, nothing probed

Examples:
  x402-probe check https://api.example.com/weather
  x402-probe check https://api.example.com/chat -X POST -d '{"model":"qwen3:0.6b"}' --expect-price 0.01 --json
  x402-probe demo
  x402-probe help check`;

type Parser = (value: string, previous: unknown) => unknown;

/**
 * A shared parser (parseUrl) does not know which flag it reads; its one-line UsageError is
 * prefixed with the flag or argument that was given the value, unless it already names it.
 */
function nameTheFlag(command: Command): void {
  const wrap = (label: string, parse: Parser | undefined): Parser | undefined =>
    parse &&
    ((value, previous) => {
      try {
        return parse(value, previous);
      } catch (error) {
        if (error instanceof UsageError && !error.shortMessage.includes(label)) throw new UsageError(`${label}: ${error.shortMessage}`, { cause: error });
        throw error;
      }
    });
  for (const option of command.options) {
    const holder = option as unknown as { parseArg?: Parser };
    holder.parseArg = wrap(option.long ?? option.flags, holder.parseArg);
  }
  for (const argument of command.registeredArguments) {
    const holder = argument as unknown as { parseArg?: Parser };
    holder.parseArg = wrap(`<${argument.name()}>`, holder.parseArg);
  }
}

/** Commander's message on one line; its "(Did you mean x?)" line joins the first. */
function oneLine(text: string): string {
  return errorLine(text.replace(/^error:\s*/i, '').replace(/\s*\n\s*\(Did you mean (.*)\?\)/, ' (did you mean $1?)'));
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
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
      // Help shown because a subcommand is missing (`sell`, or no command at all) is a usage error.
      if (error.code === 'commander.help') return error.exitCode === 0 ? 0 : 2;
      const cause = (error as { cause?: unknown }).cause;
      io.stderr(`x402-probe: ${oneLine(cause instanceof ProbeError ? cause.shortMessage : error.message)}\n`);
      return 2;
    }
    const missing = missingPackageOf(error);
    if (missing) {
      io.stderr(`x402-probe: ${missing.shortMessage}\n`);
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
  // A reader that stops early (`x402-probe check --help | head`) closes the pipe: that is the
  // reader's choice, not a failure to report with a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      process.exit(process.exitCode ?? 0);
    });
  }
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
