import type { Check } from '../types.js';
import * as noStore from './no-store.js';

export const cacheChecks: readonly Check[] = [noStore];
