import type { GarbageArtifact, GarbageAttempt, GarbageEncoding } from '../artifacts/index.js';
import { defineGatherer } from './defineGatherer.js';
import { sendPayment } from './sendPayment.js';

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

/** An authorization of the other version's shape, signed by nobody: well formed, worthless. */
const ZERO_AUTHORIZATION = {
  from: `0x${'0'.repeat(40)}`, to: `0x${'0'.repeat(40)}`, value: '0', validAfter: '0', validBefore: '0', nonce: `0x${'0'.repeat(64)}`,
};

/**
 * The header values, after the challenge's version. `bad-base64` starts as base64 JSON and breaks
 * the alphabet (Node's Buffer skips the bad characters, atob throws); `oversized` is just over the
 * 16 KiB Node allows a whole request head, so a stock server's 431 counts as a refusal.
 */
export function garbageValues(version: 1 | 2): Readonly<Record<GarbageEncoding, string>> {
  // The same bytes every time: built once per version (a scan sends them to every target).
  return (garbageByVersion[version] ??= Object.freeze(buildGarbageValues(version)));
}

const garbageByVersion: Partial<Record<1 | 2, Readonly<Record<GarbageEncoding, string>>>> = {};

function buildGarbageValues(version: 1 | 2): Record<GarbageEncoding, string> {
  const other = version === 2 ? 1 : 2;
  const mismatched =
    other === 1
      ? { x402Version: 1, scheme: 'exact', network: 'base-sepolia', payload: { signature: `0x${'0'.repeat(130)}`, authorization: ZERO_AUTHORIZATION } }
      : { x402Version: 2, accepted: { scheme: 'exact', network: 'eip155:84532' }, payload: { signature: `0x${'0'.repeat(130)}`, authorization: ZERO_AUTHORIZATION } };
  return {
    'bad-base64': `${b64(`{"x402Version":${version},`).slice(0, 12)}$%*!${b64('"payload":{}}')}`,
    'not-json': b64('x402-probe: base64 of text that is not JSON'),
    'wrong-shape': b64(JSON.stringify({ x402Version: version, scheme: 42, payload: 'not an object', accepted: [] })),
    oversized: b64(JSON.stringify({ x402Version: version, payload: { padding: 'A'.repeat(12 * 1024) } })),
    'version-mismatch': b64(JSON.stringify(mismatched)),
  };
}

/** Sent two at a time, so a probe keeps at most two requests in flight. */
const AT_ONCE = 2;

/**
 * Payment headers that are not payments, of several encodings. It reads `malformed` so it runs
 * after it (its own stage: two in flight, not four), and is skipped when that got no answer: a seller
 * that hangs on a bad header would make every encoding wait a timeout. After an encoding goes
 * unanswered, the rest are not sent, for the same reason.
 */
export const garbageGatherer = defineGatherer({
  meta: { artifact: 'garbage', dependencies: ['challenge'], optionalDependencies: ['malformed'] },
  notRequested: (options) => (options.attacks === false ? 'attacks disabled (--no-attacks)' : null),
  skipReason: ({ artifacts }) => {
    if (artifacts.challenge.x402Version === null) return 'no decodable payment challenge';
    if (artifacts.malformed?.exchange && artifacts.malformed.exchange.status === null) return 'the seller did not answer the malformed payment (pay.malformed-rejected), so other encodings would only wait as long';
    return null;
  },
  exchanges: (garbage) => garbage.attempts.map((a) => [`garbage.${a.encoding}`, a.exchange]),
  async gather(ctx) {
    const version = ctx.artifacts.challenge.x402Version === 1 ? 1 : 2;
    const headerName = version === 2 ? 'PAYMENT-SIGNATURE' : 'X-PAYMENT';
    const values = garbageValues(version);
    const attempts: GarbageAttempt[] = (Object.keys(values) as GarbageEncoding[]).map((encoding) => ({ encoding, bytes: values[encoding].length, exchange: null }));
    let unanswered: GarbageEncoding | null = null;
    for (let at = 0; at < attempts.length; at += AT_ONCE) {
      const batch = attempts.slice(at, at + AT_ONCE);
      if (unanswered !== null) {
        for (const a of batch) a.notSent = `the seller did not answer the ${unanswered} encoding`;
        continue;
      }
      await Promise.all(batch.map(async (a) => (a.exchange = await sendPayment(ctx, headerName, values[a.encoding]))));
      unanswered = batch.find((a) => a.exchange?.status === null)?.encoding ?? null;
    }
    const artifact: GarbageArtifact = { headerName, attempts };
    return artifact;
  },
});
