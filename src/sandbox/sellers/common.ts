import type { IncomingMessage, ServerResponse } from 'node:http';
import { REGISTRATION_TYPE, WELL_KNOWN_REGISTRATION_PATH } from '../../registry/abi.js';
import { AGENT_REGISTRY_REF } from '../registry.js';
import type { SandboxSeller, SandboxSellerName } from '../types.js';

/** What a seller module hands back before its agent is registered. */
export interface StartedSeller {
  seller: Omit<SandboxSeller, 'agentId' | 'agentURI'>;
  /** Human description for the registration file. */
  description: string;
  /** Serve this registration document at /.well-known/agent-registration.json from now on. */
  setRegistration(document: RegistrationFile): void;
  close(): Promise<void>;
}

export interface StartSellerParameters {
  facilitatorUrl: string;
  /** Base URL of the fake Ollama, no trailing slash. */
  upstreamUrl: string;
  payTo: `0x${string}`;
}

export interface RegistrationFile {
  type: string;
  name: string;
  description: string;
  services: { name: string; endpoint: string; version?: string }[];
  x402Support: boolean;
  active: boolean;
  registrations: { agentId: number; agentRegistry: string }[];
  supportedTrust: string[];
}

export const REGISTRATION_PATH = WELL_KNOWN_REGISTRATION_PATH;
export const SANDBOX_PRICE = '0.001';
export const SANDBOX_AMOUNT = '1000';

/** Upstream bodies (chat requests and answers) stay small; cap what a seller buffers. */
export const MAX_FORWARD_BYTES = 1024 * 1024;

/** What every sandbox seller sells: one POST route at the sandbox price, paid to `payTo`. */
export function sellerInfo(name: SandboxSellerName, x402Version: 1 | 2, origin: string, path: string, network: string, payTo: `0x${string}`): StartedSeller['seller'] {
  return { name, x402Version, url: `${origin}${path}`, origin, method: 'POST', price: SANDBOX_PRICE, amount: SANDBOX_AMOUNT, payTo, network };
}

/** The full ERC-8004 registration file (EIP-8004 "registration-v1") for one sandbox seller. */
export function registrationFile(name: SandboxSellerName, description: string, sellerUrl: string, agentId: bigint): RegistrationFile {
  return {
    type: REGISTRATION_TYPE,
    name: `x402-probe sandbox ${name}`,
    description,
    services: [{ name: 'web', endpoint: sellerUrl }],
    x402Support: true,
    active: true,
    registrations: [{ agentId: Number(agentId), agentRegistry: AGENT_REGISTRY_REF }],
    supportedTrust: ['reputation'],
  };
}

export function dataUri(document: unknown): string {
  return `data:application/json;base64,${Buffer.from(JSON.stringify(document), 'utf8').toString('base64')}`;
}

const EXPOSED_HEADERS = 'PAYMENT-REQUIRED, PAYMENT-RESPONSE, X-PAYMENT-RESPONSE';

/**
 * What a model-citizen seller adds to every response: CORS for browser buyers (the payment headers
 * readable from scripts) and, on a 402, Cache-Control: no-store so no cache replays a challenge.
 * Returns true when it answered the request itself (a CORS preflight).
 */
export function applyCitizenHeaders(req: IncomingMessage, res: ServerResponse): boolean {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
  const writeHead = res.writeHead;
  // Patched on the instance: middlewares that buffer and replay writeHead still pass through here.
  res.writeHead = function patched(this: ServerResponse, statusCode: number, ...rest: unknown[]) {
    if (statusCode === 402 && !this.headersSent) this.setHeader('Cache-Control', 'no-store');
    return (writeHead as (...args: unknown[]) => ServerResponse).apply(this, [statusCode, ...rest]);
  } as typeof res.writeHead;
  if (req.method === 'OPTIONS') {
    res.writeHead(204, {
      'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
      'Access-Control-Allow-Headers': 'Content-Type, PAYMENT-SIGNATURE, X-PAYMENT, Authorization',
      'Access-Control-Max-Age': '600',
      'Content-Length': '0',
    });
    res.end();
    return true;
  }
  return false;
}

export interface UpstreamReply {
  status: number;
  contentType: string;
  body: Buffer;
}

/** Forward a paid request to the fake Ollama and buffer its answer. */
export async function forwardToUpstream(upstreamUrl: string, path: string, method: string, body: Buffer | null, contentType?: string): Promise<UpstreamReply> {
  try {
    const response = await fetch(`${upstreamUrl}${path}`, {
      method,
      headers: contentType ? { 'content-type': contentType } : {},
      body: method === 'GET' || method === 'HEAD' || !body ? undefined : new Uint8Array(body),
      signal: AbortSignal.timeout(30_000),
      redirect: 'manual',
    });
    const buffer = Buffer.from(await response.arrayBuffer());
    return { status: response.status, contentType: response.headers.get('content-type') ?? 'application/octet-stream', body: buffer.subarray(0, MAX_FORWARD_BYTES) };
  } catch (error) {
    return { status: 502, contentType: 'application/json', body: Buffer.from(JSON.stringify({ error: `upstream unreachable: ${String((error as Error)?.message ?? error)}` })) };
  }
}

/** A registration document holder: 404 until the agent id is known. */
export function registrationHolder(): { get(): RegistrationFile | null; set(document: RegistrationFile): void } {
  let current: RegistrationFile | null = null;
  return {
    get: () => current,
    set: (document) => {
      current = document;
    },
  };
}
