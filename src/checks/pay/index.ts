import type { Check } from '../types.js';
import * as balanceDelta from './balance-delta.js';
import * as concurrentReplayRejected from './concurrent-replay-rejected.js';
import * as crossRouteReplayRejected from './cross-route-replay-rejected.js';
import * as expiredRejected from './expired-rejected.js';
import * as forgedRejected from './forged-rejected.js';
import * as garbageRejected from './garbage-rejected.js';
import * as identifierFreshNotSettled from './identifier-fresh-not-settled.js';
import * as identifierRetryCached from './identifier-retry-cached.js';
import * as malformedRejected from './malformed-rejected.js';
import * as noChargeWith402 from './no-charge-with-402.js';
import * as paidServed from './paid-served.js';
import * as permit2Approval from './permit2-approval.js';
import * as replayRejected from './replay-rejected.js';
import * as settleLatency from './settle-latency.js';
import * as siwxServed from './siwx-served.js';
import * as settlementHeader from './settlement-header.js';
import * as settlementOnchain from './settlement-onchain.js';
import * as underpaidRejected from './underpaid-rejected.js';
import * as unservedNotCharged from './unserved-not-charged.js';
import * as withinLimits from './within-limits.js';
import * as wrongRecipientRejected from './wrong-recipient-rejected.js';

/** Unpaid attacks first, then the paid session in the order it happens. */
export const payChecks: readonly Check[] = [
  forgedRejected,
  malformedRejected,
  garbageRejected,
  withinLimits,
  permit2Approval,
  underpaidRejected,
  wrongRecipientRejected,
  expiredRejected,
  paidServed,
  concurrentReplayRejected,
  settlementHeader,
  settlementOnchain,
  balanceDelta,
  unservedNotCharged,
  noChargeWith402,
  replayRejected,
  crossRouteReplayRejected,
  identifierRetryCached,
  identifierFreshNotSettled,
  siwxServed,
  settleLatency,
];
