/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The HTML pages in a real headless Chromium (Debian's, through playwright-core): they render
 * with no console error, no page error and no request at all; what is wrong is in the first
 * 1280x800 viewport; and a hostile seller's strings stay text (no script runs, no attribute is
 * broken out of, no javascript: link). A missing /usr/bin/chromium fails here, never skips.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editFirst, makeSeller } from '../fixtures/sellers/good.js';
import { startFixtureServer, type FixtureServer } from '../fixtures/sellers/server.js';
import { marketPage } from '../src/cli/htmlPages.js';
import { priceResearch } from '../src/obol/marketPricing.js';
import { main } from '../src/cli/main.js';
import { run } from '../src/engine/run.js';
import type { MarketResult, MarketService } from '../src/registry/market.js';
import { render } from '../src/report/html.js';
import { launchChromium, openHtml, type OpenedPage } from './helpers/chromium.js';
import { captureIO } from './helpers/cli.js';
import { manyFindingsReport } from './helpers/report.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const tmp = mkdtempSync(join(tmpdir(), 'x402-probe-html-'));
const servers: FixtureServer[] = [];
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => s.close()));
  rmSync(tmp, { recursive: true, force: true });
});

/** A seller with an error and warnings a buyer would meet: decimal amount, no CORS exposure, no Cache-Control. */
const brokenSeller = makeSeller('v2', {
  challenge: editFirst((r) => {
    r.amount = '0.01';
  }),
  headers: (h) => {
    delete h['access-control-expose-headers'];
    delete h['cache-control'];
  },
});

async function serve(handler: Parameters<typeof startFixtureServer>[0], path?: string): Promise<FixtureServer> {
  const server = await startFixtureServer(handler, path ? { path } : {});
  servers.push(server);
  return server;
}

/** What a hostile value must not have done once the page rendered. */
async function assertInert(page: Page, scripts: number): Promise<void> {
  const state = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned,
    scripts: document.scripts.length,
    handlers: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.tagName}[${a.name}]`)),
    hrefs: [...document.querySelectorAll('[href],[src],[action],[formaction]')].map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('action') ?? el.getAttribute('formaction') ?? ''),
    images: document.images.length,
    iframes: document.querySelectorAll('iframe,object,embed,form,base,meta[http-equiv=refresh]').length,
  }));
  expect(state.pwned, 'a seller-controlled script or handler ran').toBeUndefined();
  expect(state.scripts, 'only the page’s own scripts').toBe(scripts);
  expect(state.handlers, 'no seller-made event handler attribute').toEqual([]);
  for (const href of state.hrefs) expect(href, 'every link is http(s)').toMatch(/^https?:\/\//);
  expect(state.images).toBe(0);
  expect(state.iframes).toBe(0);
}

function expectQuiet(opened: OpenedPage): void {
  expect(opened.errors, 'console errors and page errors').toEqual([]);
  expect(opened.requests, 'requests the page made').toEqual([]);
}

const HOSTILE = `"><img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>' onmouseover='window.__pwned=3`;

