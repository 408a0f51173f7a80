import type { Check } from '../types.js';
import * as conditionsReady from './conditions-ready.js';
import * as exists from './exists.js';
import * as registeredOnchain from './registered-onchain.js';
import * as specAgrees from './spec-agrees.js';

// exists first: the other two skip when there is no offer to judge.
export const offerChecks: readonly Check[] = [exists, conditionsReady, specAgrees, registeredOnchain];
