/** Hand-made registry artifacts for the registry.* unit tests. */
import type { RegistrationFetch, RegistryAgentArtifact } from '../../src/artifacts/index.js';
import { IDENTITY_REGISTRY_TESTNET, REGISTRATION_TYPE } from '../../src/registry/abi.js';
import { PAY_TO, URL } from '../helpers/artifacts.js';

export const AGENT_ID = 7;
export const OWNER = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
export const AGENT_REGISTRY = `eip155:84532:${IDENTITY_REGISTRY_TESTNET}`;
export const FILE_URL = 'https://api.example.com/.well-known/agent-registration.json';

export function registryAgent(overrides: Partial<RegistryAgentArtifact> = {}): RegistryAgentArtifact {
  return {
    ref: `${AGENT_REGISTRY}:${AGENT_ID}`,
    source: 'explicit',
    autoEntry: null,
    autoError: null,
    chainId: 84532,
    registry: IDENTITY_REGISTRY_TESTNET,
    agentId: String(AGENT_ID),
    rpcOrigin: 'http://127.0.0.1:8545',
    rpcChainId: 84532,
    hasCode: true,
    owner: OWNER,
    ownerError: null,
    tokenURI: FILE_URL,
    tokenURIError: null,
    agentWallet: PAY_TO,
    agentWalletError: null,
    metadata: {},
    rpcError: null,
    ...overrides,
  };
}

/** A current-format registration file for agent 7 listing the probed URL. */
export function registrationDoc(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: REGISTRATION_TYPE,
    name: 'WeatherAgent',
    description: 'Paid weather API',
    services: [{ name: 'web', endpoint: URL }],
    x402Support: true,
    active: true,
    registrations: [{ agentId: AGENT_ID, agentRegistry: AGENT_REGISTRY }],
    ...overrides,
  };
}

/** A document fetched over HTTP(S) with status 200 (or as told). */
export function fetched(document: unknown, overrides: Partial<RegistrationFetch> & { status?: number; url?: string } = {}): RegistrationFetch {
  const { status = 200, url = FILE_URL, ...rest } = overrides;
  const text = typeof document === 'string' ? document : JSON.stringify(document);
  let json: RegistrationFetch['json'];
  try {
    json = { ok: true, value: JSON.parse(text) };
  } catch (error) {
    json = { ok: false, error: (error as Error).message };
  }
  return {
    uri: url,
    scheme: url.startsWith('https:') ? 'https' : 'http',
    fetchedUrl: url,
    exchange: {
      request: { url, method: 'GET', headers: {}, bodyBytes: 0 },
      finalUrl: url,
      redirects: [],
      status,
      headers: { 'content-type': 'application/json' },
      headerBytes: 60,
      body: text,
      bodyBytes: text.length,
      bodyTruncated: false,
      bodyIncomplete: false,
      timings: { headersMs: 3, totalMs: 4 },
      limits: { timeoutMs: 10_000, bodyCap: 256 * 1024, headerCap: 64 * 1024, maxRedirects: 3 },
      error: null,
    },
    dataUri: null,
    text,
    bytes: text.length,
    cap: 256 * 1024,
    truncated: false,
    json,
    error: null,
    ...rest,
  };
}

/** A document from a base64 data: URI. */
export function dataFile(document: unknown): RegistrationFetch {
  const text = typeof document === 'string' ? document : JSON.stringify(document);
  const uri = `data:application/json;base64,${Buffer.from(text).toString('base64')}`;
  return { ...fetched(document), uri, scheme: 'data', fetchedUrl: null, exchange: null, dataUri: { mediaType: 'application/json', base64: true } };
}

/** A well-known registration file served at the probed origin. */
export function wellKnown(document: unknown, overrides: Parameters<typeof fetched>[1] = {}): RegistrationFetch {
  return fetched(document, { url: 'https://api.example.com/.well-known/agent-registration.json', ...overrides });
}

export { PAY_TO, URL };
