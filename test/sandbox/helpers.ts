import { createPublicClient, createWalletClient, erc20Abi, http, publicActions } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { localBaseSepolia } from '../../src/sandbox/chain.js';
import type { Sandbox, SandboxAccount, SandboxSeller } from '../../src/sandbox/types.js';

export const CHAT_BODY = JSON.stringify({ model: 'qwen3:0.6b', messages: [{ role: 'user', content: 'hello sandbox' }] });

export function chatInit(headers: Record<string, string> = {}): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: CHAT_BODY };
}

export function publicClientFor(sandbox: Sandbox) {
  return createPublicClient({ chain: localBaseSepolia(sandbox.rpcUrl), transport: http(sandbox.rpcUrl), pollingInterval: 50 });
}

/** A viem wallet client with public actions, the signer shape the legacy x402-fetch expects. */
export function legacyWalletFor(sandbox: Sandbox, account: SandboxAccount) {
  return createWalletClient({ chain: localBaseSepolia(sandbox.rpcUrl), transport: http(sandbox.rpcUrl), account: privateKeyToAccount(account.privateKey), pollingInterval: 50 }).extend(publicActions);
}

export function usdcBalance(sandbox: Sandbox, address: `0x${string}`): Promise<bigint> {
  return publicClientFor(sandbox).readContract({ address: sandbox.usdc, abi: erc20Abi, functionName: 'balanceOf', args: [address] });
}

export function seller(sandbox: Sandbox, name: SandboxSeller['name']): SandboxSeller {
  const found = sandbox.sellers.find((s) => s.name === name);
  if (!found) throw new Error(`sandbox has no ${name} seller`);
  return found;
}

/** A fetch that remembers the headers of every request it sends (to replay a signed payment). */
export function recordingFetch(): { fetch: typeof fetch; sent: Headers[] } {
  const sent: Headers[] = [];
  return {
    sent,
    fetch: async (input, init) => {
      const request = new Request(input, init);
      sent.push(new Headers(request.headers));
      return fetch(request);
    },
  };
}

export function decodeBase64Json(value: string | null): Record<string, unknown> | null {
  return value ? (JSON.parse(Buffer.from(value, 'base64').toString('utf8')) as Record<string, unknown>) : null;
}
