import type { Artifacts, RequirementView } from '../../artifacts/index.js';
import { eachRequirement, onceInV2 } from '../eachRequirement.js';
import { fail, pass, show, skip, warn } from '../outcome.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'req.resource-url',
  title: 'The challenge\'s resource URL is the URL the buyer requested',
  severity: 'error',
  specRef: 'https://github.com/x402-foundation/x402/issues/636',
  fix: 'Build the resource URL from the public request URL: behind a TLS proxy trust X-Forwarded-Proto / X-Forwarded-Host (Express: app.set("trust proxy", true)) and keep the query string.',
  requires: ['challenge', 'target'],
  messages: {
    ok: 'The resource URL matches the probed URL {url}.',
    none: 'The challenge has no requirements to check.',
    badTarget: 'The probed URL {url} could not be parsed; nothing to compare.',
    missing: '{where} is missing; buyers cannot tell what they pay for.',
    notUrl: '{where} {value} is not an absolute URL.',
    httpBehindTls: '{where} {value} is http although the probe used https; the server likely sits behind a TLS proxy it does not trust (x402#636).',
    otherHost: '{where} {value} names another host than the probed {url}; a payment would be bound to someone else\'s resource.',
    otherPath: '{where} {value} names another path than the probed {url}.',
    queryDropped: '{where} {value} drops the query string of {url} (the legacy x402-express uses req.path); buyers pay for a different resource than they asked for.',
    queryDiffers: '{where} {value} has another query string than {url}.',
    httpsWhileHttp: '{where} {value} is https although the probe used http; buyers may be sent to a different origin.',
  },
} as const satisfies CheckMeta;

type Relation = 'equal' | 'queryDropped' | 'queryDiffers' | 'httpsWhileHttp' | 'httpBehindTls' | 'otherPath' | 'otherHost';
/** Best first: a resource matching any probed URL (before or after redirects) is as good as that match. */
const RANK: readonly Relation[] = ['equal', 'queryDropped', 'queryDiffers', 'httpsWhileHttp', 'httpBehindTls', 'otherPath', 'otherHost'];
const WARNINGS = new Set<Relation>(['queryDropped', 'queryDiffers', 'httpsWhileHttp']);

function parse(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

const path = (u: URL): string => (u.pathname.length > 1 ? u.pathname.replace(/\/+$/, '') : u.pathname);
const query = (u: URL): string => [...u.searchParams].map(([k, v]) => `${k}=${v}`).sort().join('&');

function relation(resource: URL, probed: URL): Relation {
  if (resource.hostname !== probed.hostname || (resource.protocol === probed.protocol && resource.port !== probed.port)) return 'otherHost';
  if (resource.protocol !== probed.protocol) {
    if (resource.protocol === 'http:' && probed.protocol === 'https:') return 'httpBehindTls';
    if (resource.protocol !== 'https:' || probed.protocol !== 'http:') return 'otherHost';
  }
  if (path(resource) !== path(probed)) return 'otherPath';
  if (query(resource) !== query(probed)) return probed.search !== '' && resource.search === '' ? 'queryDropped' : 'queryDiffers';
  return resource.protocol === probed.protocol ? 'equal' : 'httpsWhileHttp';
}

function judge(r: RequirementView, where: string, field: string, probed: URL[]): CheckOutcome {
  const data = { where, value: show(r.resource), url: probed[0].href };
  const evidence = `${field} = ${show(r.resource)}; probed ${probed.map((u) => u.href).join(' → ')}`;
  if (r.resource === undefined || r.resource === null || r.resource === '') return fail(meta, 'missing', data, evidence);
  const resource = typeof r.resource === 'string' ? parse(r.resource) : null;
  if (!resource || !/^https?:$/.test(resource.protocol)) return fail(meta, 'notUrl', data, evidence);
  const best = probed.map((u) => relation(resource, u)).sort((a, b) => RANK.indexOf(a) - RANK.indexOf(b))[0];
  if (best === 'equal') return pass(meta, 'ok', data, evidence);
  return WARNINGS.has(best) ? warn(meta, best, data, evidence) : fail(meta, best, data, evidence);
}

export function check({ challenge, target, unpaid }: Pick<Artifacts, 'challenge' | 'target'> & Partial<Pick<Artifacts, 'unpaid'>>): CheckOutcome[] {
  const first = parse(target.url);
  if (!first && challenge.requirements.length > 0) return [skip(meta, 'badTarget', { url: target.url })];
  const probed = first ? [first] : [];
  const landed = unpaid && unpaid.redirects.length > 0 ? parse(unpaid.finalUrl) : null;
  if (landed) probed.push(landed);
  const count = challenge.requirements.length;
  return eachRequirement(meta, challenge, {
    only: onceInV2,
    each: (r) =>
      r.x402Version === 2
        ? judge(r, `resource.url (shared by all ${count} requirements)`, 'resource.url', probed)
        : judge(r, `Requirement #${r.index}: resource`, `accepts[${r.index}].resource`, probed),
    clean: (_judged, notes) => notes[0],
  });
}
