import { readFileSync } from 'node:fs';
import { toEventSelector, toFunctionSelector, type AbiEvent, type AbiFunction, type AbiParameter } from 'viem';
import { describe, expect, it } from 'vitest';
import { identityRegistryAbi, METADATA_SET_TOPIC, REGISTERED_TOPIC, URI_UPDATED_TOPIC } from './abi.js';

/** Selectors and topic0s as printed in reference/erc8004.md §3. */
const REFERENCE_SELECTORS: Record<string, string> = {
  'register()': '0x1aa3a008',
  'register(string)': '0xf2c298be',
  'register(string,(string,bytes)[])': '0x8ea42286',
  'setAgentURI(uint256,string)': '0x0af28bd3',
  'tokenURI(uint256)': '0xc87b56dd',
  'ownerOf(uint256)': '0x6352211e',
  'getMetadata(uint256,string)': '0xcb4799f2',
  'setMetadata(uint256,string,bytes)': '0x466648da',
  'setAgentWallet(uint256,address,uint256,bytes)': '0x2d1ef5ae',
  'getAgentWallet(uint256)': '0x00339509',
  'unsetAgentWallet(uint256)': '0x3fddcf19',
  'isAuthorizedOrOwner(address,uint256)': '0xd95e72be',
  'getVersion()': '0x0d8e6e2c',
};

const canonical = (p: AbiParameter): string =>
  p.type.startsWith('tuple') ? `(${(p as unknown as { components: AbiParameter[] }).components.map(canonical).join(',')})${p.type.slice(5)}` : p.type;
const signature = (item: AbiFunction | AbiEvent) => `${item.name}(${item.inputs.map(canonical).join(',')})`;

describe('identityRegistryAbi', () => {
  const functions = identityRegistryAbi.filter((i): i is Extract<(typeof identityRegistryAbi)[number], { type: 'function' }> => i.type === 'function');

  it('has the selectors of the reference', () => {
    const ours = Object.fromEntries(functions.map((f) => [signature(f as AbiFunction), toFunctionSelector(f as AbiFunction)]));
    for (const [sig, selector] of Object.entries(REFERENCE_SELECTORS)) expect(ours[sig], sig).toBe(selector);
  });

  it('has the topic0 values of the reference', () => {
    const events = Object.fromEntries(identityRegistryAbi.filter((i) => i.type === 'event').map((e) => [e.name, toEventSelector(e as AbiEvent)]));
    expect(events.Registered).toBe(REGISTERED_TOPIC);
    expect(events.URIUpdated).toBe(URI_UPDATED_TOPIC);
    expect(events.MetadataSet).toBe(METADATA_SET_TOPIC);
    expect(events.Transfer).toBe('0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef');
  });

  it('matches the sandbox contract compiled from the EIP text', () => {
    const artifact = JSON.parse(readFileSync(new URL('../../contracts/artifacts/IdentityRegistry.json', import.meta.url), 'utf8')) as { methodIdentifiers: Record<string, string> };
    for (const f of functions) {
      const sig = signature(f as AbiFunction);
      expect(`0x${artifact.methodIdentifiers[sig]}`, sig).toBe(toFunctionSelector(f as AbiFunction));
    }
  });
});
