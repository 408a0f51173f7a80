import type { Artifacts, RequirementView } from '../../artifacts/index.js';
import { caip2Knowledge, isCaip2, isKnownV1Name, isLegacyV1Name, resolveNetwork } from '../../protocol/networks.js';
import { eachRequirement } from '../eachRequirement.js';
import { fail, pass, show, warn } from '../outcome.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'req.network',
  title: 'Every network is named the way buyers of that protocol version expect (CAIP-2 in v2, a legacy name in v1)',
  severity: 'error',
  specRef: 'https://github.com/x402-foundation/x402/issues/2729',
  fix: 'Name networks by CAIP-2 id in v2 ("eip155:84532") and by a v1 name the legacy x402 clients accept in v1 ("base-sepolia").',
  requires: ['challenge'],
  messages: {
    ok: 'All {count} networks are well named for x402 v{version}.',
    none: 'The challenge has no requirements to check.',
    missing: 'Requirement #{index} has no network.',
    notString: 'Requirement #{index}: network is a JSON {type}, not a string.',
    legacyTwin: 'Requirement #{index}: v1 name {value} in a v2 challenge beside its CAIP-2 twin (#{twin}), a copy obol-stack adds for buyers that still use v1 names. The official @x402 client still parses the challenge and signs for the CAIP-2 entry; only a strict @x402/core v2 schema check (CAIP-2 only) refuses the copy.',
    v1NameInV2: 'Requirement #{index}: v1 name {value} in a v2 challenge; v2 requires a CAIP-2 id ({caip2}), and no entry offers it.',
    notCaip2: 'Requirement #{index}: network {value} is not a CAIP-2 id (namespace:reference), which v2 requires.',
    unknownNamespace: 'Requirement #{index}: network {value} is in a CAIP-2 namespace no x402 buyer supports.',
    unknownChain: 'Requirement #{index}: network {value} is a chain buyers do not know; most will not pay on it.',
    evmOnlyV1Name: 'Requirement #{index}: v1 name {value} is known to @x402/evm but not to the legacy x402 1.x clients, which throw on the whole challenge (x402#2729).',
    caip2InV1: 'Requirement #{index}: CAIP-2 id {value} in a v1 challenge; legacy clients accept only v1 names ({v1Name}) and throw on the whole challenge (x402#2729).',
    alias: 'Requirement #{index}: {value} is an alias buyers do not know; the v1 name is "{v1Name}".',
    unknownV1: 'Requirement #{index}: network {value} is not a v1 network name buyers know; legacy clients throw on the whole challenge (x402#2729).',
  },
} as const satisfies CheckMeta;

function judgeV2(r: RequirementView, network: string, all: readonly RequirementView[]): CheckOutcome | null {
  const data = { index: r.index, value: show(network) };
  const evidence = `accepts[${r.index}].network = ${show(network)}`;
  if (!isCaip2(network)) {
    const info = resolveNetwork(network);
    if (!info || network.includes(':')) return fail(meta, 'notCaip2', data, evidence);
    // obol-stack repeats each entry under its v1 name for legacy buyers; harmless when the CAIP-2
    // entry is there (the official client picks that one), so it is a note, not a warning.
    const twin = all.find((o) => o !== r && typeof o.network === 'string' && o.network === info.caip2);
    if (twin) return pass(meta, 'legacyTwin', { ...data, twin: twin.index }, `${evidence}; accepts[${twin.index}].network = ${show(twin.network)}`);
    return fail(meta, 'v1NameInV2', { ...data, caip2: info.caip2 }, evidence);
  }
  const knowledge = caip2Knowledge(network);
  if (knowledge === 'unknown-namespace') return warn(meta, 'unknownNamespace', data, evidence);
  if (knowledge === 'unknown-chain') return warn(meta, 'unknownChain', data, evidence);
  return null;
}

function judgeV1(r: RequirementView, network: string): CheckOutcome | null {
  const data = { index: r.index, value: show(network) };
  const evidence = `accepts[${r.index}].network = ${show(network)}`;
  if (isLegacyV1Name(network)) return null;
  if (isKnownV1Name(network)) return warn(meta, 'evmOnlyV1Name', data, evidence);
  const info = resolveNetwork(network);
  if (isCaip2(network)) return fail(meta, 'caip2InV1', { ...data, v1Name: info?.v1Name ? `"${info.v1Name}"` : 'none for this chain' }, evidence);
  if (info?.v1Name && info.v1Name !== network) return fail(meta, 'alias', { ...data, v1Name: info.v1Name }, evidence);
  return fail(meta, 'unknownV1', data, evidence);
}

function judge(r: RequirementView, all: readonly RequirementView[]): CheckOutcome | null {
  const data = { index: r.index, value: show(r.network) };
  const evidence = `accepts[${r.index}].network = ${show(r.network)}`;
  if (r.network === undefined || r.network === null || r.network === '') return fail(meta, 'missing', data, evidence);
  if (typeof r.network !== 'string') return fail(meta, 'notString', { ...data, type: typeof r.network }, evidence);
  return r.x402Version === 2 ? judgeV2(r, r.network, all) : judgeV1(r, r.network);
}

export function check({ challenge }: Pick<Artifacts, 'challenge'>): CheckOutcome[] {
  return eachRequirement(meta, challenge, {
    each: judge,
    clean: (judged, notes) => notes[0] ?? pass(meta, 'ok', { count: judged.length, version: judged[0].x402Version }),
  });
}
