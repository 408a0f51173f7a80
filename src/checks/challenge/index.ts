import type { Check } from '../types.js';

export const challengeChecks: readonly Check[] = [];
