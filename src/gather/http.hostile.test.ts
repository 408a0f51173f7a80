/**
 * exchange() against sellers that abuse the wire itself (raw sockets, not node:http): informational
 * answers before the real one, Locations to schemes that are not HTTP, a body the probe stops reading
 * that hides a second response, and a caller whose signal has already fired.
 */
import { type AddressInfo, createServer, type Server, type Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { createDispatcher, exchange } from './http.js';

const servers: Server[] = [];
const sockets = new Set<Socket>();
const dispatcher = createDispatcher({ connections: 1 });

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  await dispatcher.close();
});

/** A raw TCP seller: `answer` gets each request's path and writes whatever bytes it likes. */
async function rawSeller(answer: (path: string, socket: Socket) => void): Promise<{ base: string; connections: () => number }> {
  let connections = 0;
  const server = createServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.on('error', () => {});
    let pending = '';
    socket.on('data', (data) => {
      pending += data.toString('latin1');
      for (let end = pending.indexOf('\r\n\r\n'); end !== -1; end = pending.indexOf('\r\n\r\n')) {
        const path = pending.slice(0, end).split(' ')[1];
        pending = pending.slice(end + 4);
        answer(path, socket);
      }
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, connections: () => connections };
}

const answer = (status: string, headers: string[], body = '') => `HTTP/1.1 ${status}\r\n${[...headers, `content-length: ${Buffer.byteLength(body)}`].join('\r\n')}\r\n\r\n${body}`;

describe('exchange() and informational (1xx) answers', () => {
  it('records the final answer, not a 103 Early Hints sent before it', async () => {
    const { base } = await rawSeller((_path, s) => s.write(`HTTP/1.1 103 Early Hints\r\nlink: </x>; rel=preload\r\n\r\n${answer('402 Payment Required', ['x-final: yes'], 'paid')}`));
    const out = await exchange({ url: base, timeoutMs: 3000, dispatcher });
    expect(out.status).toBe(402);
    expect(out.headers['x-final']).toBe('yes');
    expect(out.headers.link).toBeUndefined();
    expect(out.body).toBe('paid');
    expect(out.error).toBeNull();
  });

  it('waits past a 102 Processing for the answer that follows it', async () => {
    const { base } = await rawSeller((_path, s) => {
      s.write('HTTP/1.1 102 Processing\r\n\r\n');
      setTimeout(() => s.write(answer('402 Payment Required', [], 'late')), 100);
    });
    const out = await exchange({ url: base, timeoutMs: 3000, dispatcher });
    expect(out.status).toBe(402);
    expect(out.body).toBe('late');
    expect(out.timings.headersMs).toBeGreaterThanOrEqual(90);
  });
});

describe('exchange() and Locations that are not HTTP', () => {
  it.each(['ftp://127.0.0.1/x', 'file:///etc/passwd', 'data:text/plain,hi', 'ws://127.0.0.1:1/'])('records a redirect to %s as an error instead of throwing', async (location) => {
    const { base } = await rawSeller((_path, s) => s.write(answer('302 Found', [`location: ${location}`])));
    const out = await exchange({ url: base, timeoutMs: 3000, dispatcher });
    expect(out.error?.code).toBe('invalid-url');
    expect(out.redirects.map((hop) => hop.to)).toEqual([location]);
  });
});

describe('exchange() and a body it stops reading', () => {
  it('never serves what followed a truncated body as the next answer on the connection', async () => {
    const smuggled = answer('200 OK', ['x-smuggled: yes'], 'EVIL');
    const seller = await rawSeller((path, s) => {
      if (path === '/big') s.write(`HTTP/1.1 402 Payment Required\r\ncontent-length: 2000000\r\n\r\n${smuggled}${'x'.repeat(100_000)}`);
      else s.write(answer('402 Payment Required', [], 'honest'));
    });
    const cut = await exchange({ url: `${seller.base}/big`, bodyCap: 10, timeoutMs: 3000, dispatcher });
    expect(cut.bodyTruncated).toBe(true);
    const next = await exchange({ url: `${seller.base}/next`, timeoutMs: 3000, dispatcher });
    expect(next.headers['x-smuggled']).toBeUndefined();
    expect(next.body).toBe('honest');
    expect(seller.connections()).toBe(2);
  });
});

describe('exchange() and an outer signal', () => {
  it('sends nothing and returns at once when the signal has already fired', async () => {
    const seller = await rawSeller(() => undefined);
    const out = await exchange({ url: seller.base, timeoutMs: 3000, signal: AbortSignal.abort(), dispatcher });
    expect(out.status).toBeNull();
    expect(out.error).not.toBeNull();
    expect(out.timings.totalMs).toBeLessThan(1000);
  });
});

describe('exchange() and a method undici would tunnel', () => {
  it('refuses CONNECT as a bad argument at once: no tunnel, no socket left to the seller', async () => {
    const seller = await rawSeller((_path, s) => s.write(answer('200 OK', [])));
    const out = await exchange({ url: seller.base, method: 'CONNECT', timeoutMs: 3000, dispatcher });
    expect(out.status).toBeNull();
    expect(out.error?.code).toBe('invalid-url');
    expect(out.timings.totalMs).toBeLessThan(1000);
    expect(seller.connections()).toBe(0);
  });
});
