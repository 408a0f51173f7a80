import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NetworkPolicy } from '../gather/network.js';
import { fetchRegistrationFile, ipfsToGatewayUrl, REGISTRATION_FILE_CAP } from './fetchRegistrationFile.js';

const DOC = { type: 'https://eips.ethereum.org/EIPS/eip-8004#registration-v1', name: 'Ünïcode agent' };
let server: Server;
let origin = '';
let requests = 0;
/** The loopback world of this test: an agentURI is data, so loopback needs allowPrivate. */
const loopbackAllowed = new NetworkPolicy({ allowPrivate: true });

beforeAll(async () => {
  server = createServer((req, res) => {
    requests += 1;
    if (req.url === '/reg.json' || req.url === '/ipfs/bafyabc/reg.json') return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(DOC));
    if (req.url === '/huge.json') return void res.writeHead(200).end(`{"name":"${'x'.repeat(REGISTRATION_FILE_CAP)}"}`);
    if (req.url?.startsWith('/hop')) return void res.writeHead(302, { location: `/hop${Number(req.url.slice(4) || 0) + 1}` }).end();
    res.writeHead(404).end('Not Found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await loopbackAllowed.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('fetchRegistrationFile', () => {
  it('decodes base64 and percent-encoded data: URIs', async () => {
    const b64 = await fetchRegistrationFile({ uri: `data:application/json;base64,${Buffer.from(JSON.stringify(DOC)).toString('base64')}` });
    expect(b64).toMatchObject({ scheme: 'data', dataUri: { mediaType: 'application/json', base64: true }, json: { ok: true, value: DOC }, error: null });
    const plain = await fetchRegistrationFile({ uri: `data:application/json,${encodeURIComponent(JSON.stringify(DOC))}` });
    expect(plain.json).toEqual({ ok: true, value: DOC });
    expect((await fetchRegistrationFile({ uri: 'data:application/json;base64,!!!' })).error?.code).toBe('bad-data-uri');
    expect((await fetchRegistrationFile({ uri: 'data:application/json;base64' })).error?.code).toBe('bad-data-uri');
  });

  it('caps data: URIs at 256 KiB', async () => {
    const big = await fetchRegistrationFile({ uri: `data:application/json,${'x'.repeat(REGISTRATION_FILE_CAP + 1)}` });
    expect(big.truncated).toBe(true);
    expect(big.json).toBeNull();
  });

  it('fetches http(s) with the cap and a redirect limit', async () => {
    const network = loopbackAllowed;
    const ok = await fetchRegistrationFile({ uri: `${origin}/reg.json`, network });
    expect(ok).toMatchObject({ scheme: 'http', json: { ok: true, value: DOC } });
    expect(ok.exchange?.status).toBe(200);
    const huge = await fetchRegistrationFile({ uri: `${origin}/huge.json`, network });
    expect(huge.truncated).toBe(true);
    const hops = await fetchRegistrationFile({ uri: `${origin}/hop`, network });
    expect(hops.error?.code).toBe('http');
    expect(hops.exchange?.error?.code).toBe('too-many-redirects');
    const missing = await fetchRegistrationFile({ uri: `${origin}/nope`, network });
    expect(missing.exchange?.status).toBe(404);
  });

  it('refuses an agentURI at a loopback address by default, without a request', async () => {
    const before = requests;
    const refused = await fetchRegistrationFile({ uri: `${origin}/reg.json` });
    expect(refused.error).toEqual({ code: 'forbidden-address', message: '127.0.0.1 is loopback; targets from registry data must be public (--allow-private)' });
    expect(refused.json).toBeNull();
    expect(requests).toBe(before);
  });

  it('maps ipfs:// through the configured gateway', async () => {
    expect(ipfsToGatewayUrl('ipfs://bafyabc/reg.json', 'https://gw.example')).toBe('https://gw.example/ipfs/bafyabc/reg.json');
    expect(ipfsToGatewayUrl('ipfs://ipfs/bafyabc', 'https://gw.example/ipfs/')).toBe('https://gw.example/ipfs/bafyabc');
    const viaGateway = await fetchRegistrationFile({ uri: 'ipfs://bafyabc/reg.json', ipfsGateway: origin });
    expect(viaGateway).toMatchObject({ scheme: 'ipfs', fetchedUrl: `${origin}/ipfs/bafyabc/reg.json`, json: { ok: true, value: DOC } });
  });

  it('keeps an ipfs:// URI under the gateway\'s /ipfs/<cid>: dot segments, encoded or not, reach no other path of the user\'s gateway', async () => {
    const before = requests;
    for (const uri of ['ipfs://bafyabc/../../reg.json', 'ipfs://bafyabc/%2e%2e/%2E%2e/reg.json', 'ipfs://bafyabc/..\\..\\reg.json', 'ipfs://bafyabc/./../x/../../reg.json', 'ipfs://ipfs/bafyabc/../../reg.json']) {
      expect(ipfsToGatewayUrl(uri, origin), uri).toBeNull();
      const refused = await fetchRegistrationFile({ uri, ipfsGateway: origin });
      expect(refused).toMatchObject({ scheme: 'ipfs', fetchedUrl: null, exchange: null, error: { code: 'bad-url' } });
    }
    expect(requests).toBe(before);
    // Dot segments that stay inside the content are the content's own business.
    expect(ipfsToGatewayUrl('ipfs://bafyabc/a/../reg.json', 'https://gw.example')).toBe('https://gw.example/ipfs/bafyabc/reg.json');
  });

  it('records an empty URI and an unsupported scheme without fetching', async () => {
    expect((await fetchRegistrationFile({ uri: '' })).error?.code).toBe('empty-uri');
    const ar = await fetchRegistrationFile({ uri: 'ar://abc' });
    expect(ar).toMatchObject({ scheme: 'unsupported', exchange: null });
    expect(ar.error?.code).toBe('unsupported-scheme');
  });
});
