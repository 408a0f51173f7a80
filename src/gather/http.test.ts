import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer, type Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDeadline } from './deadline.js';
import { createDispatcher, DEFAULT_BODY_CAP, exchange } from './http.js';
import { PROBE_ACCEPT, PROBE_USER_AGENT } from './requestHeaders.js';

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

const servers: (Server | TcpServer)[] = [];
const sockets = new Set<Socket>();

async function listen(handler: Handler, host = '127.0.0.1'): Promise<string> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => handler(req, res, body));
  });
  server.on('connection', (s) => sockets.add(s));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return `http://${host}:${(server.address() as AddressInfo).port}`;
}

/** A raw TCP server, for what an HTTP server will not do (never answer). */
async function listenTcp(onSocket: (socket: Socket) => void): Promise<string> {
  const server = createTcpServer((s) => {
    sockets.add(s);
    onSocket(s);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const dispatcher = createDispatcher();

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  await dispatcher.close();
});

const echo: Handler = (req, res, body) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ method: req.method, url: req.url, headers: req.headers, body }));
};

describe('exchange() redirects', () => {
  let base: string;
  let other: string;
  beforeAll(async () => {
    // Another host, as a CDN or a stranger would be: 127.0.0.2 (loopback, so a user's loopback target may redirect there).
    other = await listen(echo, '127.0.0.2');
    base = await listen((req, res, body) => {
      const path = req.url ?? '/';
      const redirect = (status: number, location: string) => {
        res.writeHead(status, { location });
        res.end();
      };
      if (path === '/relative/start') return redirect(302, 'next?x=1');
      if (path === '/see-other') return redirect(303, '/echo');
      if (path === '/loop-a') return redirect(302, '/loop-b');
      if (path === '/loop-b') return redirect(302, '/loop-a');
      const chain = /^\/chain\/(\d+)$/.exec(path);
      if (chain) return redirect(302, `/chain/${Number(chain[1]) + 1}`);
      if (path === '/to-other') return redirect(307, `${other}/landed`);
      if (path === '/see-other-elsewhere') return redirect(303, `${other}/landed`);
      if (path === '/same-origin') return redirect(307, '/echo');
      if (path === '/bad-location') return redirect(302, 'http://[::1');
      return echo(req, res, body);
    });
  });

  it('follows a relative Location, resolved against the current URL', async () => {
    const out = await exchange({ url: `${base}/relative/start`, dispatcher });
    expect(out.error).toBeNull();
    expect(out.status).toBe(200);
    expect(out.redirects).toEqual([{ from: `${base}/relative/start`, to: `${base}/relative/next?x=1`, status: 302, crossOrigin: false }]);
    expect(out.redirects[0]).not.toHaveProperty('droppedHeaders');
    expect(out.finalUrl).toBe(`${base}/relative/next?x=1`);
    expect(JSON.parse(out.body).url).toBe('/relative/next?x=1');
  });

  it('turns a POST into a GET without a body on 303', async () => {
    const out = await exchange({ url: `${base}/see-other`, method: 'POST', body: '{"a":1}', headers: { 'content-type': 'application/json' }, dispatcher });
    const seen = JSON.parse(out.body);
    expect(seen.method).toBe('GET');
    expect(seen.body).toBe('');
    expect(out.request.method).toBe('POST');
    expect(out.request.bodyBytes).toBe(7);
  });

  it('detects a redirect loop', async () => {
    const out = await exchange({ url: `${base}/loop-a`, dispatcher });
    expect(out.error?.code).toBe('redirect-loop');
    expect(out.redirects.map((r) => r.to)).toEqual([`${base}/loop-b`, `${base}/loop-a`]);
  });

  it('stops after maxRedirects', async () => {
    const out = await exchange({ url: `${base}/chain/0`, maxRedirects: 5, dispatcher });
    expect(out.error?.code).toBe('too-many-redirects');
    expect(out.status).toBe(302);
    expect(out.limits.maxRedirects).toBe(5);
    // The hop past the cap is recorded, not followed.
    expect(out.redirects.length).toBe(6);
    expect(out.finalUrl).toBe(`${base}/chain/6`);
  });

  it('carries no caller header to another origin: its own Accept and User-Agent only, a carried body\'s Content-Type, and names what it dropped', async () => {
    const headers = {
      'PAYMENT-SIGNATURE': 'c2lnbmVk',
      'X-PAYMENT': 'djE=',
      Authorization: 'Bearer t',
      Cookie: 'session=s3cr3t',
      'X-Api-Key': 'k3y',
      'Proxy-Authorization': 'Basic cHJveHk=',
      'X-Trace': 'custom',
      // A -H Accept or User-Agent is the user's too: a token hidden there must stay behind as well.
      Accept: 'application/vnd.t0ken+json',
      'User-Agent': 'agent-t0ken',
      'Content-Type': 'application/json',
    };
    const out = await exchange({ url: `${base}/to-other`, method: 'POST', body: '{"q":1}', headers, dispatcher });
    const dropped = ['accept', 'authorization', 'cookie', 'payment-signature', 'proxy-authorization', 'user-agent', 'x-api-key', 'x-payment', 'x-trace'];
    expect(out.redirects).toEqual([{ from: `${base}/to-other`, to: `${other}/landed`, status: 307, crossOrigin: true, droppedHeaders: dropped }]);
    const seen = JSON.parse(out.body) as { method: string; body: string; headers: Record<string, string> };
    for (const name of dropped.filter((n) => n !== 'accept' && n !== 'user-agent')) expect(seen.headers[name], name).toBeUndefined();
    expect(seen.headers).toMatchObject({ accept: PROBE_ACCEPT, 'user-agent': PROBE_USER_AGENT, 'content-type': 'application/json' });
    expect(JSON.stringify(seen.headers)).not.toContain('t0ken');
    // 307 keeps the method and the body, so the body's Content-Type travels with it.
    expect(seen).toMatchObject({ method: 'POST', body: '{"q":1}' });
    // The artifact names headers, never their values.
    expect(JSON.stringify(out.redirects)).not.toMatch(/s3cr3t|k3y|cHJveHk|Bearer|t0ken/);
    // The record of what was sent keeps the payment header (it holds no key).
    expect(out.request.headers['payment-signature']).toBe('c2lnbmVk');
  });

  it('names nothing dropped when the caller sent only the probe\'s own Accept and User-Agent', async () => {
    const out = await exchange({ url: `${base}/to-other`, headers: { accept: PROBE_ACCEPT, 'user-agent': PROBE_USER_AGENT }, dispatcher });
    expect(out.redirects[0]).toMatchObject({ crossOrigin: true, droppedHeaders: [] });
  });

  it('drops Content-Type with the body when a cross-origin 303 turns the POST into a GET', async () => {
    const out = await exchange({ url: `${base}/see-other-elsewhere`, method: 'POST', body: '{}', headers: { 'content-type': 'application/json' }, dispatcher });
    expect(out.redirects[0].droppedHeaders).toEqual(['content-type']);
    expect(JSON.parse(out.body).headers['content-type']).toBeUndefined();
  });

  it('keeps payment headers on a same-origin hop', async () => {
    const out = await exchange({ url: `${base}/same-origin`, headers: { 'PAYMENT-SIGNATURE': 'c2lnbmVk' }, dispatcher });
    expect(out.redirects[0].crossOrigin).toBe(false);
    expect(JSON.parse(out.body).headers['payment-signature']).toBe('c2lnbmVk');
  });

  it('records an unusable Location as bad-redirect', async () => {
    const out = await exchange({ url: `${base}/bad-location`, dispatcher });
    expect(out.error?.code).toBe('bad-redirect');
    expect(out.status).toBe(302);
  });
});

