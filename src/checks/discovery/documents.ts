import { readDiscovery } from '../../protocol/discovery.js';
import { fail, pass, skip } from '../outcome.js';
import type { CheckInput, CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'discovery.documents',
  title: 'The discovery documents the origin serves are readable',
  severity: 'warning',
  specRef: 'https://github.com/Merit-Systems/x402scan/blob/main/docs/DISCOVERY.md',
  fix: 'Serve /.well-known/x402 (a "resources" list) or an OpenAPI document with x-payment-info as complete JSON under 512 KiB, on the origin itself.',
  requires: ['discovery'],
  messages: {
    found: '{documents} describe {count} resource(s).',
    none: 'Note: the origin serves no discovery document (/openapi.json, /.well-known/openapi.json, /.well-known/x402); indexers such as x402scan and Bazaar can list it only URL by URL.',
    unreadable: '{url}: {problem}.',
    refused: '{url} could not be fetched: {error}.',
  },
} as const satisfies CheckMeta;

/** A fetch that got no document for a reason a seller controls: a redirect refused by the policy, a loop. */
const SELLER_ERRORS = /^(forbidden-address|redirect-loop|too-many-redirects|bad-redirect)/;

export function check({ discovery }: CheckInput<typeof meta>): CheckOutcome[] {
  const read = readDiscovery(discovery.documents, discovery.origin);
  const findings: CheckOutcome[] = [];
  for (const doc of discovery.documents) {
    if (doc.error && SELLER_ERRORS.test(doc.error)) findings.push(fail(meta, 'refused', { url: doc.url, error: doc.error }, doc.exchanges.flatMap((e) => e.redirects.map((r) => `${r.status} ${r.from} -> ${r.to}`)).join('; ')));
  }
  for (const p of read.problems) findings.push(fail(meta, 'unreadable', { url: p.documentUrl, problem: p.problem }));
  if (findings.length > 0) return findings;
  if (read.found.length === 0) return [skip(meta, 'none')];
  return [pass(meta, 'found', { documents: read.found.map((d) => d.url).join(', '), count: read.entries.length })];
}
