import { toEventSelector, toFunctionSelector, type AbiEvent, type AbiFunction } from 'viem';
import { describe, expect, it } from 'vitest';
import * as trust from './trustAbi.js';

/** Selectors as printed in reference/erc8004.md §4 and §5. */
const REPUTATION_SELECTORS: Record<string, string> = {
  getIdentityRegistry: '0xbc4d861b',
  giveFeedback: '0x3c036a7e',
  revokeFeedback: '0x4ab3ca99',
  appendResponse: '0xc2349ab2',
  getSummary: '0x81bbba58',
  readFeedback: '0x232b0810',
  readAllFeedback: '0xd9d84224',
  getResponseCount: '0x6e04cacd',
  getClients: '0x42dd519c',
  getLastIndex: '0xf2d81759',
};
const VALIDATION_SELECTORS: Record<string, string> = {
  validationRequest: '0xaaf400c4',
  validationResponse: '0x3d659a96',
  getValidationStatus: '0xff2febfc',
  getSummary: '0x1b7cabd6',
  getAgentValidations: '0x8d5d0c2d',
  getValidatorRequests: '0x4bf3158c',
};

const functionsOf = (abi: readonly { type: string }[]) => abi.filter((i) => i.type === 'function') as AbiFunction[];
const eventsOf = (abi: readonly { type: string }[]) => abi.filter((i) => i.type === 'event') as AbiEvent[];

describe('reputationRegistryAbi', () => {
  it('has the selectors of the reference', () => {
    for (const f of functionsOf(trust.reputationRegistryAbi)) {
      expect(REPUTATION_SELECTORS[f.name], f.name).toBeDefined();
      expect(toFunctionSelector(f), f.name).toBe(REPUTATION_SELECTORS[f.name]);
    }
    expect(functionsOf(trust.reputationRegistryAbi)).toHaveLength(Object.keys(REPUTATION_SELECTORS).length);
  });
  it('has the topic0 values of the reference', () => {
    const byName = new Map(eventsOf(trust.reputationRegistryAbi).map((e) => [e.name, toEventSelector(e)]));
    expect(byName.get('NewFeedback')).toBe(trust.NEW_FEEDBACK_TOPIC);
    expect(byName.get('FeedbackRevoked')).toBe(trust.FEEDBACK_REVOKED_TOPIC);
    expect(byName.get('ResponseAppended')).toBe(trust.RESPONSE_APPENDED_TOPIC);
  });
});

describe('validationRegistryAbi', () => {
  it('has the selectors of the reference', () => {
    for (const f of functionsOf(trust.validationRegistryAbi).filter((f) => f.name !== 'getIdentityRegistry')) {
      expect(toFunctionSelector(f), f.name).toBe(VALIDATION_SELECTORS[f.name]);
    }
  });
  it('has the topic0 values of the reference', () => {
    const byName = new Map(eventsOf(trust.validationRegistryAbi).map((e) => [e.name, toEventSelector(e)]));
    expect(byName.get('ValidationRequest')).toBe(trust.VALIDATION_REQUEST_TOPIC);
    expect(byName.get('ValidationResponse')).toBe(trust.VALIDATION_RESPONSE_TOPIC);
  });
});
