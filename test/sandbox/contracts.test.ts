import { mnemonicToAccount } from 'viem/accounts';
import { toEventSelector, toFunctionSelector, type AbiEvent, type AbiFunction } from 'viem';
import { describe, expect, it } from 'vitest';
import { ANVIL_DEV_ACCOUNTS } from '../../src/sandbox/accounts.js';
import { identityRegistryArtifact } from '../../src/sandbox/registry.js';

// Values from reference/erc8004.md §3 (keccak256 of the canonical signatures of the 2.0.0 contracts).
const SELECTORS: Record<string, string> = {
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
const TOPICS: Record<string, string> = {
  Registered: '0xca52e62c367d81bb2e328eb795f7c7ba24afb478408a26c0e201d155c449bc4a',
  URIUpdated: '0x3a2c7fffc2cba7582c690e3b82c453ea02a308326a98a3ad7576c606336409fb',
  MetadataSet: '0x2c149ed548c6d2993cd73efe187df6eccabe4538091b33adbd25fafdb8a1468b',
  Transfer: '0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef',
  MetadataUpdate: '0xf8e1a15aba9398e019f0b49df1a4fde98ee17ae345cb5f6b5e2c27f5033e8ce7',
};

describe('committed IdentityRegistry artifact', () => {
  const { abi, bytecode, deployedBytecode } = identityRegistryArtifact();
  const functions = abi.filter((item): item is AbiFunction => item.type === 'function');
  const events = abi.filter((item): item is AbiEvent => item.type === 'event');

  it('has every ERC-8004 identity function with the reference selector', () => {
    const present = new Set<string>(functions.map((f) => toFunctionSelector(f)));
    for (const [signature, selector] of Object.entries(SELECTORS)) {
      expect(toFunctionSelector(signature), signature).toBe(selector);
      expect(present.has(selector), `${signature} in the ABI`).toBe(true);
    }
  });

  it('emits the ERC-8004 events with the reference topic0 values', () => {
    const byName = new Map(events.map((e) => [e.name, toEventSelector(e)]));
    for (const [name, topic] of Object.entries(TOPICS)) expect(byName.get(name) as string | undefined, name).toBe(topic);
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
