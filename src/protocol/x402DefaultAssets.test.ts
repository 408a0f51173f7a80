import { DEFAULT_ASSETS } from '@x402/evm';
import { expect, it } from 'vitest';
import { X402_DEFAULT_ASSETS } from './x402DefaultAssets.js';

it("is @x402/evm's DEFAULT_ASSETS, entry for entry (refresh with node scripts/gen-default-assets.mjs)", () => {
  expect(X402_DEFAULT_ASSETS).toEqual(JSON.parse(JSON.stringify(DEFAULT_ASSETS)));
});