describe('exchange() limits', () => {
  let base: string;
  const FIVE_MIB = 5 * 1024 * 1024;
  beforeAll(async () => {
    base = await listen((req, res) => {
      if (req.url === '/big') {
        res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(FIVE_MIB) });
        res.end(Buffer.alloc(FIVE_MIB, 'a'));
      } else if (req.url === '/huge-headers') {
        res.writeHead(402, { 'x-filler': 'x'.repeat(80 * 1024) });
        res.end('{}');
      } else if (req.url === '/gzip') {
        res.writeHead(402, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
        res.end(gzipSync(JSON.stringify({ x402Version: 1, accepts: [] })));
      } else if (req.url === '/bomb') {
        res.writeHead(402, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
        res.end(gzipSync(Buffer.alloc(50 * 1024 * 1024)));
      } else if (req.url === '/reset-mid-body') {
        res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '100000' });
        res.write('partial body', () => setTimeout(() => res.socket?.resetAndDestroy(), 20));
      } else if (req.url === '/stall-body') {
        res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '100000' });
        res.write('first bytes');
      } else {
        res.end('ok');
      }
    });
  });

  it('caps the body and flags it truncated (5 MiB body, 1 MiB cap)', async () => {
    const out = await exchange({ url: `${base}/big`, dispatcher });
    expect(out.status).toBe(200);
    expect(out.bodyTruncated).toBe(true);
    expect(out.bodyBytes).toBe(DEFAULT_BODY_CAP);
    expect(out.body.length).toBe(DEFAULT_BODY_CAP);
    expect(out.error).toBeNull();
  });

  it('records a header block over the cap as headers-too-large', async () => {
    const out = await exchange({ url: `${base}/huge-headers`, dispatcher });
    expect(out.status).toBeNull();
    expect(out.error?.code).toBe('headers-too-large');
  });

  it('decodes a gzip body', async () => {
    const out = await exchange({ url: `${base}/gzip`, dispatcher });
    expect(JSON.parse(out.body)).toEqual({ x402Version: 1, accepts: [] });
    expect(out.bodyTruncated).toBe(false);
  });

  it('stops a gzip bomb (50 MiB of zeros) at the cap instead of inflating it', async () => {
    const out = await exchange({ url: `${base}/bomb`, dispatcher });
    expect(out.status).toBe(402);
    expect(out.bodyTruncated).toBe(true);
    expect(out.body.length).toBeLessThanOrEqual(DEFAULT_BODY_CAP);
  });

  it('records a connection reset mid-body as bodyIncomplete + reset, keeping the status', async () => {
    const out = await exchange({ url: `${base}/reset-mid-body`, dispatcher });
    expect(out.status).toBe(200);
    expect(out.bodyIncomplete).toBe(true);
    expect(out.error?.code).toBe('reset');
  });

  it('records a body that stalls past the deadline as bodyIncomplete + timeout', async () => {
    const out = await exchange({ url: `${base}/stall-body`, timeoutMs: 400, dispatcher });
    expect(out.status).toBe(200);
    expect(out.bodyIncomplete).toBe(true);
    expect(out.error?.code).toBe('timeout');
  });
});

