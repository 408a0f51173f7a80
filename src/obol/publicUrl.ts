/**
 * The URL a buyer reaches an offer at. `status.endpoint` holds only a path (reference §1.2,
 * §7.7), so it is prefixed: `--base-url` when given, else the tunnel URL the cluster records
 * (ConfigMap obol-frontend/obol-stack-config, key tunnelURL), else obol's local gateway.
 */

/** Traefik's host:port on the seller's machine (`obol sell test --host` default). */
const LOCAL_GATEWAY = 'http://obol.stack:8080';
/** `obol sell test --path` default: a subpath under the offer's prefix, gated like the rest. */
const DEFAULT_SUBPATH = '/health';

export type PublicUrlSource = 'base-url' | 'tunnel' | 'local-gateway';

export interface BuildPublicUrlParameters {
  /** `status.endpoint` as read (any JSON). */
  endpoint: unknown;
  /** Subpath appended to the endpoint (default `/health`; `''` for the endpoint itself). */
  path?: string;
  /** --base-url. */
  baseUrl?: string;
  /** The cluster's recorded tunnel URL. */
  tunnelUrl?: string | null;
}

export type BuildPublicUrlReturnType = { url: string; source: PublicUrlSource; error: null } | { url: null; source: null; error: string };

/** Safe as a path: starts with one '/', no '..' segment, no scheme tricks or whitespace (obol's own test checks the first two). */
export function isSafePath(path: string): boolean {
  return path.startsWith('/') && !path.startsWith('//') && !path.split('/').includes('..') && !/[\s\\?#]/.test(path);
}

function httpBase(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString().replace(/\/+$/, '') : null;
  } catch {
    return null;
  }
}

export function buildPublicUrl(params: BuildPublicUrlParameters): BuildPublicUrlReturnType {
  const { endpoint } = params;
  if (endpoint === undefined || endpoint === null || endpoint === '') {
    return { url: null, source: null, error: 'status.endpoint is not set: the route is not published yet (RoutePublished)' };
  }
  if (typeof endpoint !== 'string') return { url: null, source: null, error: `status.endpoint is not a string: ${JSON.stringify(endpoint)}` };
  if (/^https?:\/\//i.test(endpoint)) {
    // Older docs call it a URL; if a controller ever writes one, use it as is.
    const base = httpBase(endpoint);
    return base ? { url: `${base}${subpath(params.path)}`, source: 'base-url', error: null } : { url: null, source: null, error: `status.endpoint ${JSON.stringify(endpoint)} is not a usable URL` };
  }
  if (!isSafePath(endpoint)) return { url: null, source: null, error: `status.endpoint ${JSON.stringify(endpoint)} is not a safe path (must start with / and hold no '..')` };
  const candidates: Array<[string | null | undefined, PublicUrlSource]> = [
    [params.baseUrl, 'base-url'],
    [params.tunnelUrl, 'tunnel'],
    [LOCAL_GATEWAY, 'local-gateway'],
  ];
  for (const [value, source] of candidates) {
    if (!value) continue;
    const base = httpBase(value);
    if (!base) {
      if (source === 'base-url') return { url: null, source: null, error: `--base-url ${JSON.stringify(value)} is not an http(s) URL` };
      continue;
    }
    return { url: `${base}${endpoint.replace(/\/+$/, '')}${subpath(params.path)}`, source, error: null };
  }
  return { url: null, source: null, error: 'no base URL' };
}

function subpath(path: string | undefined): string {
  const p = path ?? DEFAULT_SUBPATH;
  if (p === '' || p === '/') return p;
  return p.startsWith('/') ? p : `/${p}`;
}
