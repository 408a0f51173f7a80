import type { Check } from '../types.js';
import * as amountAtomic from './amount-atomic.js';

export const reqChecks: readonly Check[] = [amountAtomic];
