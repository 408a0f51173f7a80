import { describe, expect, it } from 'vitest';
import { challengeOf, challengeV1, challengeV2, exchange, v1PaymentRequired, v2PaymentRequired, v2Response } from '../../../test/helpers/artifacts.js';
import { check, meta } from './payable.js';

/** A real Solana devnet USDC requirement, as @x402/svm's server emits it. */
const SOLANA = {
  scheme: 'exact',
  network: 'solana:EtWTRABZaYq6iMfeYKouRu166VU2xqa1',
  asset: '4zMMC9srt5Ri5X14GAgXhaHii3GnPAEERYPJgZJDncDU',
  payTo: '9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin',
  extra: { feePayer: '2wKupLR9q6wXYppw8Gr2NvWxKBUqm4PPJKkQfoxHDBg4' },
};

const v2 = (...accepts: Record<string, unknown>[]) => check({ challenge: challengeV2(accepts) });

describe(meta.id, () => {
  it('passes a requirement the probe can pay, v2 and v1, naming which', () => {
    const out = v2({ scheme: 'exactly' }, {});
    expect([out.status, out.messageId]).toEqual(['pass', 'probe']);
    expect(out.message).toContain('#1');
    expect(check({ challenge: challengeV1() }).status).toBe('pass');
  });

  it('fails when the only scheme is one no x402 implementation defines (issue 11 item 8)', () => {
    const out = v2({ scheme: 'exactly' });
    expect([out.status, out.messageId]).toEqual(['fail', 'nonePayable']);
    expect(out.evidence).toContain('"exactly"');
  });

  it('fails when nothing is payable for other reasons, listing each', () => {
    const out = v2({ network: 'cosmos:cosmoshub-4' }, { network: 'base' }, { amount: '0.01' }, { payTo: '' }, { extra: {} });
    expect([out.status, out.messageId]).toEqual(['fail', 'nonePayable']);
    for (const i of ['#0', '#1', '#2', '#3', '#4']) expect(out.evidence).toContain(i);
    expect(out.evidence).toContain('cosmos');
    expect(out.evidence).toContain('EIP-712');
    const v1 = check({ challenge: challengeV1([{ network: 'eip155:84532' }]) });
    expect([v1.status, v1.messageId]).toEqual(['fail', 'nonePayable']);
    expect(v1.evidence).toContain('base-sepolia');
  });

  it('skips, with the reason, a real Solana requirement and known schemes the probe does not implement', () => {
    const solana = v2(SOLANA);
    expect([solana.status, solana.messageId]).toEqual(['skip', 'notImplemented']);
    expect(solana.message).toContain('EVM');
    for (const other of [{ scheme: 'upto' }, { scheme: 'auth-capture' }, { extra: { name: 'USDC', version: '2', assetTransferMethod: 'permit2' } }]) {
      expect(v2(other).status, JSON.stringify(other)).toBe('skip');
    }
    expect(v2({ scheme: 'exactly' }, SOLANA).status).toBe('skip');
    expect(check({ challenge: challengeV1([{ network: 'solana-devnet', asset: SOLANA.asset, payTo: SOLANA.payTo }]) }).status).toBe('skip');
  });

  it('judges a scheme nested 20,000 arrays deep without an internal error', () => {
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    const body = JSON.stringify(v1PaymentRequired()).replace('"scheme":"exact"', `"scheme":${deep}`);
    const out = check({ challenge: challengeOf(exchange({ body, bodyBytes: body.length, headers: { 'content-type': 'application/json' } })) });
    expect([out.status, out.messageId]).toEqual(['fail', 'nonePayable']);
  });

  it('skips when there are no requirements', () => {
    expect(check({ challenge: challengeOf(exchange({ body: '' })) }).messageId).toBe('noRequirements');
    expect(check({ challenge: challengeOf(v2Response(v2PaymentRequired([]))) }).status).toBe('skip');
  });
});
