/**
 * Debian's Chromium driven by playwright-core, for the pages a person looks at. A page opened
 * here records every request it makes and every console error or page error, so a test can
 * assert a self-contained, quiet page. A missing browser fails the test, naming the fix.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

export async function launchChromium(executablePath = CHROMIUM): Promise<Browser> {
  if (!existsSync(executablePath)) {
    throw new Error(`${executablePath} is missing: the HTML reports are tested in Debian's Chromium; run "apt-get install -y chromium" (.ci/run does)`);
  }
  return chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface OpenedPage {
  page: Page;
  /** URLs of every request the page made after its content was set. */
  requests: string[];
  /** Console messages of type error, and uncaught page errors. */
  errors: string[];
  close(): Promise<void>;
}

/** A 1280x800 page with `html` as its content, loaded from no URL (so nothing but the page itself could ask the network). */
export async function openHtml(browser: Browser, html: string): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, javaScriptEnabled: true });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  // Any request that slips out is refused, never sent: the tests stay on this machine.
  await context.route('**/*', (route) => route.abort());
  await page.setContent(html, { waitUntil: 'load' });
  return { page, requests, errors, close: () => context.close() };
}