describe('exchange() failures before a response', () => {
  it('times out a server that never answers, within the deadline plus a second', async () => {
    const url = await listenTcp(() => undefined);
    const timeoutMs = 500;
    const out = await exchange({ url, timeoutMs, dispatcher });
    expect(out.status).toBeNull();
    expect(out.error?.code).toBe('timeout');
    expect(out.timings.totalMs).toBeLessThan(timeoutMs + 1000);
    expect(out.limits.timeoutMs).toBe(timeoutMs);
  });

  it('records a refused port as refused', async () => {
    const url = await listenTcp(() => undefined);
    const server = servers.pop()!;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const out = await exchange({ url, timeoutMs: 3000, dispatcher });
    expect(out.status).toBeNull();
    expect(out.error?.code).toBe('refused');
  });

  it('records a reset before the response as reset', async () => {
    const url = await listenTcp((s) => s.once('data', () => s.resetAndDestroy()));
    const out = await exchange({ url, timeoutMs: 3000, dispatcher });
    expect(out.status).toBeNull();
    expect(out.error?.code).toBe('reset');
  });

  it('records a non-HTTP answer as a protocol error', async () => {
    const url = await listenTcp((s) => s.once('data', () => s.end('SSH-2.0-OpenSSH_9.6\r\n\r\n')));
    const out = await exchange({ url, timeoutMs: 3000, dispatcher });
    expect(out.status).toBeNull();
    expect(out.error?.code).toBe('protocol');
  });

  it('records an invalid URL without sending anything', async () => {
    const out = await exchange({ url: 'not a url', dispatcher });
    expect(out.error?.code).toBe('invalid-url');
  });

  it('honours an outer abort signal', async () => {
    const url = await listenTcp(() => undefined);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const out = await exchange({ url, timeoutMs: 10_000, signal: controller.signal, dispatcher });
    expect(out.status).toBeNull();
    expect(out.error).not.toBeNull();
    expect(out.timings.totalMs).toBeLessThan(5_000);
  });
});

