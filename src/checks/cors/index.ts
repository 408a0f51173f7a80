import type { Check } from '../types.js';

export const corsChecks: readonly Check[] = [];
