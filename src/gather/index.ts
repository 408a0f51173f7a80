import { forgedGatherer, malformedGatherer } from './attacks.js';
import { challengeGatherer } from './challenge.js';
import { discoveryGatherer } from './discovery.js';
import { extensionValidationGatherer } from './extensionValidation.js';
import { garbageGatherer } from './garbage.js';
import { facilitatorSupportedGatherer } from './facilitator.js';
import { offerGatherer } from './offer.js';
import { followUpGatherer } from './pay/followUp.js';
import { paymentGatherer } from './pay/session.js';
import { settlementGatherer } from './pay/settlement.js';
import { registryAgentGatherer, registryFileGatherer, registryWellKnownGatherer } from './registry.js';
import { tokenInfoGatherer } from './tokenInfo.js';
import type { Gatherer } from './types.js';
import { unpaidGatherer } from './unpaid.js';

/**
 * Every gatherer. The engine orders them from their `meta.dependencies` (engine/gatherArtifacts.ts
 * `planGathering`); this order only breaks ties, and is the order reports list what was cut.
 */
export const gatherers: readonly Gatherer[] = [
  unpaidGatherer,
  challengeGatherer,
  extensionValidationGatherer,
  tokenInfoGatherer,
  facilitatorSupportedGatherer,
  forgedGatherer,
  malformedGatherer,
  discoveryGatherer,
  garbageGatherer,
  paymentGatherer,
  settlementGatherer,
  followUpGatherer,
  registryWellKnownGatherer,
  registryAgentGatherer,
  registryFileGatherer,
  offerGatherer,
];