describe('exchange() under a run deadline', () => {
  it('is cut at the deadline when less time is left than its own timeout, and says deadline, not timeout', async () => {
    const url = await listenTcp(() => undefined);
    const deadline = startDeadline(300);
    const out = await exchange({ url, timeoutMs: 10_000, dispatcher, deadline });
    deadline.dispose();
    expect(out.status).toBeNull();
    expect(out.error?.code).toBe('deadline');
    expect(out.error?.message).toMatch(/cut by the run deadline after \d+ ms/);
    expect(out.timings.totalMs).toBeLessThan(300 + 1_000);
  });

  it('keeps its own timeout (code timeout) when that comes first', async () => {
    const url = await listenTcp(() => undefined);
    const deadline = startDeadline(60_000);
    const out = await exchange({ url, timeoutMs: 300, dispatcher, deadline });
    deadline.dispose();
    expect(out.error?.code).toBe('timeout');
  });

  it('cuts a body still dripping at the deadline, keeping the status', async () => {
    const url = await listenTcp((s) => s.once('data', () => s.write('HTTP/1.1 402 Payment Required\r\ncontent-length: 1000\r\n\r\n{"x402')));
    const deadline = startDeadline(300);
    const out = await exchange({ url, timeoutMs: 10_000, dispatcher, deadline });
    deadline.dispose();
    expect(out.status).toBe(402);
    expect(out.bodyIncomplete).toBe(true);
    expect(out.error?.code).toBe('deadline');
  });

  it('is cut at the deadline while the connection is still being made (a TLS handshake that never completes)', async () => {
    // undici acts on an abort only once the request has a socket: before that, only its connect timeout would end it.
    const url = (await listenTcp((s) => s.resume())).replace('http:', 'https:');
    const deadline = startDeadline(300);
    const out = await exchange({ url, timeoutMs: 10_000, dispatcher, deadline });
    deadline.dispose();
    expect(out.status).toBeNull();
    expect(out.error?.code).toBe('deadline');
    expect(out.timings.totalMs).toBeLessThan(300 + 1_000);
    const timedOut = await exchange({ url, timeoutMs: 300, dispatcher });
    expect(timedOut.error?.code).toBe('timeout');
    expect(timedOut.timings.totalMs).toBeLessThan(300 + 1_000);
  });

  it('sends nothing once the deadline has passed', async () => {
    let connections = 0;
    const url = await listenTcp(() => void (connections += 1));
    const out = await exchange({ url, timeoutMs: 10_000, dispatcher, deadline: { remainingMs: () => -5 } });
    expect(out.status).toBeNull();
    expect(out.error).toEqual({ code: 'deadline', message: 'not sent: the run deadline had passed' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(connections).toBe(0);
  });
});

describe('exchange() trailers (a streamed answer whose receipt comes last)', () => {
  let base: string;
  beforeAll(async () => {
    base = await listen((req, res) => {
      if (req.url === '/trailer') {
        res.writeHead(200, { 'content-type': 'text/event-stream', trailer: 'PAYMENT-RESPONSE' });
        res.write('data: {"delta":"hi"}\n\n');
        res.write('data: [DONE]\n\n');
        res.addTrailers({ 'PAYMENT-RESPONSE': 'e30=' });
        res.end();
      } else if (req.url === '/huge-trailer') {
        res.writeHead(200, { 'content-type': 'text/event-stream', trailer: 'X-Pad' });
        res.write('data: [DONE]\n\n');
        res.addTrailers({ 'X-Pad': 'a'.repeat(200 * 1024), 'PAYMENT-RESPONSE': 'e30=' });
        res.end();
      } else {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.write('data: {"delta":"hi"}\n\n');
      }
    });
  });

  it('records the trailers of a body read to its end, names lowercased', async () => {
    const out = await exchange({ url: `${base}/trailer`, dispatcher });
    expect(out.status).toBe(200);
    expect(out.body).toContain('[DONE]');
    expect(out.trailers).toEqual({ 'payment-response': 'e30=' });
    expect(out.error).toBeNull();
  });

  it('stops 200 KiB of trailers at the header cap: the body is incomplete and no trailer is kept', async () => {
    const out = await exchange({ url: `${base}/huge-trailer`, dispatcher });
    expect(out.status).toBe(200);
    expect(out.bodyIncomplete).toBe(true);
    expect(out.error?.code).toBe('headers-too-large');
    expect(out.trailers).toBeUndefined();
  });

  it('ends a stream that never ends at its timeout, with no trailers', async () => {
    const started = performance.now();
    const out = await exchange({ url: `${base}/endless`, timeoutMs: 400, dispatcher });
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(out.bodyIncomplete).toBe(true);
    expect(out.error?.code).toBe('timeout');
    expect(out.trailers).toBeUndefined();
  });
});
