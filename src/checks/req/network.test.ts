import { describe, expect, it } from 'vitest';
import { challengeV1, challengeV2 } from '../../../test/helpers/artifacts.js';
import { check, meta } from './network.js';

const v2 = (...accepts: Record<string, unknown>[]) => check({ challenge: challengeV2(accepts) });
const v1 = (...accepts: Record<string, unknown>[]) => check({ challenge: challengeV1(accepts) });

describe(meta.id, () => {
  it('passes CAIP-2 ids in v2 and legacy names in v1', () => {
    expect(v2({}).status).toBe('pass');
    expect(v2({ network: 'solana:5eykt4UsFv8P8NJdTREpY1vzqKqZKvdp' }).status).toBe('pass');
    expect(v1({}).messageId).toBe('ok');
  });

  it('warns on a v1 name in v2 beside its CAIP-2 twin (obol-stack legacy copies)', () => {
    const out = v2({}, { network: 'base-sepolia' });
    expect(out.status).toBe('warn');
    expect(out.messageId).toBe('legacyTwin');
    expect(out.evidence).toContain('accepts[1].network = "base-sepolia"');
  });

  it('fails a v1 name in v2 without a twin, and a non-CAIP-2 id', () => {
    const out = v2({ network: 'base' });
    expect(out.status).toBe('fail');
    expect(out.messageId).toBe('v1NameInV2');
    expect(out.message).toContain('eip155:8453');
    expect(v2({ network: 'not a network' }).messageId).toBe('notCaip2');
  });

  it('warns on an unknown chain or namespace in v2', () => {
    expect(v2({ network: 'eip155:999999' }).messageId).toBe('unknownChain');
    expect(v2({ network: 'cosmos:cosmoshub-4' }).messageId).toBe('unknownNamespace');
    expect(v2({ network: 'eip155:999999' }).status).toBe('warn');
  });

  it('warns on a v1 name only @x402/evm knows (x402#2729)', () => {
    const out = v1({ network: 'megaeth' });
    expect(out.status).toBe('warn');
    expect(out.messageId).toBe('evmOnlyV1Name');
  });

  it('fails CAIP-2 ids, aliases and unknown names in v1', () => {
    const caip = v1({ network: 'eip155:84532' });
    expect(caip.status).toBe('fail');
    expect(caip.messageId).toBe('caip2InV1');
    expect(v1({ network: 'base-mainnet' }).messageId).toBe('alias');
    expect(v1({ network: 'arbitrum-one' }).messageId).toBe('unknownV1');
    expect(v1({ network: 'atlantis' }).messageId).toBe('unknownV1');
  });

  it('fails a missing or non-string network', () => {
    expect(v2({ network: undefined }).messageId).toBe('missing');
    const out = v2({}, { network: 84532 });
    expect(out.messageId).toBe('notString');
    expect(out.evidence).toBe('accepts[1].network = 84532');
  });

  it('skips when there are no requirements', () => {
    expect(check({ challenge: challengeV2([]) }).status).toBe('skip');
  });
});
