import type { Artifacts } from '../../artifacts/index.js';
import { endpointHostname, isLoopbackHost } from '../../registry/endpoints.js';
import { fail, pass, warn } from '../outcome.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'registry.uri-resolves',
  title: 'The agentURI resolves to a registration file',
  severity: 'error',
  specRef: 'https://eips.ethereum.org/EIPS/eip-8004#agent-uri-and-agent-registration-file',
  fix: 'Point the agentURI (setAgentURI) at a registration file served with status 200 over https, ipfs:// or a base64 data: URI, under 256 KiB.',
  requires: ['registryAgent', 'registryFile'],
  messages: {
    resolved: 'The agentURI ({scheme}) resolved to a {bytes}-byte document.',
    empty: 'The agentURI is empty: registered with register() and never set, so no buyer can find the file.',
    unsupportedScheme: 'The agentURI uses a scheme buyers do not fetch: {error}.',
    badDataUri: 'The data: agentURI cannot be decoded: {error}.',
    badUrl: 'The agentURI cannot be turned into a URL: {error}.',
    unreachable: 'The registration file at {url} could not be fetched: {error}.',
    deadline: 'The run deadline cut the fetch of the registration file at {url}: whether it resolves is unknown.',
    forbidden: 'The registration file at {url} was not requested: {error}.',
    status: 'The registration file at {url} answered HTTP {status}.',
    tooLarge: 'The registration file is larger than {cap} bytes; buyers stop reading there.',
    plainHttp: 'The agentURI is plain http on a public host: anyone on the path can rewrite the file.',
  },
} as const satisfies CheckMeta;

export function check({ registryFile: f }: Pick<Artifacts, 'registryAgent' | 'registryFile'>): CheckOutcome {
  const url = f.fetchedUrl ?? f.uri;
  if (f.error) {
    const data = { error: f.error.message, url };
    switch (f.error.code) {
      case 'empty-uri':
        return fail(meta, 'empty', data, 'tokenURI = ""');
      case 'unsupported-scheme':
        return fail(meta, 'unsupportedScheme', data, f.uri.slice(0, 120));
      case 'bad-data-uri':
        return fail(meta, 'badDataUri', data, f.uri.slice(0, 120));
      case 'bad-url':
        return fail(meta, 'badUrl', data, f.uri.slice(0, 120));
      case 'forbidden-address':
        return fail(meta, 'forbidden', data, f.error.message);
      default:
        if (f.exchange?.error?.code === 'deadline') return fail(meta, 'deadline', data, f.error.message);
        return fail(meta, 'unreachable', data, f.error.message);
    }
  }
  const status = f.exchange?.status ?? null;
  if (f.exchange && (status === null || status < 200 || status > 299)) return fail(meta, 'status', { url, status }, `HTTP ${status} from ${f.exchange.finalUrl}`);
  if (f.truncated) return fail(meta, 'tooLarge', { cap: f.cap }, `more than ${f.cap} bytes`);
  if (f.scheme === 'http' && !isLoopbackHost(endpointHostname(f.uri) ?? '')) return warn(meta, 'plainHttp', {}, f.uri);
  return pass(meta, 'resolved', { scheme: f.scheme, bytes: f.bytes });
}
