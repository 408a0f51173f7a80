import { Command } from 'commander';
import type { CliContext } from './context.js';
import { addKubeOptions, addProbeOptions } from './options.js';
import { parseDecimal, parseKubeName, parsePort, parsePositiveInt, parseUrl } from './parse.js';
import type { WatchCommandOptions, WatchProbeOptionName } from './runWatch.js';

/** Exactly the probe options runWatch's type takes: the compiler holds this list and that type together. */
const WATCH_PROBE_OPTIONS: Record<WatchProbeOptionName, true> = {
  method: true,
  header: true,
  body: true,
  timeout: true,
  deadline: true,
  expectPrice: true,
  expectPayTo: true,
  expectNetwork: true,
  expectAsset: true,
  rpc: true,
  attacks: true,
  discovery: true,
  strict: true,
  allowPrivate: true,
  maxAmount: true,
  maxValidity: true,
  mainnet: true,
  keyEnv: true,
  signer: true,
};

const EXIT_CODES = '\nExit codes: 0 stopped cleanly (Ctrl-C, SIGTERM or --count reached), 2 usage or configuration error.';

export function registerWatch(program: Command, ctx: CliContext): void {
  const command = program
    .command('watch')
    .description('re-probe one endpoint (or a ServiceOffer) every --interval, print its state changes and serve Prometheus metrics')
    .argument('[url]', 'the endpoint URL (or use --offer)', parseUrl)
    .option('--offer <name>', 'watch this ServiceOffer instead, resolving its public URL as `offer` does on every probe', parseKubeName('the offer name'))
    .option('-n, --namespace <ns>', "with --offer: the offer's namespace (default: the context's namespace, else default)", parseKubeName('--namespace'))
    .option('--base-url <url>', 'with --offer: public origin to prefix status.endpoint with', parseUrl)
    .option('--path <subpath>', "with --offer: subpath under the offer's endpoint to probe", '/health');
  addKubeOptions(command);
  for (const option of addProbeOptions(new Command()).options) {
    if (Object.hasOwn(WATCH_PROBE_OPTIONS, option.attributeName())) command.addOption(option);
  }
  command
    .option('--interval <seconds>', 'seconds from the start of one probe to the start of the next (a longer probe delays the next; probes never overlap)', parsePositiveInt('--interval'), 60)
    .option('--pay-every <n>', 'make every Nth probe a paid one (the first included), under --daily-cap and the --pay guards (needs --key-env or --signer)', parsePositiveInt('--pay-every'))
    .option('--daily-cap <decimal>', 'with --pay-every: most the paid probes spend per UTC day, in the asset; a paid probe that would exceed it is skipped and said so', parseDecimal('--daily-cap'))
    .option('--spend-file <path>', 'with --pay-every: keep the daily spend in this file, so a restarted watch counts against the same cap (written before and after each paid probe)')
    .option('--metrics-port <port>', 'serve Prometheus metrics at http://<metrics-host>:<port>/metrics (0: any free port, printed at start)', parsePort('--metrics-port'))
    .option('--metrics-host <host>', 'address the metrics server binds', '127.0.0.1')
    .option('--webhook <url>', 'POST each change event as JSON to this URL (a failing webhook is logged, never stops watch)', parseUrl)
    .option('--webhook-timeout <ms>', 'timeout of each webhook POST', parsePositiveInt('--webhook-timeout'), 5_000)
    .option('--count <n>', 'stop after this many probes', parsePositiveInt('--count'))
    .option('--json', 'print each event as one JSON line (NDJSON) on stdout, and nothing else there')
    .addHelpText('after', EXIT_CODES)
    .action(async (url: string | undefined, options: WatchCommandOptions) => {
      const { runWatch } = await import('./runWatch.js');
      ctx.exitCode = await runWatch(url, options, ctx.io);
    });
}
