import { formatAgentRef, type AgentLocator } from '../registry/agentRef.js';
import { fetchRegistrationFile } from '../registry/fetchRegistrationFile.js';
import { createRegistryClient, readAgent } from '../registry/readAgent.js';
import { validateRegistrationFile } from '../registry/validateRegistrationFile.js';
import {
  dataUriOf, hashOf, selfRequestHash, serializeValidationDocument, validationResponseCalldata, validationScore, validationTag,
  type ValidationDocument, type ValidationResponseFields,
} from '../registry/validationDocument.js';
import { x402Endpoints } from '../registry/x402Endpoints.js';
import { NetworkPolicy, type NetworkPolicyOptions } from '../gather/network.js';
import type { Report } from '../report/types.js';
import { version } from '../version.js';
import { run } from './run.js';

/** NetworkPolicyOptions: the agentURI and the endpoints it lists are data (public addresses only unless `allowPrivate`). */
export interface ValidateAgentParameters extends NetworkPolicyOptions {
  locator: AgentLocator;
  rpcUrl: string;
  /** Where the report will be published (--response-uri); by default a data: URI holding it. */
  responseURI?: string;
  /** The validator's address, when known, for the self-request hash. */
  validator?: string;
  ipfsGateway?: string;
  timeoutMs?: number;
  attacks?: boolean;
  now?: () => Date;
}

export interface ValidateAgentReturnType {
  document: ValidationDocument<Report>;
  /** The document's exact bytes: what responseHash is the keccak256 of. */
  text: string;
  fields: ValidationResponseFields;
  calldata: `0x${string}`;
}

/**
 * Probe the x402 endpoints an agent's registration file lists (each a full probe with the
 * ERC-8004 cross-check, unpaid) and build the `validationResponse` a validator would publish.
 */
export async function validateAgent(params: ValidateAgentParameters): Promise<ValidateAgentReturnType> {
  const started = (params.now ?? (() => new Date()))();
  const agent = formatAgentRef(params.locator);
  const timeoutMs = params.timeoutMs ?? 10_000;
  const client = await createRegistryClient(params.rpcUrl, timeoutMs);
  const reads = await readAgent({ rpcUrl: params.rpcUrl, registry: params.locator.registry, agentId: params.locator.agentId, timeoutMs, client });
  const skipped: ValidationDocument['skipped'] = [];
  const reports: Report[] = [];
  if (typeof reads.tokenURI === 'string') {
    const network = new NetworkPolicy({ allowPrivate: params.allowPrivate, lookup: params.lookup, classifyAddress: params.classifyAddress, connectTimeoutMs: timeoutMs });
    let services: ReturnType<typeof validateRegistrationFile>['services'] = [];
    try {
      const file = await fetchRegistrationFile({ uri: reads.tokenURI, ipfsGateway: params.ipfsGateway, timeoutMs, source: 'data', network });
      if (file.json?.ok) services = validateRegistrationFile(file.json.value).services;
      else skipped.push({ endpoint: reads.tokenURI.slice(0, 300), reason: `registration file unreadable (${file.error?.code ?? (file.truncated ? 'too large' : 'not JSON')})` });
    } finally {
      await network.close();
    }
    const found = x402Endpoints(services);
    skipped.push(...found.skipped);
    // One after another: a validator is one buyer, and the seller's rate limits count it as one.
    for (const endpoint of found.endpoints) {
      const post = endpoint.method === 'POST';
      const { report } = await run({
        url: endpoint.url,
        method: endpoint.method,
        headers: post ? { 'content-type': 'application/json' } : undefined,
        body: post ? '{}' : undefined,
        targetSource: 'data',
        allowPrivate: params.allowPrivate,
        lookup: params.lookup,
        classifyAddress: params.classifyAddress,
        timeoutMs,
        attacks: params.attacks ?? true,
        agent,
        rpc: params.rpcUrl,
        ipfsGateway: params.ipfsGateway,
        now: params.now,
      });
      reports.push(report);
    }
  } else {
    skipped.push({ endpoint: '(agentURI)', reason: reads.rpcError ?? reads.tokenURIError ?? 'the registry gave no agentURI' });
  }
  const response = validationScore(reports);
  const document: ValidationDocument<Report> = {
    tool: 'x402-probe',
    kind: 'validation',
    version,
    agent,
    startedAt: started.toISOString(),
    verdict: reports.length > 0 && reports.every((r) => r.verdict === 'pass') ? 'pass' : 'fail',
    response,
    skipped,
    reports,
  };
  const text = serializeValidationDocument(document);
  const fields: ValidationResponseFields = {
    requestHash: selfRequestHash(agent, params.validator ?? '', document.startedAt),
    response,
    responseURI: params.responseURI ?? dataUriOf(text),
    responseHash: hashOf(text),
    tag: validationTag(version),
  };
  return { document, text, fields, calldata: validationResponseCalldata(fields) };
}
