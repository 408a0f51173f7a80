import type { Check } from '../types.js';
import * as exposeHeaders from './expose-headers.js';

export const corsChecks: readonly Check[] = [exposeHeaders];
