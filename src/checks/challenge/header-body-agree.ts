import type { Artifacts, RequirementView } from '../../artifacts/index.js';
import { sameAccount } from '../../protocol/addresses.js';
import { requirementViews } from '../../protocol/decodeChallenge.js';
import { isKnownV1Name, isLegacyV1Name, resolveNetwork, sameNetwork } from '../../protocol/networks.js';
import { isAtomicString } from '../../protocol/units.js';
import { fail, pass, show, skip, warn } from '../outcome.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'challenge.header-body-agree',
  title: 'When both the header and the body carry a challenge, they ask for the same payment',
  severity: 'error',
  specRef: 'https://github.com/coinbase/payments-mcp/issues/22',
  fix: 'Build the body from the same terms as the PAYMENT-REQUIRED header, as a complete v1 challenge (x402Version 1, v1 network names, maxAmountRequired) if legacy buyers are to read it, or send {} as the body.',
  requires: ['challenge'],
  messages: {
    agree: 'The header and the body agree on version and all {count} requirement(s).',
    dualVersion: 'The header (v2) and the body (v1) offer the same {count} requirement(s): v2 and legacy v1 buyers pay alike.',
    legacyBodyUnpayable: 'The body is a v1 challenge beside the v2 header, but legacy v1 buyers, who read only the body, cannot pay it: {defect}; v2 buyers pay through the header.',
    unversionedMirror: 'The body mirrors the header\'s {count} requirement(s) without x402Version: v2 buyers read only the header (the v2 HTTP transport leaves the body to the server), but a client reading the body cannot tell which protocol it speaks.',
    unversionedDiffers: 'The body has no x402Version and differs from the header ({difference}): no x402 buyer reads such a body, but a client that does sees other terms than v2 buyers pay.',
    headerOnly: 'Only the header carries a challenge; the body carries none (as the reference v2 server sends it).',
    noHeader: 'No PAYMENT-REQUIRED header, so there is nothing to compare.',
    headerNotDecoded: 'The PAYMENT-REQUIRED header does not decode (challenge.decode reports why), so there is nothing to compare.',
    bodyNotDecoded: 'The body claims to be JSON but does not parse, so there is nothing to compare.',
    versionDiffers: 'The header says x402Version {header} but the body says {body}: body-reading and header-reading buyers speak different protocols.',
    requirementDiffers: 'Requirement #{index} differs in {field} between the header and the body: a body-reading buyer and a header-reading buyer would pay differently.',
    countDiffers: 'The header offers {header} requirement(s) but the body {body}: buyers see different offers depending on what they read.',
  },
} as const satisfies CheckMeta;

function sameValue(field: 'scheme' | 'network' | 'amount' | 'asset' | 'payTo', a: unknown, b: unknown): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') return a === b;
  if (field === 'network') return sameNetwork(a, b);
  if (field === 'amount' && isAtomicString(a) && isAtomicString(b)) return BigInt(a) === BigInt(b);
  if (field === 'asset' || field === 'payTo') return sameAccount(a, b);
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

type Disagreement = { messageId: 'requirementDiffers'; index: number; field: string; evidence: string } | { messageId: 'countDiffers'; header: number; body: number; evidence: string };

/** Every requirement that differs (its first differing field), then a difference in count. */
function disagreements(h: RequirementView[], b: RequirementView[]): Disagreement[] {
  const found: Disagreement[] = [];
  for (let i = 0; i < Math.min(h.length, b.length); i++) {
    const diff = firstDifference(h[i], b[i]);
    if (diff) found.push({ messageId: 'requirementDiffers', index: i, field: diff.field, evidence: `accepts[${i}].${diff.field}: header ${show(diff.header)}, body ${show(diff.body)}` });
  }
  if (h.length !== b.length) found.push({ messageId: 'countDiffers', header: h.length, body: b.length, evidence: `header accepts: ${h.length}, body accepts: ${b.length}` });
  return found;
}

/**
 * Why a legacy v1 buyer cannot pay the v1 body, or null. Legacy clients read only the body and
 * zod-parse every entry, so one entry named the v2 way breaks the whole challenge (x402#2729).
 */
function legacyDefect(body: Artifacts['challenge']['body'], views: RequirementView[]): string | null {
  for (const r of views) {
    if (typeof r.network === 'string' && !isLegacyV1Name(r.network) && !isKnownV1Name(r.network)) {
      const v1Name = resolveNetwork(r.network)?.v1Name;
      return `accepts[${r.index}].network = ${show(r.network)} is not a v1 network name${v1Name ? ` (v1 says "${v1Name}")` : ''}`;
    }
    if (r.amountField !== 'maxAmountRequired') return `accepts[${r.index}] has no maxAmountRequired${r.amountField ? ` (it has ${r.amountField})` : ''}`;
  }
  if (body.schema?.ok !== true) return `it is not a v1 PaymentRequired (${(body.schema?.issues ?? []).slice(0, 3).join('; ') || body.schema?.error || 'schema'})`;
  return null;
}

export function check({ challenge }: Pick<Artifacts, 'challenge'>): CheckOutcome | CheckOutcome[] {
  const { header, body } = challenge;
  if (!header.present) return skip(meta, 'noHeader');
  if (header.json?.ok !== true) return skip(meta, 'headerNotDecoded');
  if (!body.present) return pass(meta, 'headerOnly');
  if (body.json?.ok !== true) return skip(meta, 'bodyNotDecoded', {}, body.json?.error);
  const hv = header.x402Version;
  const bv = body.x402Version;
  const h = requirementViews(header.value);
  const b = requirementViews(body.value);
  // The reference client reads a body only when it says x402Version 1, and the v2 HTTP transport
  // leaves the body to the server: an unversioned mirror misleads no buyer, so it is a warning.
  if (bv === undefined) {
    const [diff] = disagreements(h, b);
    if (diff) return warn(meta, 'unversionedDiffers', { difference: diff.evidence }, diff.evidence);
    return warn(meta, 'unversionedMirror', { count: h.length }, 'body has accepts but no x402Version');
  }
  // A v2 header beside a v1 body is how a seller serves both generations of buyers at once.
  const dual = hv === 2 && bv === 1;
  if (hv !== bv && !dual) {
    return fail(meta, 'versionDiffers', { header: show(hv), body: show(bv) }, `header x402Version ${show(hv)}, body x402Version ${show(bv)}`);
  }
  const diffs = disagreements(h, b);
  if (diffs.length > 0) {
    return diffs.map((d) =>
      d.messageId === 'requirementDiffers' ? fail(meta, d.messageId, { index: d.index, field: d.field }, d.evidence) : fail(meta, d.messageId, { header: d.header, body: d.body }, d.evidence),
    );
  }
  if (dual) {
    const defect = legacyDefect(body, b);
    if (defect) return warn(meta, 'legacyBodyUnpayable', { defect }, defect);
  }
  return pass(meta, dual ? 'dualVersion' : 'agree', { count: h.length });
}
