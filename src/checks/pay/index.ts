import type { Check } from '../types.js';
import * as forgedRejected from './forged-rejected.js';
import * as malformedRejected from './malformed-rejected.js';

export const payChecks: readonly Check[] = [forgedRejected, malformedRejected];
