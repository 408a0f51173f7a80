import type { Check } from '../types.js';
import * as accepts from './accepts.js';
import * as decode from './decode.js';
import * as found from './found.js';
import * as headerBodyAgree from './header-body-agree.js';
import * as payable from './payable.js';
import * as version from './version.js';

export const challengeChecks: readonly Check[] = [found, decode, version, headerBodyAgree, accepts, payable];
