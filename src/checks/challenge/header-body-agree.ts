import type { Artifacts, RequirementView } from '../../gather/artifacts.js';
import { requirementViews } from '../../protocol/decodeChallenge.js';
import { sameNetwork } from '../../protocol/networks.js';
import { isAtomicString } from '../../protocol/units.js';
import { fail, pass, show, skip } from '../outcome.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'challenge.header-body-agree',
  title: 'When both the header and the body carry a challenge, they ask for the same payment',
  severity: 'error',
  specRef: 'https://github.com/coinbase/payments-mcp/issues/22',
  fix: 'Build the body from the same PaymentRequired object as the PAYMENT-REQUIRED header (or send {} as the body), so that every buyer sees the same terms.',
  requires: ['challenge'],
  messages: {
    agree: 'The header and the body agree on version and all {count} requirement(s).',
    dualVersion: 'The header (v2) and the body (v1) offer the same {count} requirement(s): v2 and legacy v1 buyers pay alike.',
    headerOnly: 'Only the header carries a challenge; the body carries none (as the reference v2 server sends it).',
    noHeader: 'No PAYMENT-REQUIRED header, so there is nothing to compare.',
    headerNotDecoded: 'The PAYMENT-REQUIRED header does not decode (challenge.decode reports why), so there is nothing to compare.',
    bodyNotDecoded: 'The body claims to be JSON but does not parse, so there is nothing to compare.',
    versionDiffers: 'The header says x402Version {header} but the body says {body}: body-reading and header-reading buyers speak different protocols.',
    requirementDiffers: 'Requirement #{index} differs in {field} between the header and the body: a body-reading buyer and a header-reading buyer would pay differently.',
    countDiffers: 'The header offers {header} requirement(s) but the body {body}: buyers see different offers depending on what they read.',
  },
} as const satisfies CheckMeta;

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

function sameValue(field: 'scheme' | 'network' | 'amount' | 'asset' | 'payTo', a: unknown, b: unknown): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') return a === b;
  if (field === 'network') return sameNetwork(a, b);
  if (field === 'amount' && isAtomicString(a) && isAtomicString(b)) return BigInt(a) === BigInt(b);
  // EVM addresses compare without case (checksums are only a spelling); others, like Solana's base58, are case-sensitive.
  if ((field === 'asset' || field === 'payTo') && ADDRESS.test(a) && ADDRESS.test(b)) return a.toLowerCase() === b.toLowerCase();
  return a === b;
}

const FIELDS = ['scheme', 'network', 'amount', 'asset', 'payTo'] as const;

function firstDifference(h: RequirementView, b: RequirementView): { field: string; header: unknown; body: unknown } | null {
  for (const field of FIELDS) {
    if (!sameValue(field, h[field], b[field])) {
      const name = field === 'amount' ? `${h.amountField ?? 'amount'}/${b.amountField ?? 'amount'}` : field;
      return { field: name, header: h[field], body: b[field] };
    }
  }
  return null;
}

export function check({ challenge }: Pick<Artifacts, 'challenge'>): CheckOutcome {
  const { header, body } = challenge;
  if (!header.present) return skip(meta, 'noHeader');
  if (header.json?.ok !== true) return skip(meta, 'headerNotDecoded');
  if (!body.present) return pass(meta, 'headerOnly');
  if (body.json?.ok !== true) return skip(meta, 'bodyNotDecoded', {}, body.json?.error);
  const hv = header.x402Version;
  const bv = body.x402Version;
  // A v2 header beside a v1 body is how a seller serves both generations of buyers at once.
  const dual = hv === 2 && bv === 1;
  if (hv !== bv && !dual) {
    return fail(meta, 'versionDiffers', { header: show(hv), body: show(bv) }, `header x402Version ${show(hv)}, body x402Version ${show(bv)}`);
  }
  const h = requirementViews(header.value);
  const b = requirementViews(body.value);
  for (let i = 0; i < Math.min(h.length, b.length); i++) {
    const diff = firstDifference(h[i], b[i]);
    if (diff) {
      return fail(meta, 'requirementDiffers', { index: i, field: diff.field }, `accepts[${i}].${diff.field}: header ${show(diff.header)}, body ${show(diff.body)}`);
    }
  }
  if (h.length !== b.length) return fail(meta, 'countDiffers', { header: h.length, body: b.length }, `header accepts: ${h.length}, body accepts: ${b.length}`);
  return pass(meta, dual ? 'dualVersion' : 'agree', { count: h.length });
}
