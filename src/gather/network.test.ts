/**
 * The network policy, attacked the way registry data would attack it. Only loopback is ever
 * connected to: the other ranges are judged by the classifier alone, and 127.0.0.9 stands in for
 * a public host through a test classifier (a server listening there is reachable on Linux).
 */
import { createServer, type Server } from 'node:http';
import { isIP, type AddressInfo, type LookupFunction, type Socket } from 'node:net';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDeadline } from './deadline.js';
import { createDispatcher, exchange } from './http.js';
import { classifyAddress, NetworkPolicy, type NetworkPolicyOptions } from './network.js';

describe('classifyAddress (no connection is made to any of these)', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['fe80::1', 'linkLocal'],
    ['fd00::1', 'uniqueLocal'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:169.254.169.254', 'linkLocal'],
    ['::ffff:10.0.0.1', 'private'],
    ['64:ff9b::7f00:1', 'rfc6052'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    // Outside 2000::/3, the only IPv6 space allocated for global unicast: ipaddr.js calls these
    // unicast. ::7f00:1 is what a URL parser makes of [::127.0.0.1] (IPv4-compatible, deprecated).
    ['::7f00:1', 'reserved'],
    ['::a00:1', 'reserved'],
    ['4000::1', 'reserved'],
    ['fe00::1', 'reserved'],
    ['not an address', 'invalid'],
  ])('%s is %s, so it is refused to data', (address, range) => {
    expect(classifyAddress(address)).toBe(range);
    expect(new NetworkPolicy().refusal(address, address)).not.toBeNull();
  });

  it.each(['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '2a00:1450:4001::1', '::ffff:8.8.8.8'])('%s is public unicast', (address) => {
    expect(classifyAddress(address)).toBe('unicast');
    expect(new NetworkPolicy().refusal(address, address)).toBeNull();
  });

  it('names the address and the reason in the refusal', () => {
    expect(new NetworkPolicy().refusal('169.254.169.254', '169.254.169.254')?.message).toBe('169.254.169.254 is link-local (cloud metadata lives there)');
    expect(new NetworkPolicy().refusal('metadata.internal', '10.0.0.7')?.message).toBe('metadata.internal resolves to 10.0.0.7, which is a private (RFC 1918) address');
  });
});

/** 127.0.0.9 plays a public host; every other address keeps its real range. */
const PUBLIC_STAND_IN = '127.0.0.9';
const standInClassifier = (address: string) => (address === PUBLIC_STAND_IN ? 'unicast' : classifyAddress(address));

interface Recorder {
  origin: string;
  port: number;
  requests: string[];
}

const servers: Server[] = [];
const sockets = new Set<Socket>();

/** A server that records every request it gets and answers `body`, or redirects to `location`. */
async function recorder(host: string, answer: { body?: string; location?: string; close?: boolean }, port = 0): Promise<Recorder> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const headers: Record<string, string> = answer.close ? { connection: 'close' } : {};
    if (answer.location) res.writeHead(307, { ...headers, location: answer.location }).end();
    else res.writeHead(200, { ...headers, 'content-type': 'text/plain' }).end(answer.body ?? 'ok');
  });
  server.on('connection', (s) => sockets.add(s));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const bound = (server.address() as AddressInfo).port;
  return { origin: `http://${host.includes(':') ? `[${host}]` : host}:${bound}`, port: bound, requests };
}

const dispatcher = createDispatcher();
const policies: NetworkPolicy[] = [];
function policy(options: NetworkPolicyOptions = {}): NetworkPolicy {
  const p = new NetworkPolicy({ classifyAddress: standInClassifier, ...options });
  policies.push(p);
  return p;
}

/** An open pool whose resolver answers every name with `address` (the system's DNS, as the seller controls it). */
function sellerResolvedPool(address: string): Agent {
  const lookup: LookupFunction = (_hostname, options, callback) =>
    options.all ? callback(null, [{ address, family: isIP(address) }]) : callback(null, address, isIP(address));
  return new Agent({ connect: { lookup } });
}

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  await Promise.all([dispatcher.close(), ...policies.map((p) => p.close())]);
});

