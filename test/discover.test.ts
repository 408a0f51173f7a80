/** `discover <origin>`: the listing, --json, and --probe over a loopback seller whose listing holds a dead route. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seller as listed404 } from '../fixtures/sellers/broken/discovery-listed-404.js';
import { type FixtureServer, startFixtureServer } from '../fixtures/sellers/server.js';
import { main } from '../src/cli/main.js';
import { captureIO } from './helpers/cli.js';

describe('x402-probe discover', () => {
  let server: FixtureServer;
  let empty: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer(listed404.handler);
    empty = await startFixtureServer((_req, res) => void res.writeHead(404).end());
  });
  afterAll(async () => {
    await Promise.all([server?.close(), empty?.close()]);
  });

  it('lists what /.well-known/x402 advertises, as JSON', async () => {
    const { io, out } = captureIO();
    expect(await main(['discover', server.url, '--json', '--timeout', '3000'], io)).toBe(0);
    const listing = JSON.parse(out());
    expect(listing.origin).toBe(server.origin);
    expect(listing.resources.map((r: { url: string }) => new URL(r.url).pathname)).toEqual(['/api/weather', '/api/forecast']);
    expect(listing.documents.map((d: { status: number }) => d.status)).toEqual([404, 404, 200]);
  });

  it('with --probe, checks each resource and fails on the dead one', async () => {
    const { io, out } = captureIO();
    expect(await main(['discover', server.origin, '--probe', '--timeout', '3000'], io)).toBe(1);
    expect(out()).toMatch(/PASS .*\/api\/weather/);
    expect(out()).toMatch(/FAIL .*\/api\/forecast.*http\.status-402/);
  });

  it('says so when nothing is advertised', async () => {
    const { io, out } = captureIO();
    expect(await main(['discover', empty.origin, '--timeout', '3000'], io)).toBe(0);
    expect(out()).toContain('No resources advertised');
  });
});
