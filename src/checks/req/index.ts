import type { Check } from '../types.js';
import * as amountAtomic from './amount-atomic.js';
import * as asset from './asset.js';
import * as description from './description.js';
import * as eip712Domain from './eip712-domain.js';
import * as expectAsset from './expect-asset.js';
import * as expectNetwork from './expect-network.js';
import * as expectPayTo from './expect-pay-to.js';
import * as expectPrice from './expect-price.js';
import * as network from './network.js';
import * as payTo from './pay-to.js';
import * as resourceUrl from './resource-url.js';
import * as scheme from './scheme.js';
import * as timeout from './timeout.js';
import * as transferMethod from './transfer-method.js';
import * as uptoFacilitator from './upto-facilitator.js';

export const reqChecks: readonly Check[] = [
  scheme,
  network,
  amountAtomic,
  asset,
  payTo,
  eip712Domain,
  transferMethod,
  uptoFacilitator,
  timeout,
  resourceUrl,
  description,
  expectPrice,
  expectPayTo,
  expectNetwork,
  expectAsset,
];
