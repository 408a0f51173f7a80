import type { ExtensionValidation, ExtensionValidationArtifact } from '../artifacts/index.js';
import { declaredExtensions } from '../protocol/extensions.js';
import { missingOptional, pinnedOptional } from '../util/pinnedOptional.js';
import { defineGatherer } from './defineGatherer.js';

const VALIDATOR = '@x402/extensions';

/** The official SDK's validators this gatherer runs, each returning `{ valid, errors? }` and never meant to throw. */
export interface ExtensionValidators {
  validateDiscoveryExtensionSpec(extension: Record<string, unknown>): { valid: boolean; errors?: string[] };
  validateDiscoveryExtension(extension: Record<string, unknown>): { valid: boolean; errors?: string[] };
  validatePaymentIdentifier(extension: unknown): { valid: boolean; errors?: string[] };
}

const importValidatorModules = () => Promise.all([import('@x402/extensions/bazaar'), import('@x402/extensions/payment-identifier')]);

/**
 * @x402/extensions' bazaar and payment-identifier validators: subpath imports, so the
 * sign-in-with-x signing stack (siwe, jose, curves) stays out. Null when the package is not
 * installed (a core install); any other failure to load is a bug and throws.
 */
export async function loadExtensionValidators(importModules = importValidatorModules): Promise<ExtensionValidators | null> {
  try {
    const [bazaar, paymentIdentifier] = await importModules();
    return {
      validateDiscoveryExtensionSpec: (e) => bazaar.validateDiscoveryExtensionSpec(e),
      validateDiscoveryExtension: (e) => bazaar.validateDiscoveryExtension(e as unknown as Parameters<typeof bazaar.validateDiscoveryExtension>[0]),
      validatePaymentIdentifier: (e) => paymentIdentifier.validatePaymentIdentifier(e),
    };
  } catch (error) {
    if (missingOptional(error, VALIDATOR)) return null;
    throw error;
  }
}

/** A validator's answer; one that throws (a hostile schema can make ajv throw) is an invalid declaration. */
function guarded(run: () => { valid: boolean; errors?: string[] }): ExtensionValidation {
  try {
    const r = run();
    return { valid: r.valid, errors: r.errors ?? [] };
  } catch (error) {
    return { valid: false, errors: [error instanceof Error ? error.message : String(error)] };
  }
}

/** A Bazaar discovery declaration: its `info` against its own `schema`, and the protocol's rules. */
export function validateBazaar(validators: ExtensionValidators, extension: unknown): ExtensionValidation {
  if (typeof extension !== 'object' || extension === null || Array.isArray(extension)) return { valid: false, errors: ['it is not an object'] };
  const spec = guarded(() => validators.validateDiscoveryExtensionSpec(extension as Record<string, unknown>));
  const own = guarded(() => validators.validateDiscoveryExtension(extension as Record<string, unknown>));
  return { valid: spec.valid && own.valid, errors: [...spec.errors, ...own.errors] };
}

/** A payment-identifier declaration: `info.required` a boolean, and an `id` (a client's) only in the id format. */
export function validatePaymentIdentifierDeclaration(validators: ExtensionValidators, extension: unknown): ExtensionValidation {
  return guarded(() => validators.validatePaymentIdentifier(extension));
}

/**
 * The gatherer, with the loader as a seam: tests hand it one that finds no package, as a core
 * install does.
 */
export function createExtensionValidationGatherer(load: () => Promise<ExtensionValidators | null> = loadExtensionValidators) {
  return defineGatherer({
    meta: { artifact: 'extensionValidation', dependencies: ['challenge'], offline: true },
    skipReason: ({ artifacts }) => {
      const declared = declaredExtensions(artifacts.challenge);
      return declared?.bazaar === undefined && declared?.['payment-identifier'] === undefined ? 'the 402 declares neither a bazaar nor a payment-identifier extension' : null;
    },
    gather: async ({ artifacts }): Promise<ExtensionValidationArtifact> => {
      const declared = declaredExtensions(artifacts.challenge) ?? {};
      const [pinned] = pinnedOptional([VALIDATOR]);
      const validators = await load();
      if (!validators) return { validator: null, install: pinned };
      return {
        validator: pinned,
        ...(declared.bazaar !== undefined && { bazaar: validateBazaar(validators, declared.bazaar) }),
        ...(declared['payment-identifier'] !== undefined && { paymentIdentifier: validatePaymentIdentifierDeclaration(validators, declared['payment-identifier']) }),
      };
    },
  });
}

/** The 402's bazaar and payment-identifier declarations through @x402/extensions' own validators. */
export const extensionValidationGatherer = createExtensionValidationGatherer();
