import { forgedGatherer, malformedGatherer } from './attacks.js';
import { challengeGatherer } from './challenge.js';
import { offerGatherer } from './offer.js';
import { tokenInfoGatherer } from './tokenInfo.js';
import { paymentGatherer } from './pay/session.js';
import { registryGatherers } from './registry.js';
import { settlementGatherer } from './pay/settlement.js';
import type { Gatherer } from './types.js';
import { unpaidGatherer } from './unpaid.js';

/** Gatherers in the order they run; each may read the artifacts of those before it. */
export const gatherers: readonly Gatherer[] = [unpaidGatherer, challengeGatherer, tokenInfoGatherer, forgedGatherer, malformedGatherer, paymentGatherer, settlementGatherer, ...registryGatherers, offerGatherer];
