import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { Cancellation } from './cancellation.js';
import { createDispatcher, exchange } from './http.js';

const sockets = new Set<Socket>();
let server: Server | undefined;
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

/** Redirects whose bodies never end (each keeps its request's abort listener), then a 200, a hang, or a drip. */
async function hostileSeller(): Promise<string> {
  server = createServer((req, res) => {
    const [, kind, hop] = req.url!.split('/');
    if (Number(hop) < 5) {
      res.writeHead(302, { location: `/${kind}/${Number(hop) + 1}`, 'content-length': '100000' });
      res.write('x'.repeat(10));
      return;
    }
    if (kind === 'ok') res.end('done');
    else if (kind === 'drip') {
      res.writeHead(200, { 'content-length': '100000' });
      res.write('x');
    } // 'hang': no headers at all
  });
  server.on('connection', (s) => sockets.add(s));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('Cancellation', () => {
  it('fires once, with an AbortError reason', () => {
    const cancel = new Cancellation();
    let fired = 0;
    cancel.on('abort', () => (fired += 1));
    cancel.abort();
    cancel.abort();
    expect([cancel.aborted, fired, (cancel.reason as Error).name]).toEqual([true, 1, 'AbortError']);
  });

  it('over redirects with bodies that never end, then a hang, a drip or a 200: same codes, no listener warning, no unhandled rejection', async () => {
    const base = await hostileSeller();
    const dispatcher = createDispatcher();
    const warnings: string[] = [];
    const rejections: unknown[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    const onRejection = (r: unknown) => rejections.push(r);
    process.on('warning', onWarning);
    process.on('unhandledRejection', onRejection);
    try {
      const outs = await Promise.all(
        Array.from({ length: 12 }, (_, i) => exchange({ url: `${base}/${['ok', 'hang', 'drip'][i % 3]}/0`, timeoutMs: 600, maxRedirects: 5, dispatcher })),
      );
      const byKind = outs.slice(0, 3).map((o) => [o.status, o.error?.code ?? null, o.redirects.length]);
      expect(byKind).toEqual([
        [200, null, 5],
        [null, 'timeout', 5],
        [200, 'timeout', 5],
      ]);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(warnings).toEqual([]);
      expect(rejections).toEqual([]);
    } finally {
      process.off('warning', onWarning);
      process.off('unhandledRejection', onRejection);
      await dispatcher.close().catch(() => {});
    }
  });
});
