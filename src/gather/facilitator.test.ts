import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { challengeV2 } from '../../test/helpers/artifacts.js';
import { gatherWith } from '../../test/helpers/gather.js';
import { check as uptoFacilitatorCheck } from '../checks/req/upto-facilitator.js';
import { facilitatorSupportedGatherer } from './facilitator.js';

const FACILITATOR = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const OTHER = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const upto = (paymentRequired: Record<string, unknown> = {}) =>
  challengeV2([{ scheme: 'upto', extra: { assetTransferMethod: 'permit2', facilitatorAddress: FACILITATOR } }], paymentRequired);

/** A hostile facilitator: it publishes another address for upto than the one its seller names, or a body that is not /supported. */
let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/other/supported') return res.end(JSON.stringify({ kinds: [{ x402Version: 2, scheme: 'upto', network: 'eip155:84532', extra: { facilitatorAddress: OTHER } }] }));
    if (req.url === '/garbage/supported') return res.end('<html>');
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('facilitatorSupportedGatherer', () => {
  it('reads --facilitator /supported, and req.upto-facilitator catches a requirement naming another facilitator', async () => {
    const challenge = upto();
    const { artifact } = await gatherWith(facilitatorSupportedGatherer, { facilitatorUrl: `${base}/other`, given: { challenge } });
    expect(artifact).toMatchObject({ source: 'option', error: null, kinds: [{ scheme: 'upto', extra: { facilitatorAddress: OTHER } }] });
    expect(uptoFacilitatorCheck({ challenge, facilitatorSupported: artifact })).toMatchObject([{ status: 'fail', messageId: 'mismatch' }]);
  });

  it('records an answer that is not /supported, and the check says it could not compare', async () => {
    const challenge = upto();
    const { artifact } = await gatherWith(facilitatorSupportedGatherer, { facilitatorUrl: `${base}/garbage`, given: { challenge } });
    expect(artifact).toMatchObject({ kinds: null, error: 'the answer is not JSON' });
    expect(uptoFacilitatorCheck({ challenge, facilitatorSupported: artifact })).toMatchObject([{ status: 'pass', messageId: 'unverified' }]);
  });

  it('asks a facilitator the seller names only at public addresses unless private ones are allowed', async () => {
    const named = upto({ facilitator: `${base}/other` });
    const refused = await gatherWith(facilitatorSupportedGatherer, { given: { challenge: named } });
    expect(refused.artifact).toMatchObject({ source: 'challenge', kinds: null });
    const allowed = await gatherWith(facilitatorSupportedGatherer, { allowPrivate: true, given: { challenge: named } });
    expect(allowed.artifact).toMatchObject({ source: 'challenge', kinds: [{ scheme: 'upto' }] });
  });

  it('is not gathered without an upto requirement or a facilitator URL', async () => {
    expect((await gatherWith(facilitatorSupportedGatherer, { facilitatorUrl: base, given: { challenge: challengeV2() } })).notGathered).toMatch(/no upto/);
    expect((await gatherWith(facilitatorSupportedGatherer, { given: { challenge: upto() } })).notGathered).toMatch(/no facilitator URL/);
  });
});
