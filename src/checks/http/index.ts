import type { Check } from '../types.js';
import * as bodyComplete from './body-complete.js';
import * as deadline from './deadline.js';
import * as headerSize from './header-size.js';
import * as https from './https.js';
import * as reachable from './reachable.js';
import * as redirects from './redirects.js';
import * as status402 from './status-402.js';
import * as timeout from './timeout.js';

// reachable stays first: every other check reads a response it vouches for.
export const httpChecks: readonly Check[] = [reachable, status402, redirects, timeout, deadline, headerSize, bodyComplete, https];
