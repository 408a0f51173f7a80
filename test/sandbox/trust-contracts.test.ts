import { toEventSelector, toFunctionSelector, type AbiEvent, type AbiFunction } from 'viem';
import { describe, expect, it } from 'vitest';
import * as trust from '../../src/registry/trustAbi.js';
import { trustRegistryArtifact, type TrustRegistryName } from '../../src/sandbox/trustRegistries.js';

const shape = (f: AbiFunction) => ({ selector: toFunctionSelector(f), stateMutability: f.stateMutability, outputs: f.outputs.map((o) => o.type) });

const cases: { name: TrustRegistryName; readerAbi: readonly { type: string }[]; topics: Record<string, string> }[] = [
  {
    name: 'ReputationRegistry',
    readerAbi: trust.reputationRegistryAbi,
    topics: { NewFeedback: trust.NEW_FEEDBACK_TOPIC, FeedbackRevoked: trust.FEEDBACK_REVOKED_TOPIC, ResponseAppended: trust.RESPONSE_APPENDED_TOPIC },
  },
  {
    name: 'ValidationRegistry',
    readerAbi: trust.validationRegistryAbi,
    topics: { ValidationRequest: trust.VALIDATION_REQUEST_TOPIC, ValidationResponse: trust.VALIDATION_RESPONSE_TOPIC },
  },
];

// The reader ABIs are pinned to reference/erc8004.md §4–5 by src/registry/trustAbi.test.ts; the
// sandbox contracts must answer every call and emit every event the probe knows, with the same shapes.
describe.each(cases)('committed $name artifact', ({ name, readerAbi, topics }) => {
  const { abi, bytecode, deployedBytecode } = trustRegistryArtifact(name);
  const functions = abi.filter((item): item is AbiFunction => item.type === 'function');
  const events = abi.filter((item): item is AbiEvent => item.type === 'event');

  it('implements every function of the reader ABI with the same selector, outputs and mutability', () => {
    const ours = new Map(functions.map((f) => [toFunctionSelector(f) as string, shape(f)]));
    const theirs = readerAbi.filter((item) => item.type === 'function') as AbiFunction[];
    expect(theirs.length).toBeGreaterThan(4);
    for (const f of theirs) expect(ours.get(toFunctionSelector(f)), f.name).toEqual(shape(f));
  });

  it('emits the reference events with the reference topic0 values', () => {
    const byName = new Map(events.map((e) => [e.name, toEventSelector(e) as string]));
    for (const [event, topic] of Object.entries(topics)) expect(byName.get(event), event).toBe(topic);
  });

  it('takes the Identity registry as its only constructor argument and ships code', () => {
    const constructor = abi.find((item) => item.type === 'constructor') as { inputs: { type: string }[] } | undefined;
    expect(constructor?.inputs.map((i) => i.type)).toEqual(['address']);
    expect(bytecode).toMatch(/^0x[0-9a-f]{2000,}$/);
    expect(deployedBytecode).toMatch(/^0x[0-9a-f]{2000,}$/);
  });
});
