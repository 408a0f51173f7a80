import { writeFileSync } from 'node:fs';
import { ConfigError, UsageError } from '../errors.js';
import { validateAgent } from '../engine/validateAgent.js';
import { resolveNetwork } from '../protocol/networks.js';
import { parseAgentRef } from '../registry/agentRef.js';
import { createRegistryClient } from '../registry/readAgent.js';
import { resolveRegistryRpc } from '../registry/resolveRpc.js';
import { canonicalTrustRegistries } from '../registry/trustAbi.js';
import { errorLine } from '../util/errorLine.js';
import type { CliIO } from './context.js';
import { commandOutput } from './output.js';

export interface ValidateCommandOptions {
  rpc?: string;
  responseUri?: string;
  reportOut?: string;
  publish?: boolean;
  keyEnv?: string;
  mainnet?: boolean;
  requestHash?: string;
  validator?: string;
  validationRegistry?: string;
  attacks: boolean;
  ipfsGateway?: string;
  allowPrivate?: boolean;
  timeout: number;
  json?: boolean;
}

/** `x402-probe validate <agent>`: exit 0 when the agent passed, 1 when not, 2 on usage or setup errors. */
export async function runValidate(agentText: string, options: ValidateCommandOptions, io: CliIO): Promise<number> {
  const ref = parseAgentRef(agentText);
  if (ref.kind === 'auto') throw new UsageError('validate needs an agent (eip155:<chainId>:<registry>:<agentId>, <chainId>:<agentId> or an id)');
  if (options.keyEnv && !options.publish) throw new UsageError('--key-env only applies with --publish');
  if (options.publish && !options.keyEnv) throw new UsageError('--publish needs the validator\'s key: --key-env <VAR>');
  if (options.publish && options.validator) throw new UsageError('--validator is for printing calldata; with --publish the key\'s address is the validator');
  const network = resolveNetwork(`eip155:${ref.chainId}`);
  const testnet = network?.testnet ?? false;
  if (options.publish && !testnet && !options.mainnet) throw new UsageError(`--publish on chain ${ref.chainId} (${network?.label ?? 'a mainnet'}) needs --mainnet`);
  // The key is read (and registered for redaction) before any request is made.
  const account = options.publish ? await (await import('../gather/pay/buyerSigner.js')).accountFromEnv(options.keyEnv!, io.env) : null;
  const rpcUrl = await resolveRegistryRpc({ rpc: options.rpc, chainId: ref.chainId, timeoutMs: Math.min(options.timeout, 5_000) });
  const output = commandOutput(options, io);
  const validationRegistry = (options.validationRegistry ?? canonicalTrustRegistries(testnet).validation) as `0x${string}`;
  const client = await createRegistryClient(rpcUrl, options.timeout);
  const code = await client.getCode({ address: validationRegistry }).catch((error: unknown) => {
    throw new ConfigError(`could not read the chain at ${new URL(rpcUrl).origin}: ${errorLine(error)}`);
  });
  const deployed = code !== undefined && code !== '0x';
  // The --mainnet gate above judged ref.chainId: the key must sign nowhere else.
  if (options.publish) {
    const rpcChainId = await client.getChainId().catch((error: unknown) => {
      throw new ConfigError(`could not read the chain at ${new URL(rpcUrl).origin}: ${errorLine(error)}`);
    });
    if (rpcChainId !== ref.chainId) throw new ConfigError(`--publish: the RPC at ${new URL(rpcUrl).origin} is on chain ${rpcChainId}, but the agent is on chain ${ref.chainId}`);
  }
  if (options.publish && !deployed) throw new ConfigError(`no ValidationRegistry at ${validationRegistry} on chain ${ref.chainId} (normal: it is not deployed everywhere yet): nothing to publish to`);

  const { findValidationRequest, planValidationRequest, publishValidation } = await import('../registry/publishTrust.js');
  // Who may answer what is settled before the probe: a key with nothing to answer learns it at once.
  const plan = account
    ? await planValidationRequest({ client, account, identityRegistry: ref.registry, validationRegistry, agentId: ref.agentId, requestHash: options.requestHash as `0x${string}` | undefined })
    : null;
  const validator = account?.address ?? options.validator;
  const progress = output.progress();
  progress.update('probing the agent\'s endpoints');
  const result = await validateAgent({ locator: ref, rpcUrl, responseURI: options.responseUri, validator, ipfsGateway: options.ipfsGateway, allowPrivate: options.allowPrivate, timeoutMs: options.timeout, attacks: options.attacks }).finally(() => progress.stop());
  if (options.reportOut) writeFileSync(options.reportOut, result.text);

  let requestSource: 'given' | 'request' | 'self' | 'none' = options.requestHash ? 'given' : 'none';
  let fields = { ...result.fields, ...(options.requestHash ? { requestHash: options.requestHash as `0x${string}` } : {}) };
  let published: Awaited<ReturnType<typeof import('../registry/publishTrust.js').publishValidation>> | null = null;
  const { validationResponseCalldata } = await import('../registry/validationDocument.js');
  if (account && plan) {
    published = await publishValidation({ client, rpcUrl, account, chainId: ref.chainId, identityRegistry: ref.registry, validationRegistry, agentId: ref.agentId, fields, plan, timeoutMs: options.timeout });
    fields = { ...fields, requestHash: published.requestHash };
    requestSource = published.requestSource;
  } else if (!options.requestHash && options.validator && deployed) {
    const found = await findValidationRequest(client, validationRegistry, options.validator as `0x${string}`, ref.agentId).catch(() => null);
    if (found) [fields, requestSource] = [{ ...fields, requestHash: found }, 'request'];
  }
  const calldata = validationResponseCalldata(fields);
  const summary = {
    agent: result.document.agent,
    verdict: result.document.verdict,
    endpoints: result.document.reports.map((r) => ({ url: r.target, verdict: r.verdict })),
    skipped: result.document.skipped,
    validationRegistry,
    validationDeployed: deployed,
    validator: validator ?? null,
    requestHash: fields.requestHash,
    requestSource,
    response: fields.response,
    responseURI: fields.responseURI,
    responseHash: fields.responseHash,
    tag: fields.tag,
    to: validationRegistry,
    calldata,
    transaction: published ? { request: published.request, response: published.response } : null,
    report: result.document,
  };
  if (output.json) io.stdout(`${JSON.stringify(summary, null, 2)}\n`);
  else io.stdout(renderValidation(summary));
  return result.document.verdict === 'pass' ? 0 : 1;
}

