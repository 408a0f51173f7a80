import type { Artifacts } from '../../artifacts/index.js';
import { MAX_ACCEPTS } from '../../protocol/decodeChallenge.js';
import { firstSignable, unsignableReason } from '../../protocol/signable.js';
import { fail, pass, show, skip, warn } from '../outcome.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'challenge.accepts',
  title: 'The challenge offers at least one payment requirement a buyer can pay',
  severity: 'error',
  specRef: 'https://github.com/x402-foundation/x402/blob/main/specs/x402-specification-v2.md',
  fix: 'List at least one complete requirement in accepts (for EVM buyers: scheme "exact", a known network, an atomic amount, asset and payTo addresses, and extra.name/version).',
  requires: ['challenge'],
  messages: {
    ok: 'accepts lists {count} requirement(s); {signable} can be paid by an EVM buyer.',
    noChallenge: 'No decoded challenge to read accepts from (challenge.found and challenge.decode report why).',
    missing: 'The challenge has no accepts field: buyers have nothing to pay.',
    notArray: 'accepts is {type}, not an array: buyers have nothing to pay.',
    empty: 'accepts is an empty array: buyers have nothing to pay.',
    noneSignable: 'None of the {count} requirement(s) can be paid by an EVM buyer: {reasons}.',
    tooMany: 'accepts lists {count} requirements; clients that validate every entry stall on such a list, and the probe judged only the first {judged}.',
  },
} as const satisfies CheckMeta;

export function check({ challenge }: Pick<Artifacts, 'challenge'>): CheckOutcome | CheckOutcome[] {
  const pr = challenge.paymentRequired;
  if (pr === null || typeof pr !== 'object' || Array.isArray(pr)) return skip(meta, 'noChallenge');
  const accepts = (pr as Record<string, unknown>).accepts;
  if (accepts === undefined || accepts === null) return fail(meta, 'missing', {}, `keys: ${Object.keys(pr).join(', ') || '(none)'}`);
  if (!Array.isArray(accepts)) return fail(meta, 'notArray', { type: `a JSON ${typeof accepts}` }, `accepts = ${show(accepts)}`);
  if (accepts.length === 0) return fail(meta, 'empty', {}, 'accepts = []');
  const reqs = challenge.requirements;
  // The list as a whole is judged: one payable entry is enough, so no single entry is a defect.
  const findings: CheckOutcome[] = [];
  if (firstSignable(reqs) === null) {
    const reasons = reqs.map((r) => `#${r.index}: ${unsignableReason(r)}`).join('; ');
    findings.push(warn(meta, 'noneSignable', { count: reqs.length, reasons }, reasons));
  }
  if (accepts.length > MAX_ACCEPTS) findings.push(warn(meta, 'tooMany', { count: accepts.length, judged: MAX_ACCEPTS }));
  if (findings.length > 0) return findings;
  const signable = reqs.filter((r) => unsignableReason(r) === null).length;
  return pass(meta, 'ok', { count: reqs.length, signable });
}
