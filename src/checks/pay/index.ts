import type { Check } from '../types.js';

export const payChecks: readonly Check[] = [];
