/** The endpoints of a registration file worth probing as x402 services. Pure. */
import { hasAgentIdTemplate, normalizeEndpoint } from './endpoints.js';
import type { ServiceView } from './validateRegistrationFile.js';

const NOT_HTTP_SERVICES = new Set(['oasf', 'ens', 'did', 'email', 'agentwallet', 'a2a']);
const INFERENCE_PATH = /chat\/completions|\/v1\/completions|\/api\/generate|\/api\/chat|\/inference\b|\/v1\/messages/i;

export interface X402Endpoint {
  url: string;
  /** The service's declared method, else POST for a chat/completions path, else GET. */
  method: 'GET' | 'POST';
  service: string | null;
}

export interface X402EndpointsReturnType {
  endpoints: X402Endpoint[];
  skipped: { endpoint: string; reason: string }[];
}

/** http(s) services of the file (not OASF, ENS, DID, email, A2A), each once, without `{agentId}` templates. */
export function x402Endpoints(services: readonly ServiceView[]): X402EndpointsReturnType {
  const endpoints: X402Endpoint[] = [];
  const skipped: { endpoint: string; reason: string }[] = [];
  const seen = new Set<string>();
  for (const view of services) {
    if (typeof view.endpoint !== 'string' || NOT_HTTP_SERVICES.has(String(view.name).toLowerCase())) continue;
    const endpoint = view.endpoint.slice(0, 2048);
    const normal = normalizeEndpoint(endpoint);
    if (!normal) continue;
    if (hasAgentIdTemplate(endpoint)) {
      skipped.push({ endpoint, reason: 'endpoint has an {agentId} template' });
      continue;
    }
    if (seen.has(normal)) continue;
    seen.add(normal);
    const declared = typeof view.raw.method === 'string' ? view.raw.method.toUpperCase() : null;
    const method = declared === 'POST' || declared === 'GET' ? declared : INFERENCE_PATH.test(endpoint) ? 'POST' : 'GET';
    endpoints.push({ url: endpoint, method, service: typeof view.name === 'string' ? view.name : null });
  }
  return { endpoints, skipped };
}
