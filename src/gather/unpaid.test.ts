import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { seller as hang } from '../../fixtures/hostile/hang.js';
import { makeSeller } from '../../fixtures/sellers/good.js';
import { gatherWith } from '../../test/helpers/gather.js';
import { unpaidGatherer } from './unpaid.js';

const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  await Promise.all(closers.map((close) => close()));
});

describe('unpaidGatherer', () => {
  it('sends the probed request as the user set it and records the 402 the seller answered', async () => {
    const seen: { method?: string; headers: IncomingHttpHeaders; body: string }[] = [];
    const good = makeSeller('v2');
    const server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      seen.push({ method: req.method, headers: req.headers, body: Buffer.concat(chunks).toString() });
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      return good(req, res, { origin, port: 0, requestUrl: `${origin}${req.url}` });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise((resolve) => server.close(() => resolve())));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
    const { artifact } = await gatherWith(unpaidGatherer, { url, method: 'POST', body: '{"q":1}', headers: { 'X-Api-Key': 'k1' } });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'POST', body: '{"q":1}' });
    expect(seen[0].headers).toMatchObject({ 'x-api-key': 'k1', 'content-type': 'application/json' });
    expect(seen[0].headers['user-agent']).toMatch(/^x402-probe\//);
    expect(artifact?.status).toBe(402);
    expect(artifact?.headers['payment-required']).toBeTruthy();
    expect(artifact?.error).toBeNull();
  });

  it('records a refused connection as an error, never throws', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const { artifact, notGathered } = await gatherWith(unpaidGatherer, { url: `http://127.0.0.1:${port}/` });
    expect(notGathered).toBeUndefined();
    expect(artifact?.status).toBeNull();
    expect(artifact?.error?.code).toBe('refused');
  });

  it('gives up on a seller that never answers at its timeout, and records why', async () => {
    const seller = await hang.start();
    closers.push(seller.close);
    const started = performance.now();
    const { artifact } = await gatherWith(unpaidGatherer, { url: seller.url, timeoutMs: 300 });
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(artifact?.status).toBeNull();
    expect(artifact?.error?.code).toBe('timeout');
  });
});
