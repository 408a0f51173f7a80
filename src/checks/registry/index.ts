import type { Check } from '../types.js';
import * as active from './active.js';
import * as addressCanonical from './address-canonical.js';
import * as agentExists from './agent-exists.js';
import * as backReference from './back-reference.js';
import * as domainVerified from './domain-verified.js';
import * as endpointListed from './endpoint-listed.js';
import * as fileSchema from './file-schema.js';
import * as payToAgrees from './pay-to-agrees.js';
import * as priceAgrees from './price-agrees.js';
import * as uriResolves from './uri-resolves.js';
import * as x402Support from './x402-support.js';

/** ERC-8004 cross-checks, in the order a buyer meets them: the agent, its file, then agreement with the 402. */
export const registryChecks: readonly Check[] = [
  agentExists,
  uriResolves,
  fileSchema,
  backReference,
  addressCanonical,
  endpointListed,
  x402Support,
  active,
  domainVerified,
  payToAgrees,
  priceAgrees,
];
