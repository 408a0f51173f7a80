import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { startSandbox } from '../../src/sandbox/startSandbox.js';
import type { Sandbox } from '../../src/sandbox/types.js';
import { usdcBalance } from './helpers.js';

// As on an install without devDependencies: the legacy x402-express cannot be imported.
vi.mock('../../src/sandbox/sellers/v1Express.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/sandbox/sellers/v1Express.js')>()),
  loadLegacyExpress: () => Promise.reject(new Error("Cannot find package 'x402-express'")),
}));

let sandbox: Sandbox;
const steps: string[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ onProgress: (step) => steps.push(step), buyerFunds: '5' });
});

afterAll(async () => {
  await sandbox?.stop();
});

it('starts without the v1 seller and says why', () => {
  expect(sandbox.sellers.map((s) => s.name)).toEqual(['v2-express', 'obol-gate']);
  expect(steps.some((step) => /x402-express.*skipped.*Cannot find package/.test(step))).toBe(true);
});

it('still registers one agent per seller, with a data: URI and an http URI', () => {
  expect(sandbox.sellers.map((s) => s.agentId)).toEqual(['0', '1']);
  expect(sandbox.sellers.map((s) => s.agentURI.split(':')[0])).toEqual(['data', 'http']);
});

it('mints buyerFunds to every buyer', async () => {
  for (const buyer of sandbox.accounts.buyers) expect(await usdcBalance(sandbox, buyer.address)).toBe(5_000_000n);
});
