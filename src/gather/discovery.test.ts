/** The discovery gatherer against hostile loopback sellers: redirects off the origin, endless documents, huge lists. */
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FixtureServer, startFixtureServer } from '../../fixtures/sellers/server.js';
import { gatherWith } from '../../test/helpers/gather.js';
import { discoveryGatherer, DISCOVERY_DOCUMENT_CAP, LISTED_RESOURCE_CAP } from './discovery.js';

type Route = (res: ServerResponse, origin: string) => void;

describe('discoveryGatherer', () => {
  let requests: string[] = [];
  let routes: Record<string, Route> = {};
  let seller: FixtureServer;

  beforeAll(async () => {
    seller = await startFixtureServer((req, res) => {
      requests.push(`${req.method} ${req.url}`);
      const route = routes[req.url ?? ''];
      if (route) return route(res, seller.origin);
      if (req.url === '/api/weather' || req.url?.startsWith('/api/r')) return void res.writeHead(402, { 'content-type': 'application/json' }).end('{}');
      res.writeHead(404).end();
    });
  });
  afterAll(async () => {
    await seller?.close();
  });
  beforeEach(() => {
    requests = [];
    routes = {};
  });

  const json = (value: unknown): Route => (res) => void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(value));

  it('reads the documents in x402scan\'s order and requests each listed resource but the probed one, with its method', async () => {
    routes['/.well-known/x402'] = json({ resources: [`${seller.origin}/api/weather`, { url: '/api/r1', method: 'POST' }, '/gone'] });
    const { artifact } = await gatherWith(discoveryGatherer, { url: `${seller.origin}/api/weather` });
    expect(artifact!.documents.map((d) => [new URL(d.url).pathname, d.status])).toEqual([['/openapi.json', 404], ['/.well-known/openapi.json', 404], ['/.well-known/x402', 200]]);
    expect(artifact!.listed.map((l) => [l.method, new URL(l.url).pathname, l.exchange.status])).toEqual([['POST', '/api/r1', 402], ['GET', '/gone', 404]]);
    expect(requests.filter((r) => r === 'GET /api/weather')).toEqual([]);
  });

  it('sends no unsafe method a document names (an authenticated DELETE of the user\'s account), only says why', async () => {
    routes['/.well-known/x402'] = json({ resources: [{ url: '/api/account', method: 'DELETE' }, { url: '/api/r2', method: 'put' }, { url: '/api/r3', method: 'HEAD' }] });
    const { artifact } = await gatherWith(discoveryGatherer, { url: `${seller.origin}/api/weather` });
    expect(requests.filter((r) => !r.startsWith('GET /') && !r.startsWith('HEAD /'))).toEqual([]);
    expect(artifact!.listed.map((l) => `${l.method} ${new URL(l.url).pathname}`)).toEqual(['HEAD /api/r3']);
    expect(artifact!.notProbed.find((n) => n.url.endsWith('/api/account'))?.reason).toBe('method DELETE is not requested unpaid (GET, HEAD and POST only)');
  });

  it('is not gathered with --no-discovery', async () => {
    expect((await gatherWith(discoveryGatherer, { url: `${seller.origin}/api/weather`, discovery: false })).notGathered).toBe('discovery disabled (--no-discovery)');
    expect(requests).toEqual([]);
  });

  it('refuses a redirect off the origin to a private address: nothing is sent there', async () => {
    routes['/.well-known/x402'] = (res) => void res.writeHead(302, { location: 'http://10.0.0.1/.well-known/x402' }).end();
    const { artifact } = await gatherWith(discoveryGatherer, { url: `${seller.origin}/api/weather` });
    const doc = artifact!.documents.find((d) => d.kind === 'well-known')!;
    expect(doc.error).toMatch(/^forbidden-address/);
    expect(doc.exchanges.map((e) => e.request.url)).toEqual([`${seller.origin}/.well-known/x402`, 'http://10.0.0.1/.well-known/x402']);
  });

  it('follows a redirect on the origin', async () => {
    routes['/.well-known/x402'] = (res) => void res.writeHead(301, { location: '/x402.json' }).end();
    routes['/x402.json'] = json({ resources: ['/api/weather'] });
    const { artifact } = await gatherWith(discoveryGatherer, { url: `${seller.origin}/api/weather` });
    expect(artifact!.documents.find((d) => d.kind === 'well-known')!.json).toEqual({ ok: true, value: { resources: ['/api/weather'] } });
  });

  it('cuts an endless document at the cap', async () => {
    routes['/openapi.json'] = (res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, '[');
      const pump = (): void => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      res.on('error', () => {});
      pump();
    };
    const { artifact } = await gatherWith(discoveryGatherer, { url: `${seller.origin}/api/weather` });
    const doc = artifact!.documents[0];
    expect(doc.truncated).toBe(true);
    expect(doc.json).toBeNull();
    expect(doc.exchanges[0].bodyBytes).toBeLessThanOrEqual(DISCOVERY_DOCUMENT_CAP);
  });

  it(`requests at most ${LISTED_RESOURCE_CAP} listed resources of a huge list, and none on another origin`, async () => {
    routes['/.well-known/x402'] = json({ resources: ['https://other.example/api', ...Array.from({ length: 1000 }, (_, i) => `/api/r${i}`)] });
    const { artifact } = await gatherWith(discoveryGatherer, { url: `${seller.origin}/api/weather` });
    expect(artifact!.listed).toHaveLength(LISTED_RESOURCE_CAP);
    expect(requests.filter((r) => r.startsWith('GET /api/r'))).toHaveLength(LISTED_RESOURCE_CAP);
    expect(artifact!.notProbed.find((n) => n.url === 'https://other.example/api')?.reason).toBe('on another origin');
  });
});
