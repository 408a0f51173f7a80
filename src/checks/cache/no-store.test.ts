import { describe, expect, it } from 'vitest';
import { exchange, v2Response, withHeaders, withoutHeaders } from '../../../test/helpers/artifacts.js';
import { check, meta } from './no-store.js';

describe(meta.id, () => {
  it('passes Cache-Control with no-store among other directives', () => {
    expect(check({ unpaid: v2Response() }).messageId).toBe('noStore');
    const out = check({ unpaid: withHeaders(v2Response(), { 'cache-control': 'private, No-Store, max-age=0' }) });
    expect([out.status, out.messageId]).toEqual(['pass', 'noStore']);
  });

  it('fails a 402 without Cache-Control (x402#2955)', () => {
    const out = check({ unpaid: withoutHeaders(v2Response(), 'cache-control') });
    expect([out.status, out.messageId]).toEqual(['fail', 'missing']);
  });

  it('fails private / no-cache / max-age without no-store, with its own message', () => {
    for (const value of ['private', 'no-cache', 'max-age=60', 'public, max-age=3600']) {
      const out = check({ unpaid: withHeaders(v2Response(), { 'cache-control': value }) });
      expect([out.status, out.messageId], value).toEqual(['fail', 'weak']);
    }
  });

  it('skips a response that is not a 402', () => {
    expect(check({ unpaid: exchange({ status: 200 }) }).status).toBe('skip');
    expect(check({ unpaid: exchange({ status: null }) }).status).toBe('skip');
  });
});
