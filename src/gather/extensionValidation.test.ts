import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { declareDiscoveryExtension } from '@x402/extensions/bazaar';
import { declarePaymentIdentifierExtension } from '@x402/extensions/payment-identifier';
import { afterAll, describe, expect, it } from 'vitest';
import * as bazaarCheck from '../checks/discovery/bazaar.js';
import * as paymentIdentifierCheck from '../checks/extensions/payment-identifier.js';
import { runChecks } from '../engine/runChecks.js';
import { challengeOf, v2PaymentRequired, v2Requirement, v2Response } from '../../test/helpers/artifacts.js';
import { gatherWith } from '../../test/helpers/gather.js';
import { createExtensionValidationGatherer, extensionValidationGatherer, loadExtensionValidators } from './extensionValidation.js';

const challengeWith = (extensions: Record<string, unknown>) => challengeOf(v2Response(v2PaymentRequired([v2Requirement()], { extensions })));
const declared = declareDiscoveryExtension({ input: { city: 'Berlin' }, inputSchema: { properties: { city: { type: 'string' } }, required: ['city'] } });
const bazaar = { ...declared.bazaar, info: { ...declared.bazaar.info, input: { ...declared.bazaar.info.input, method: 'GET' } } };

/** The error node's own loader throws importing `specifier` from `dir` (vitest's resolver would find the checkout's copy). */
async function nodeImportErrorFrom(dir: string, specifier: string): Promise<Error> {
  const script = join(dir, 'importOne.mjs');
  writeFileSync(script, `import(${JSON.stringify(specifier)}).then(() => console.log('{}'), (e) => console.log(JSON.stringify({ code: e.code, message: e.message })));\n`);
  const { stdout } = await promisify(execFile)(process.execPath, [script], { cwd: dir });
  const { code, message } = JSON.parse(stdout) as { code?: string; message?: string };
  return Object.assign(new Error(message ?? 'it loaded'), { code });
}

/** A directory outside node_modules' reach: a module there that imports @x402/extensions fails as a core install does. */
const elsewhere = mkdtempSync(join(tmpdir(), 'x402-probe-core-'));
afterAll(() => rmSync(elsewhere, { recursive: true, force: true }));

describe('extensionValidationGatherer', () => {
  it('records what @x402/extensions says of each declaration', async () => {
    const challenge = challengeWith({ bazaar, 'payment-identifier': { ...declarePaymentIdentifierExtension(true), info: { required: 'yes' } } });
    const { artifact } = await gatherWith(extensionValidationGatherer, { given: { challenge } });
    expect(artifact?.validator).toBe('@x402/extensions@2.27.0');
    expect(artifact?.bazaar).toEqual({ valid: true, errors: [] });
    expect(artifact?.paymentIdentifier?.valid).toBe(false);
  });

  it('a hostile schema that makes the validator throw is an invalid declaration, not a failed gatherer', async () => {
    // An unresolvable local $ref makes ajv's compile throw; a remote one must never be fetched.
    const hostile = { ...bazaar, schema: { type: 'object', properties: { input: { $ref: '#/definitions/nowhere' } } } };
    const remote = { ...bazaar, schema: { $ref: 'http://127.0.0.1:9/schema.json' } };
    for (const ext of [hostile, remote]) {
      const { artifact, notGathered } = await gatherWith(extensionValidationGatherer, { given: { challenge: challengeWith({ bazaar: ext }) } });
      expect(notGathered).toBeUndefined();
      expect(artifact?.bazaar?.valid).toBe(false);
      expect(artifact?.bazaar?.errors.join(' ')).not.toBe('');
    }
  });

  it('loads nothing when the 402 declares neither extension', async () => {
    let loaded = false;
    const gatherer = createExtensionValidationGatherer(async () => ((loaded = true), null));
    const { notGathered } = await gatherWith(gatherer, { given: { challenge: challengeWith({ 'sign-in-with-x': {} }) } });
    expect(notGathered).toMatch(/declares neither/);
    expect(loaded).toBe(false);
  });

  it('a core install (no @x402/extensions): the loader says so, and both checks skip naming the install line', async () => {
    const missing = await loadExtensionValidators(async () => Promise.reject(await nodeImportErrorFrom(elsewhere, '@x402/extensions/bazaar')));
    expect(missing).toBeNull();

    const challenge = challengeWith({ bazaar, 'payment-identifier': declarePaymentIdentifierExtension(true) });
    const { artifact, artifacts } = await gatherWith(createExtensionValidationGatherer(async () => null), { given: { challenge } });
    expect(artifact).toEqual({ validator: null, install: '@x402/extensions@2.27.0' });
    const results = runChecks([bazaarCheck, paymentIdentifierCheck], artifacts, {});
    for (const r of results) {
      expect(r.status, r.id).toBe('skip');
      expect(r.message).toContain('npm install @x402/extensions@2.27.0');
    }
  });

  it('any other failure to load is not taken for a core install', async () => {
    await expect(loadExtensionValidators(async () => Promise.reject(new SyntaxError('Unexpected token')))).rejects.toThrow('Unexpected token');
  });
});
