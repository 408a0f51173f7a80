import { describe, expect, it } from 'vitest';
import { sandboxAccounts } from '../sandbox/accounts.js';
import { PERMIT2_ADDRESS, X402_EXACT_PERMIT2_PROXY_ADDRESS, X402_UPTO_PERMIT2_PROXY_ADDRESS } from '../sandbox/addresses.js';
import type { Sandbox } from '../sandbox/types.js';
import { renderSandbox, sandboxDocument } from './runSandbox.js';

const accounts = sandboxAccounts();
const sandbox: Sandbox = {
  rpcUrl: 'http://127.0.0.1:8545',
  chainId: 84532,
  usdc: '0x036CbD53842c5426634e7929541eC2318f3dCF7e',
  identityRegistry: '0x8004A818BFB912233c491871b3d84c89A494BD9e',
  reputationRegistry: '0x8004B663056A597Dffe9eCcC1965A193B7388713',
  validationRegistry: '0x8004Cb1BF31DAf7788923b405b754f57acEB4272',
  permit2: PERMIT2_ADDRESS,
  x402ExactPermit2Proxy: X402_EXACT_PERMIT2_PROXY_ADDRESS,
  x402UptoPermit2Proxy: X402_UPTO_PERMIT2_PROXY_ADDRESS,
  facilitatorUrl: 'http://127.0.0.1:4021',
  sellers: [],
  permit2Sellers: [
    { name: 'exact-permit2', scheme: 'exact', assetTransferMethod: 'permit2', x402Version: 2, url: 'http://127.0.0.1:4100/v1/chat/completions', origin: 'http://127.0.0.1:4100', method: 'POST', price: '0.001', amount: '1000', settles: '1000', payTo: accounts.sellers[3].address, network: 'eip155:84532', spender: X402_EXACT_PERMIT2_PROXY_ADDRESS },
    { name: 'upto', scheme: 'upto', assetTransferMethod: 'permit2', x402Version: 2, url: 'http://127.0.0.1:4101/v1/chat/completions', origin: 'http://127.0.0.1:4101', method: 'POST', price: '0.002', amount: '2000', settles: '1000', payTo: accounts.sellers[4].address, network: 'eip155:84532', spender: X402_UPTO_PERMIT2_PROXY_ADDRESS },
  ],
  accounts,
  stop: async () => {},
};

describe('x402-probe sandbox output', () => {
  it('prints Permit2, both proxies and the Permit2 sellers with what upto settles', () => {
    const text = renderSandbox(sandbox, '1000');
    expect(text).toMatch(new RegExp(`Permit2 +${PERMIT2_ADDRESS}`));
    expect(text).toContain(X402_EXACT_PERMIT2_PROXY_ADDRESS);
    expect(text).toContain(X402_UPTO_PERMIT2_PROXY_ADDRESS);
    expect(text).toContain('exact-permit2 POST http://127.0.0.1:4100/v1/chat/completions');
    expect(text).toContain('upto up to 0.002 USDC (2000 atomic, settles 1000 atomic)');
    expect(text).toContain(`(upto payTo)`);
  });

  it('--json carries the addresses under contracts and the sellers under permit2Sellers', () => {
    const document = sandboxDocument(sandbox) as { contracts: Record<string, string>; permit2Sellers: unknown[] };
    expect(document.contracts).toMatchObject({ permit2: PERMIT2_ADDRESS, x402ExactPermit2Proxy: X402_EXACT_PERMIT2_PROXY_ADDRESS, x402UptoPermit2Proxy: X402_UPTO_PERMIT2_PROXY_ADDRESS });
    expect(document.permit2Sellers).toEqual(sandbox.permit2Sellers);
  });
});
