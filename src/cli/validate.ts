import type { Command } from 'commander';
import type { CliContext } from './context.js';
import { allowPrivateOption, ipfsGatewayOption } from './options.js';
import { parseAddress, parseNonEmpty, parsePositiveInt, parseUrl } from './parse.js';
import { UsageError } from '../errors.js';
import type { ValidateCommandOptions } from './runValidate.js';

function parseRequestHash(value: string): string {
  if (!/^0x[0-9a-fA-F]{64}$/.test(value)) throw new UsageError(`--request-hash must be 0x and 32 bytes of hex, got ${JSON.stringify(value.slice(0, 80))}`);
  return value;
}

/** `x402-probe validate <agent>`: probe an agent's x402 endpoints and publish the verdict as an ERC-8004 validation. */
export function registerValidate(program: Command, ctx: CliContext): void {
  program
    .command('validate')
    .description('probe an ERC-8004 agent\'s x402 endpoints and print (or, with --publish, send) the Validation registry\'s validationResponse')
    .argument('<agent>', 'eip155:<chainId>:<registry>:<agentId>, <chainId>:<agentId>, or an agent id on Base Sepolia')
    .option('--rpc <url>', 'JSON-RPC URL of the agent\'s chain (required when the public default is unreachable)', parseUrl)
    .option('--response-uri <url>', 'where you will publish the report (write it with --report-out); default: a data: URI holding the whole report', parseNonEmpty('--response-uri'))
    .option('--report-out <file>', 'write the report\'s exact bytes (what responseHash is the keccak256 of) to this file', parseNonEmpty('--report-out'))
    .option('--publish', 'send the validationResponse (answering a validationRequest addressed to you, or self-requesting as the agent\'s owner)')
    .option('--key-env <VAR>', 'environment variable holding the validator\'s hex private key (for --publish)')
    .option('--mainnet', 'allow --publish on a mainnet')
    .option('--request-hash <hash>', 'answer exactly this validationRequest', parseRequestHash)
    .option('--validator <address>', 'without --publish: find a validationRequest addressed to this address', parseAddress('--validator'))
    .option('--validation-registry <address>', 'ValidationRegistry address (default: the canonical one for the chain)', parseAddress('--validation-registry'))
    .option('--no-attacks', 'skip the forged and malformed payments')
    .addOption(ipfsGatewayOption())
    .addOption(allowPrivateOption())
    .option('--timeout <ms>', 'deadline for each request in milliseconds', parsePositiveInt('--timeout'), 10_000)
    .option('--json', 'print JSON on stdout')
    .addHelpText('after', '\nExit codes: 0 the agent passed, 1 it did not (the validation is still printed or sent), 2 usage or configuration error.')
    .action(async (agent: string, options: ValidateCommandOptions) => {
      const { runValidate } = await import('./runValidate.js');
      ctx.exitCode = await runValidate(agent, options, ctx.io);
    });
}
