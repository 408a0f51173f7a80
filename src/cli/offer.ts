import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { addProbeOptions, type CheckCommandOptions } from './check.js';
import type { CliContext } from './context.js';
import { parseUrl } from './parse.js';

export interface KubeCommandOptions {
  namespace?: string;
  context?: string;
  kubeconfig?: string;
}

export interface OfferCommandOptions extends CheckCommandOptions, KubeCommandOptions {
  baseUrl?: string;
  path: string;
  /** A ref, false for --no-agent, undefined for status.agentId. */
  agent?: string | false;
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Kubernetes object and namespace names: lowercase RFC 1123 labels. */
export function parseKubeName(what: string) {
  return (value: string): string => {
    if (!DNS_LABEL.test(value) || value.length > 63) throw new UsageError(`${what} must be a lowercase RFC 1123 name (a-z, 0-9, '-'), got ${JSON.stringify(value)}`);
    return value;
  };
}

/** --context and --kubeconfig, resolved the way kubectl does (KUBECONFIG, ~/.kube/config, in-cluster). */
export function addKubeOptions(command: Command): Command {
  return command
    .option('--context <name>', 'kubeconfig context to use (default: the current-context)')
    .option('--kubeconfig <file>', 'kubeconfig file (default: KUBECONFIG, else ~/.kube/config, else in-cluster)');
}

/** --agent defaults to the offer's status.agentId, and --no-agent skips it; call after addProbeOptions. */
export function addAgentOptions(command: Command): Command {
  const agent = command.options.find((o) => o.long === '--agent');
  if (!agent) throw new Error('addAgentOptions extends the --agent that addProbeOptions declares: call that first');
  agent.description = `${agent.description} (default: status.agentId)`;
  return command.option('--no-agent', 'skip the ERC-8004 cross-check even when status.agentId is set');
}

export function registerOffer(program: Command, ctx: CliContext): void {
  const command = program
    .command('offer')
    .description("read an obol-stack ServiceOffer, show its six conditions, and probe its public URL as a buyer against its spec")
    .argument('<name>', 'ServiceOffer name', parseKubeName('the offer name'))
    .option('-n, --namespace <ns>', "the offer's namespace (default: the context's namespace, else default)", parseKubeName('--namespace'))
    .option('--base-url <url>', 'public origin to prefix status.endpoint with (default: the tunnel URL the cluster records, else http://obol.stack:8080)', parseUrl)
    .option('--path <subpath>', "subpath under the offer's endpoint to probe ('' for the endpoint itself)", '/health');
  addKubeOptions(command);
  addProbeOptions(command);
  addAgentOptions(command);
  command.action(async (name: string, options: OfferCommandOptions) => {
    const { runOffer } = await import('./runOffer.js');
    ctx.exitCode = await runOffer(name, options, ctx.io);
  });
}
