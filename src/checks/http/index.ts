import type { Check } from '../types.js';
import * as reachable from './reachable.js';

export const httpChecks: readonly Check[] = [reachable];
