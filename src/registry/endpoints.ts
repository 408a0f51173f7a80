/** Comparing a probed URL with the endpoints a registration file lists. Pure. */

const TEMPLATE = /\{\s*agent_?id\s*\}|%7B\s*agent_?id\s*%7D/i;

/** True when the text still holds an `{agentId}` placeholder nobody substituted. */
export function hasAgentIdTemplate(text: string): boolean {
  return TEMPLATE.test(text);
}

/**
 * A URL in the form two listings of the same endpoint share: scheme and host lowercased, the
 * default port dropped, no fragment, trailing slashes of the path removed. Null when not an
 * http(s) URL.
 */
export function normalizeEndpoint(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.protocol}//${url.host.toLowerCase()}${path}${url.search}`;
}

/** The host (name and port) of an http(s) URL, lowercased; null when not one. */
export function endpointHost(text: string): string | null {
  try {
    const url = new URL(text.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.host.toLowerCase() : null;
  } catch {
    return null;
  }
}

/** The host name only (no port), lowercased. */
export function endpointHostname(text: string): string | null {
  try {
    const url = new URL(text.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.hostname.toLowerCase() : null;
  } catch {
    return null;
  }
}

/** True when `listed` is an origin or path prefix of `probed` (a service listed by its base URL). */
function isPrefixEndpoint(listed: string, probed: string): boolean {
  const a = normalizeEndpoint(listed);
  const b = normalizeEndpoint(probed);
  if (!a || !b || a === b) return false;
  const base = a.includes('?') ? null : a;
  return base !== null && b.startsWith(`${base}/`);
}

/** True for loopback hosts (localhost, 127/8, ::1): exempt from the https expectation. Pure (no node:net). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) || host === '::1';
}

/** How a services[] entry lists the probed URL. */
export interface ServiceMatch<S> {
  /** exact: the same URL; base: a path the URL sits under; origin: only the same scheme and host. */
  kind: 'exact' | 'base' | 'origin';
  service: S;
}

/** The service entry that best lists `url` (exact, then a base path, then the bare origin), or null. */
export function matchService<S extends { endpoint: unknown }>(services: readonly S[], url: string): ServiceMatch<S> | null {
  const probed = normalizeEndpoint(url);
  if (!probed) return null;
  const withUrl = services.filter((s): s is S & { endpoint: string } => typeof s.endpoint === 'string');
  const exact = withUrl.find((s) => normalizeEndpoint(s.endpoint) === probed);
  if (exact) return { kind: 'exact', service: exact };
  const under = withUrl.filter((s) => isPrefixEndpoint(s.endpoint, url));
  const base = under.find((s) => new URL(s.endpoint.trim()).pathname.replace(/\/+$/, '') !== '');
  if (base) return { kind: 'base', service: base };
  if (under[0]) return { kind: 'origin', service: under[0] };
  return null;
}
