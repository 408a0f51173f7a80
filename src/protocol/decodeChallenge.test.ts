import { describe, expect, it } from 'vitest';
import { b64, exchange, URL, v1PaymentRequired, v2PaymentRequired, v2Requirement } from '../../test/helpers/artifacts.js';
import { decodeBody, decodeChallenge, decodeHeader } from './decodeChallenge.js';

const json = { 'content-type': 'application/json' };

describe('decodeChallenge', () => {
  it('decodes a v2 PAYMENT-REQUIRED header with a {} body', () => {
    const out = decodeChallenge(exchange({ headers: { ...json, 'payment-required': b64(v2PaymentRequired()) }, body: '{}' }));
    expect(out.source).toBe('header');
    expect(out.x402Version).toBe(2);
    expect(out.header).toMatchObject({ present: true, base64: { ok: true }, json: { ok: true }, schema: { ok: true }, x402Version: 2 });
    expect(out.header.schema?.issues).toBeUndefined();
    // `{}` names neither x402Version nor accepts: not a second carrier.
    expect(out.body.present).toBe(false);
    expect(out.requirements).toHaveLength(1);
    expect(out.requirements[0]).toMatchObject({ index: 0, x402Version: 2, network: 'eip155:84532', amount: '10000', amountField: 'amount', resource: URL, description: 'Weather report' });
    expect(out.requirements[0].raw).toEqual(v2Requirement());
    expect(out.nonStandard).toEqual([]);
  });

  it('decodes a v1 JSON body challenge', () => {
    const out = decodeChallenge(exchange({ headers: json, body: JSON.stringify(v1PaymentRequired()) }));
    expect(out.source).toBe('body');
    expect(out.x402Version).toBe(1);
    expect(out.header.present).toBe(false);
    expect(out.body).toMatchObject({ present: true, json: { ok: true }, schema: { ok: true } });
    expect(out.requirements[0]).toMatchObject({ x402Version: 1, network: 'base-sepolia', amount: '10000', amountField: 'maxAmountRequired', resource: URL, mimeType: 'application/json' });
  });

  it('prefers the header when both carry a challenge (the reference client reads the header first)', () => {
    const out = decodeChallenge(exchange({ headers: { ...json, 'payment-required': b64(v2PaymentRequired()) }, body: JSON.stringify(v2PaymentRequired()) }));
    expect(out.source).toBe('header');
    expect(out.body.present).toBe(true);
    expect(out.body.schema?.ok).toBe(true);
  });

  it('rejects a base64url header, naming the alphabet', () => {
    const standard = b64(v2PaymentRequired(undefined, { error: '???>>>???>>>' }));
    expect(standard).toMatch(/[+/]/);
    const value = standard.replace(/\+/g, '-').replace(/\//g, '_');
    const header = decodeHeader(value);
    expect(header.base64).toEqual({ ok: false, error: expect.stringContaining('base64url') });
    expect(header.json).toBeUndefined();
  });

  it('rejects a raw JSON header: buyers expect base64', () => {
    const out = decodeChallenge(exchange({ headers: { 'payment-required': JSON.stringify(v2PaymentRequired()) } }));
    expect(out.source).toBe('header');
    expect(out.header.base64).toEqual({ ok: false, error: expect.stringContaining('raw JSON') });
    expect(out.x402Version).toBeNull();
    expect(out.paymentRequired).toBeNull();
    expect(out.requirements).toEqual([]);
  });

  it('rejects an empty header', () => {
    const out = decodeChallenge(exchange({ headers: { 'payment-required': '  ' } }));
    expect(out.header).toEqual({ present: true, base64: { ok: false, error: 'the header is empty' } });
    expect(out.x402Version).toBeNull();
  });

  it('decodes a v2 challenge sent only in the body, so checks can explain that buyers miss it', () => {
    const out = decodeChallenge(exchange({ headers: json, body: JSON.stringify(v2PaymentRequired()) }));
    expect(out.source).toBe('body');
    expect(out.x402Version).toBe(2);
    expect(out.header.present).toBe(false);
    expect(out.requirements).toHaveLength(1);
  });

  it('finds no challenge in a `{}` body without a header', () => {
    const out = decodeChallenge(exchange({ headers: json, body: '{}' }));
    expect(out.source).toBeNull();
    expect(out.x402Version).toBeNull();
    expect(out.requirements).toEqual([]);
  });

  it('finds no challenge in an HTML page, and classifies a paywall', () => {
    const body = '<!doctype html><html><body><h1>402</h1><p>Pay with your wallet (USDC)</p></body></html>';
    const out = decodeChallenge(exchange({ headers: { 'content-type': 'text/html; charset=utf-8' }, body }));
    expect(out.source).toBeNull();
    expect(out.body.present).toBe(false);
    expect(out.nonStandard.map((s) => s.kind)).toEqual(['html-paywall']);
  });

  it('reports a body that claims JSON but does not parse', () => {
    const out = decodeChallenge(exchange({ headers: json, body: '{"x402Version": 1, "accepts": [' }));
    expect(out.source).toBe('body');
    expect(out.body.present).toBe(true);
    expect(out.body.json?.ok).toBe(false);
    expect(out.body.json?.error).toBeTruthy();
    expect(out.x402Version).toBeNull();
    expect(out.requirements).toEqual([]);
  });

  it('ignores broken text that does not claim to be JSON', () => {
    expect(decodeBody('Payment required', 'text/plain')).toEqual({ present: false });
    expect(decodeBody('', 'application/json')).toEqual({ present: false });
  });

  it('tolerates v1 network names in a v2 challenge, with notes', () => {
    const pr = v2PaymentRequired([v2Requirement(), v2Requirement({ network: 'base-sepolia' })]);
    const out = decodeChallenge(exchange({ headers: { 'payment-required': b64(pr) } }));
    expect(out.header.schema?.ok).toBe(true);
    expect(out.header.schema?.issues).toEqual([expect.stringMatching(/accepts\.1\.network: v1 name "base-sepolia" in a v2 challenge/)]);
    // The views keep the value as received; req.network judges it.
    expect(out.requirements[1].network).toBe('base-sepolia');
  });

  it('does not tolerate an unknown network name, and lists schema issues', () => {
    const pr = v2PaymentRequired([v2Requirement({ network: 'not-a-chain' })]);
    const header = decodeHeader(b64(pr));
    expect(header.json?.ok).toBe(true);
    expect(header.schema?.ok).toBe(false);
    expect(header.schema?.issues?.length).toBeGreaterThan(0);
  });

  it('reports a schema failure but still exposes the requirements as received', () => {
    const pr = v2PaymentRequired([v2Requirement({ amount: 10000 })]);
    const out = decodeChallenge(exchange({ headers: { 'payment-required': b64(pr) } }));
    expect(out.header.schema?.ok).toBe(false);
    expect(out.x402Version).toBe(2);
    expect(out.requirements[0].amount).toBe(10000);
  });

  it('reads a v1 maxAmountRequired sent in a v2 challenge as the amount, naming the field', () => {
    const entry = { ...v2Requirement(), amount: undefined, maxAmountRequired: '5000' };
    delete entry.amount;
    const out = decodeChallenge(exchange({ headers: { 'payment-required': b64(v2PaymentRequired([entry])) } }));
    expect(out.requirements[0]).toMatchObject({ amount: '5000', amountField: 'maxAmountRequired' });
  });

  it('keeps the status, 0 when there was no response', () => {
    expect(decodeChallenge(exchange({ status: 402 })).status).toBe(402);
    expect(decodeChallenge(exchange({ status: null })).status).toBe(0);
  });

  it('never throws on hostile input', () => {
    const hostile = ['=', '====', 'A', '!!', b64('null'), b64('[]'), b64('"str"'), b64('{"x402Version":2,"accepts":{}}'), b64('{"accepts":[null,1,"x"]}'), b64('\u0000\u0001')];
    for (const value of hostile) {
      expect(() => decodeChallenge(exchange({ headers: { 'payment-required': value }, body: value }))).not.toThrow();
    }
    const out = decodeChallenge(exchange({ headers: { 'payment-required': b64('{"x402Version":2,"accepts":[null,1,"x"]}') } }));
    expect(out.requirements).toHaveLength(3);
  });

  it('accepts v1 requirement views with missing fields as undefined, not a crash', () => {
    const out = decodeChallenge(exchange({ headers: json, body: JSON.stringify(v1PaymentRequired([{ scheme: 'exact' }])) }));
    expect(out.requirements[0]).toMatchObject({ scheme: 'exact', amountField: null });
    expect(out.body.schema?.ok).toBe(false);
  });
});
