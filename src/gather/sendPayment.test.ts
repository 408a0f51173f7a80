/**
 * --also presents the used payment at another URL the user named. The user's -H headers
 * (an Authorization, an API key) were given for the probed origin: an --also URL on another
 * origin, a hostile one recording what it is sent, gets the payment header and the probe's own,
 * never them, as a cross-origin redirect would not.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureHandler, type FixtureServer, startFixtureServer } from '../../fixtures/sellers/server.js';
import { sendPaymentTo } from './sendPayment.js';

let seller: FixtureServer;
let other: FixtureServer;
const seen: Record<string, IncomingHttpHeaders> = {};

beforeAll(async () => {
  const recording = (name: string): FixtureHandler => (req, res) => {
    seen[`${name}${req.url}`] = req.headers;
    res.writeHead(402).end();
  };
  seller = await startFixtureServer(recording('seller'));
  other = await startFixtureServer(recording('other'));
});

afterAll(async () => {
  await seller?.close();
  await other?.close();
});

const ctxFor = (url: string) => ({
  options: { url, method: 'POST', headers: { Authorization: 'Bearer seller-api-key', 'X-Api-Key': 'k-123' }, body: '{"q":1}' },
  timeoutMs: 5_000,
});

describe('sendPaymentTo (--also)', () => {
  it('sends the user headers to an --also URL on the probed origin', async () => {
    await sendPaymentTo(ctxFor(seller.url) as never, `${seller.origin}/same`, 'payment-signature', 'PAID');
    expect(seen['seller/same']).toMatchObject({ authorization: 'Bearer seller-api-key', 'x-api-key': 'k-123', 'payment-signature': 'PAID', 'content-type': 'application/json' });
  });

  it('keeps the user headers from an --also URL on another origin, sending the payment there', async () => {
    const sent = await sendPaymentTo(ctxFor(seller.url) as never, `${other.origin}/elsewhere`, 'payment-signature', 'PAID');
    const headers = seen['other/elsewhere'];
    expect(headers['payment-signature']).toBe('PAID');
    expect(headers['content-type']).toBe('application/json');
    expect(headers.authorization).toBeUndefined();
    expect(headers['x-api-key']).toBeUndefined();
    expect(JSON.stringify(sent)).not.toContain('seller-api-key');
  });
});