function renderValidation(s: {
  agent: string; verdict: string; endpoints: { url: string; verdict: string }[]; skipped: { endpoint: string; reason: string }[];
  validationRegistry: string; validationDeployed: boolean; validator: string | null; requestHash: string; requestSource: string;
  response: number; responseURI: string; responseHash: string; tag: string; to: string; calldata: string;
  transaction: { request: { hash: string } | null; response: { hash: string; blockNumber: string } } | null;
}): string {
  const lines = [`Agent ${s.agent}: ${s.verdict} (response ${s.response})`];
  for (const e of s.endpoints) lines.push(`  ${e.verdict === 'pass' ? 'pass' : 'FAIL'}  ${e.url}`);
  for (const k of s.skipped) lines.push(`  skip  ${k.endpoint}: ${k.reason}`);
  if (s.endpoints.length === 0) lines.push('  no x402 endpoint was probed');
  lines.push('');
  if (!s.validationDeployed) lines.push(`No ValidationRegistry at ${s.validationRegistry} on this chain (normal: it is not deployed everywhere yet).`);
  lines.push('validationResponse:');
  const uri = s.responseURI.length > 120 ? `${s.responseURI.slice(0, 100)}… (${s.responseURI.length} characters)` : s.responseURI;
  const source = { given: '--request-hash', request: 'a validationRequest addressed to the validator', self: 'self-request by the agent owner', none: 'no request found: a validationRequest with this hash must exist first' }[s.requestSource];
  lines.push(`  requestHash   ${s.requestHash}  (${source})`, `  response      ${s.response}`, `  responseURI   ${uri}`, `  responseHash  ${s.responseHash}`, `  tag           ${s.tag}`);
  lines.push(`  to            ${s.to}`, `  calldata      ${s.calldata.length > 210 ? `${s.calldata.slice(0, 200)}… (${(s.calldata.length - 2) / 2} bytes; --json prints it whole)` : s.calldata}`);
  if (s.transaction) {
    if (s.transaction.request) lines.push(`Sent validationRequest ${s.transaction.request.hash}`);
    lines.push(`Sent validationResponse ${s.transaction.response.hash} (block ${s.transaction.response.blockNumber})`);
  } else {
    lines.push('Not sent (add --publish --key-env <VAR> to send it).');
  }
  return `${lines.join('\n')}\n`;
}
