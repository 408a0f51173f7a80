import { mnemonicToAccount } from 'viem/accounts';
import { toEventSelector, toFunctionSelector, type AbiEvent, type AbiFunction } from 'viem';
import { describe, expect, it } from 'vitest';
import { identityRegistryAbi as readerAbi, METADATA_SET_TOPIC, REGISTERED_TOPIC, URI_UPDATED_TOPIC } from '../../src/registry/abi.js';
import { ANVIL_DEV_ACCOUNTS } from '../../src/sandbox/accounts.js';
import { identityRegistryArtifact } from '../../src/sandbox/registry.js';

/** Outputs and mutability, the parts of a function a caller relies on besides its selector. */
const shape = (f: AbiFunction) => ({ selector: toFunctionSelector(f), stateMutability: f.stateMutability, outputs: f.outputs.map((o) => o.type) });

describe('committed IdentityRegistry artifact', () => {
  const { abi, bytecode, deployedBytecode } = identityRegistryArtifact();
  const functions = abi.filter((item): item is AbiFunction => item.type === 'function');
  const events = abi.filter((item): item is AbiEvent => item.type === 'event');

  // The probe's reader ABI is pinned to reference/erc8004.md §3 by src/registry/abi.test.ts; the
  // sandbox registry must answer every call and emit every event it knows, with the same shapes.
  it('implements every function x402-probe calls, with the same selector, outputs and mutability', () => {
    const ours = new Map(functions.map((f) => [toFunctionSelector(f) as string, shape(f)]));
    const theirs = readerAbi.filter((item) => item.type === 'function') as readonly AbiFunction[];
    expect(theirs.length).toBeGreaterThan(5);
    for (const f of theirs) expect(ours.get(toFunctionSelector(f)), f.name).toEqual(shape(f));
  });

  it('emits Registered, URIUpdated and MetadataSet with the reference topic0 values', () => {
    const byName = new Map(events.map((e) => [e.name, toEventSelector(e) as string]));
    expect(byName.get('Registered')).toBe(REGISTERED_TOPIC);
    expect(byName.get('URIUpdated')).toBe(URI_UPDATED_TOPIC);
    expect(byName.get('MetadataSet')).toBe(METADATA_SET_TOPIC);
    for (const e of readerAbi.filter((item) => item.type === 'event') as readonly AbiEvent[]) expect(byName.get(e.name), e.name).toBe(toEventSelector(e));
  });

  it('has the reference selectors the reader ABI leaves out (agent wallet, version)', () => {
    const selectors = new Set<string>(functions.map((f) => toFunctionSelector(f)));
    // reference/erc8004.md §3
    for (const selector of ['0x00339509', '0x3fddcf19', '0x0d8e6e2c', '0x2d1ef5ae']) expect(selectors.has(selector), selector).toBe(true);
  });

  it('ships creation and runtime code', () => {
    expect(bytecode).toMatch(/^0x[0-9a-f]{2000,}$/);
    expect(deployedBytecode).toMatch(/^0x[0-9a-f]{2000,}$/);
  });
});

describe('anvil development accounts', () => {
  it('are the keys of the default mnemonic, in order', () => {
    ANVIL_DEV_ACCOUNTS.forEach(({ address }, addressIndex) => {
      expect(mnemonicToAccount('test test test test test test test test test test test junk', { addressIndex }).address).toBe(address);
    });
  });
});
