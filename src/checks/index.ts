import { cacheChecks } from './cache/index.js';
import { challengeChecks } from './challenge/index.js';
import { corsChecks } from './cors/index.js';
import { discoveryChecks } from './discovery/index.js';
import { extensionsChecks } from './extensions/index.js';
import { httpChecks } from './http/index.js';
import { offerChecks } from './offer/index.js';
import { payChecks } from './pay/index.js';
import { registryChecks } from './registry/index.js';
import { reqChecks } from './req/index.js';
import type { Check } from './types.js';

/**
 * Every check, in report order. Each area's index lists its checks by name; there is no
 * run-time globbing, so a new check is added to its area's index.
 */
export const allChecks: readonly Check[] = [...httpChecks, ...challengeChecks, ...reqChecks, ...corsChecks, ...cacheChecks, ...extensionsChecks, ...discoveryChecks, ...payChecks, ...registryChecks, ...offerChecks];
