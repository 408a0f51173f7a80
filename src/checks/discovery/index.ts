import type { Check } from '../types.js';
import * as agrees from './agrees.js';
import * as bazaar from './bazaar.js';
import * as documents from './documents.js';
import * as listed402 from './listed-402.js';

/** Discovery: the documents indexers read, the resources they list, and whether they tell the truth about the 402. */
export const discoveryChecks: readonly Check[] = [documents, listed402, agrees, bazaar];
