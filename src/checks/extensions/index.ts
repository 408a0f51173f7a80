import type { Check } from '../types.js';
import * as paymentIdentifier from './payment-identifier.js';
import * as signInWithX from './sign-in-with-x.js';

/** Extensions the 402 declares that x402-probe knows; others are listed in the report, never failed. */
export const extensionsChecks: readonly Check[] = [paymentIdentifier, signInWithX];