describe('the check report in Chromium', () => {
  it('renders a real failing probe with no errors or requests, failures in the first viewport', async () => {
    const server = await serve(brokenSeller);
    const { report } = await run({ url: server.url, timeoutMs: 3_000, attacks: true });
    expect(report.verdict).toBe('fail');
    const opened = await openHtml(browser, render(report));
    try {
      expectQuiet(opened);
      await assertInert(opened.page, 0);
      const failures = await opened.page.locator('#failures').boundingBox();
      const firstFailure = await opened.page.locator('#failures .finding.fail').first().boundingBox();
      expect(failures, '#failures is laid out').not.toBeNull();
      expect(firstFailure!.y + Math.min(firstFailure!.height, 120), 'the first failure starts in the first 1280x800 viewport').toBeLessThan(800);
      expect(firstFailure!.x).toBeGreaterThanOrEqual(0);
      expect(firstFailure!.x + firstFailure!.width).toBeLessThanOrEqual(1280);
      expect(await opened.page.locator('#check-req\\.amount-atomic').isVisible()).toBe(true);
      expect(await opened.page.locator('#verdict').textContent()).toBe('FAIL');
      expect(await opened.page.locator('#requirements tbody tr').count()).toBe(report.requirements.length);
      expect(await opened.page.locator('#timings tbody tr').count()).toBe(Object.keys(report.timings ?? {}).length);
      expect(Object.keys(report.timings ?? {}).length).toBeGreaterThan(0);
      expect(await opened.page.locator('#passed details').first().getAttribute('open')).toBeNull();
      const shot = join(tmp, 'html-report.png');
      await opened.page.screenshot({ path: shot });
      expect(readFileSync(shot).subarray(1, 4).toString()).toBe('PNG');
      // The README's picture: refreshed on demand, so a run leaves the checkout as it was.
      if (process.env.X402_PROBE_UPDATE_SCREENSHOT === '1') {
        mkdirSync(join(ROOT, 'docs/img'), { recursive: true });
        copyFileSync(shot, join(ROOT, 'docs/img/html-report.png'));
      }
    } finally {
      await opened.close();
    }
  }, 60_000);

  it('keeps a hostile seller’s strings inert: no script, no broken-out attribute, no javascript: link', async () => {
    const report = manyFindingsReport(3, { target: `https://x.example/${HOSTILE}`, method: HOSTILE });
    report.checks = report.checks.map((c) => (c.id === 'challenge.decode' ? { ...c, message: HOSTILE, evidence: HOSTILE, docsUrl: 'javascript:window.__pwned=4', specRef: 'java\tscript:window.__pwned=5' } : c));
    report.requirements[0] = { ...report.requirements[0], payTo: HOSTILE, network: HOSTILE, symbol: HOSTILE };
    report.timings = { [HOSTILE]: 5 };
    const opened = await openHtml(browser, render(report));
    try {
      expectQuiet(opened);
      await assertInert(opened.page, 0);
      for (const link of await opened.page.locator('a').all()) await link.hover();
      expect(await opened.page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
      expect(await opened.page.locator('#check-challenge\\.decode pre').first().textContent()).toBe(HOSTILE);
    } finally {
      await opened.close();
    }
  }, 60_000);
});

async function columnTexts(page: Page, column: number): Promise<string[]> {
  return page.$$eval(`#results tbody tr td:nth-child(${column})`, (cells) => cells.map((c) => c.textContent ?? ''));
}

describe('the scan and market pages in Chromium', () => {
  it('scan --html writes a page whose table sorts and whose chart has a bar per price range', async () => {
    const cheap = await serve(makeSeller('v2'), '/cheap');
    const dear = await serve(makeSeller('v2', { challenge: editFirst((r) => void (r.amount = '50000')) }), '/dear');
    const broken = await serve(brokenSeller, '/broken');
    const list = join(tmp, 'targets.txt');
    const out = join(tmp, 'scan.html');
    writeFileSync(list, `${dear.url}\n${broken.url}\n${cheap.url}\n`);
    const cli = captureIO();
    expect(await main(['scan', list, '--html', out, '--no-attacks', '--timeout', '3000', '--concurrency', '3'], cli.io), cli.err()).toBe(1);
    expect(cli.err()).toContain(`HTML page written to ${out}`);
    const opened = await openHtml(browser, readFileSync(out, 'utf8'));
    try {
      expectQuiet(opened);
      await assertInert(opened.page, 1);
      expect(await opened.page.locator('#chart svg rect').count()).toBeGreaterThan(0);
      const price = opened.page.locator('#results th', { hasText: 'price' }).locator('button');
      await price.click();
      const ascending = await columnTexts(opened.page, 5);
      expect(ascending[0]).toBe('-');
      expect(ascending.slice(1)).toEqual(['0.01 USDC', '0.05 USDC']);
      await price.click();
      expect(await columnTexts(opened.page, 5)).toEqual([...ascending].reverse());
      expect(await opened.page.locator('#results th[aria-sort=descending]').textContent()).toBe('price');
      expect(opened.errors).toEqual([]);
    } finally {
      await opened.close();
    }
  }, 60_000);

  it('the market page keeps hostile registry data inert and sorts by price', async () => {
    const service = (agentId: string, perRequest: string | null, overrides: Partial<MarketService> = {}): MarketService => ({
      agentId, agentName: `agent ${agentId}`, service: null, endpoint: `https://a${agentId}.example/v1/chat/completions`, type: 'inference', model: 'llama3',
      status: perRequest === null ? 'unreachable' : 'priced', httpStatus: 402, method: 'POST', x402Version: 2, network: 'eip155:84532', asset: null,
      symbol: perRequest === null ? null : 'USDC', amount: null, perRequest, perMTok: null, perMTokSource: null, advertised: null, error: null, trust: null, ...overrides,
    });
    const result: MarketResult = {
      chainId: 84532, registry: '0x8004A818BFB912233c491871b3d84c89A494BD9e', agents: 4, x402Agents: 4, excluded: {}, validationDeployed: null, validatedBy: null,
      services: [
        service('3', '0.02'),
        service('1', '0.001', { agentName: HOSTILE, model: HOSTILE, endpoint: 'javascript:window.__pwned=6' }),
        service('2', '0.005', { endpoint: `https://b.example/${HOSTILE}` }),
        service('4', null),
      ],
      band: { count: 3, min: '0.001', q1: '0.003', median: '0.005', q3: '0.0125', max: '0.02', symbol: 'USDC' },
      bandPerMTok: null,
    };
    const research = priceResearch({ services: result.services, band: result.band, type: 'inference', model: HOSTILE });
    const opened = await openHtml(browser, marketPage(result, HOSTILE, { research, inputs: { watts: '300', energyPrice: '0.20', tokensPerRequest: 1000 } }));
    try {
      expectQuiet(opened);
      await assertInert(opened.page, 1);
      expect(await opened.page.locator('#results tbody td', { hasText: 'javascript:window.__pwned=6' }).locator('a').count()).toBe(0);
      await opened.page.locator('#results th', { hasText: 'per request' }).locator('button').click();
      expect(await columnTexts(opened.page, 6)).toEqual(['-', '0.001 USDC', '0.005 USDC', '0.02 USDC']);
      await opened.page.locator('#results th', { hasText: 'agent' }).locator('button').click();
      expect(await columnTexts(opened.page, 1)).toEqual(['1', '2', '3', '4']);
      expect(await opened.page.locator('#chart svg title').allTextContents()).not.toHaveLength(0);
      // The pricing research the terminal prints under the table is on the page too.
      const pricing = await opened.page.locator('section', { has: opened.page.locator('h2', { hasText: 'Pricing' }) }).innerText();
      expect(pricing).toContain('candidates:');
      expect(pricing).toContain('cost floor: not measured');
      expect(pricing).toContain('x402-probe never sets one');
      expect(opened.errors).toEqual([]);
    } finally {
      await opened.close();
    }
  }, 60_000);
});

describe('the CLI picks the new reporters', () => {
  it('check --reporter html and markdown print their formats on stdout and exit 1 for a failing seller', async () => {
    const server = await serve(brokenSeller);
    const html = captureIO();
    expect(await main(['check', server.url, '--reporter', 'html', '--no-attacks', '--timeout', '3000'], html.io)).toBe(1);
    expect(html.out()).toMatch(/^<!doctype html>\n/);
    expect(html.out()).toContain('id="check-req.amount-atomic"');
    const md = captureIO();
    expect(await main(['check', server.url, '--reporter', 'markdown', '--no-attacks', '--timeout', '3000'], md.io)).toBe(1);
    expect(md.out()).toMatch(/^## x402-probe: ❌ FAIL for /);
  }, 30_000);

  it('scan --html to a path that cannot be written is a usage error (exit 2, one line) before any probe', async () => {
    let requests = 0;
    const good = makeSeller('v2');
    const server = await serve((req, res, ctx) => {
      requests += 1;
      return good(req, res, ctx);
    });
    const list = join(tmp, 'one.txt');
    writeFileSync(list, `${server.url}\n`);
    const cli = captureIO();
    expect(await main(['scan', list, '--html', join(tmp, 'no/such/dir/scan.html'), '--no-attacks', '--timeout', '3000'], cli.io)).toBe(2);
    expect(cli.err()).toMatch(/^x402-probe: cannot write --html ".*scan\.html" \(ENOENT\)\n$/m);
    expect(requests).toBe(0);
  }, 30_000);
});

describe('the chromium helper', () => {
  it('fails naming the missing browser and the fix (a test that needs it fails, never skips)', async () => {
    await expect(launchChromium('/nonexistent/chromium')).rejects.toThrow('/nonexistent/chromium is missing: the HTML reports are tested in Debian\'s Chromium; run "apt-get install -y chromium" (.ci/run does)');
  });
});
