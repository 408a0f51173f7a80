import type { Command } from 'commander';
import type { CliContext } from './context.js';
import { addAgentOptions, addKubeOptions, addProbeOptions } from './options.js';
import { parseKubeName, parseUrl } from './parse.js';
import type { OfferCommandOptions } from './runOffer.js';

export function registerOffer(program: Command, ctx: CliContext): void {
  const command = program
    .command('offer')
    .description("read an obol-stack ServiceOffer, show its six conditions, and probe its public URL as a buyer against its spec")
    .argument('<name>', 'ServiceOffer name', parseKubeName('the offer name'))
    .option('-n, --namespace <ns>', "the offer's namespace (default: the context's namespace, else default)", parseKubeName('--namespace'))
    .option('--base-url <url>', 'public origin to prefix status.endpoint with (default: the tunnel URL the cluster records, else http://obol.stack:8080)', parseUrl)
    .option('--path <subpath>', "subpath under the offer's endpoint to probe ('' for the endpoint itself; default: an inference offer's chat-completions POST, plain and streamed, else /health)");
  addKubeOptions(command);
  addProbeOptions(command);
  addAgentOptions(command);
  command.action(async (name: string, options: OfferCommandOptions) => {
    const { runOffer } = await import('./runOffer.js');
    ctx.exitCode = await runOffer(name, options, ctx.io);
  });
}
