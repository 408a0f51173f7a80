import type { Check } from '../types.js';

export const cacheChecks: readonly Check[] = [];