describe('exchange() under the network policy', () => {
  let admin: Recorder;
  let adminV6: Recorder;
  let stranger: Recorder;
  beforeAll(async () => {
    admin = await recorder('127.0.0.1', { body: 'admin secrets' });
    adminV6 = await recorder('::1', { body: 'admin secrets over v6' });
    stranger = await recorder(PUBLIC_STAND_IN, { location: `${admin.origin}/admin` });
  });

  it('refuses a data target at a loopback address, IPv4 or IPv6, without a request', async () => {
    const network = policy();
    const v4 = await exchange({ url: `${admin.origin}/admin`, method: 'POST', body: '{}', source: 'data', network, dispatcher });
    expect(v4.status).toBeNull();
    expect(v4.error).toEqual({ code: 'forbidden-address', message: '127.0.0.1 is loopback; targets from registry data must be public (--allow-private)' });
    const v6 = await exchange({ url: `${adminV6.origin}/admin`, source: 'data', network, dispatcher });
    expect(v6.error?.message).toMatch(/^::1 is loopback; /);
    expect(v4.body + v6.body).toBe('');
    expect([admin.requests, adminV6.requests]).toEqual([[], []]);
  });

  it('lets the user\'s own loopback target through, and data too with allowPrivate', async () => {
    const mine = await exchange({ url: `${admin.origin}/mine`, network: policy(), dispatcher });
    expect(mine.body).toBe('admin secrets');
    const opted = await exchange({ url: `${admin.origin}/opted-in`, source: 'data', network: policy({ allowPrivate: true }), dispatcher });
    expect(opted.status).toBe(200);
    expect(admin.requests.splice(0)).toEqual(['GET /mine', 'GET /opted-in']);
  });

  it('never reuses a connection opened for the user\'s target for a data exchange to the same origin', async () => {
    const network = policy();
    expect((await exchange({ url: `${admin.origin}/warm`, network, dispatcher })).status).toBe(200);
    const data = await exchange({ url: `${admin.origin}/admin`, source: 'data', network, dispatcher });
    expect(data.error?.code).toBe('forbidden-address');
    expect(admin.requests.splice(0)).toEqual(['GET /warm']);
  });

  it('refuses a redirect from a public origin to loopback, for data and for the user\'s own target', async () => {
    for (const source of ['data', 'user'] as const) {
      const out = await exchange({ url: `${stranger.origin}/start`, method: 'POST', body: '{"cmd":"delete"}', source, network: policy(), dispatcher });
      expect(out.redirects).toMatchObject([{ from: `${stranger.origin}/start`, to: `${admin.origin}/admin`, crossOrigin: true }]);
      expect(out.error?.code, source).toBe('forbidden-address');
      expect(out.error?.message).toContain(source === 'data' ? 'targets from registry data must be public' : 'a redirect away from a public origin must stay public');
    }
    expect(stranger.requests.splice(0)).toEqual(['POST /start', 'POST /start']);
    expect(admin.requests).toEqual([]);
    // Opting in follows it.
    const opted = await exchange({ url: `${stranger.origin}/start`, source: 'data', network: policy({ allowPrivate: true }), dispatcher });
    expect(opted.body).toBe('admin secrets');
    expect(admin.requests.splice(0)).toEqual(['GET /admin']);
    stranger.requests.splice(0);
  });

  it('lets a user target that is itself loopback redirect within loopback (the sandbox)', async () => {
    const hop = await recorder('127.0.0.1', { location: `http://127.0.0.2:${admin.port}/x` });
    const elsewhere = await recorder('127.0.0.2', { body: 'landed' }, admin.port);
    const out = await exchange({ url: `${hop.origin}/go`, network: policy(), dispatcher });
    expect(out.error).toBeNull();
    expect(out.body).toBe('landed');
    expect(elsewhere.requests).toEqual(['GET /x']);
  });

  it('judges a host name by every address it resolves to at connect time (DNS rebinding)', async () => {
    // rebind.test first answers the "public" 127.0.0.9, then 127.0.0.1, on the same port.
    const honest = await recorder(PUBLIC_STAND_IN, { body: 'public answer', close: true });
    const victim = await recorder('127.0.0.1', { body: 'private answer' }, honest.port);
    const answers = [[PUBLIC_STAND_IN], ['127.0.0.1']];
    const lookups: string[] = [];
    const network = policy({ lookup: async (hostname) => (lookups.push(hostname), answers[Math.min(lookups.length - 1, answers.length - 1)]) });
    const url = `http://rebind.test:${honest.port}/price`;
    const first = await exchange({ url, source: 'data', network, dispatcher });
    expect(first.body).toBe('public answer');
    const second = await exchange({ url, source: 'data', network, dispatcher });
    expect(second.error).toEqual({ code: 'forbidden-address', message: 'rebind.test resolves to 127.0.0.1, which is loopback; targets from registry data must be public (--allow-private)' });
    expect(lookups).toEqual(['rebind.test', 'rebind.test']);
    expect(victim.requests).toEqual([]);
  });

  it('refuses a host name when any one of its addresses is not public', async () => {
    const victim = await recorder('127.0.0.1', { body: 'private answer' });
    const network = policy({ lookup: async () => [PUBLIC_STAND_IN, '127.0.0.1'] });
    const out = await exchange({ url: `http://mixed.test:${victim.port}/`, source: 'data', network, dispatcher });
    expect(out.error?.code).toBe('forbidden-address');
    expect(victim.requests).toEqual([]);
  });

  it('judges the user\'s own host by the address its connection reached, not by a second lookup (mixed or rebinding DNS)', async () => {
    // The seller's DNS answers the "public" 127.0.0.9 to the connection and a loopback address
    // as well (mixed) or instead (rebinding) to any later lookup; its server redirects to loopback.
    const victim = await recorder('127.0.0.1', { body: 'private answer' });
    const seller = await recorder(PUBLIC_STAND_IN, { location: `${victim.origin}/admin` });
    const open = sellerResolvedPool(PUBLIC_STAND_IN);
    try {
      for (const later of [[PUBLIC_STAND_IN, '127.0.0.1'], ['127.0.0.1']]) {
        const out = await exchange({ url: `http://seller-${later.length}.test:${seller.port}/price`, network: policy({ lookup: async () => later }), dispatcher: open });
        expect(out.redirects).toHaveLength(1);
        expect(out.error?.code, later.join()).toBe('forbidden-address');
      }
      expect(seller.requests).toEqual(['GET /price', 'GET /price']);
      expect(victim.requests).toEqual([]);
    } finally {
      await open.close();
    }
  });

  it('lets a user host name that connected to loopback redirect within loopback, asking no resolver again', async () => {
    const landing = await recorder('127.0.0.1', { body: 'landed' });
    const hop = await recorder('127.0.0.1', { location: `${landing.origin}/x` });
    const open = sellerResolvedPool('127.0.0.1');
    try {
      // A resolver that never answers: judging the redirect must not wait on it.
      const out = await exchange({ url: `http://sandbox.test:${hop.port}/go`, network: policy({ lookup: () => new Promise(() => {}) }), dispatcher: open, timeoutMs: 2_000 });
      expect(out.error).toBeNull();
      expect(out.body).toBe('landed');
    } finally {
      await open.close();
    }
  }, 10_000);

  it('ends at its own timeout and at the run deadline while the seller\'s DNS never answers', async () => {
    const network = policy({ lookup: () => new Promise(() => {}) });
    const timedOut = await exchange({ url: 'http://slow-dns.test/', source: 'data', network, dispatcher, timeoutMs: 300 });
    expect(timedOut.error?.code).toBe('timeout');
    expect(timedOut.timings.totalMs).toBeLessThan(300 + 1_000);
    const deadline = startDeadline(300);
    const cut = await exchange({ url: 'http://slow-dns.test/', source: 'data', network, dispatcher, timeoutMs: 10_000, deadline });
    deadline.dispose();
    expect(cut.error?.code).toBe('deadline');
    expect(cut.timings.totalMs).toBeLessThan(300 + 1_000);
  });

  it('records a failed lookup as dns, not as a refusal', async () => {
    const network = policy({ lookup: async () => Promise.reject(Object.assign(new Error('getaddrinfo ENOTFOUND nowhere.test'), { code: 'ENOTFOUND' })) });
    const out = await exchange({ url: 'http://nowhere.test/', source: 'data', network, dispatcher });
    expect(out.error?.code).toBe('dns');
  });
});
