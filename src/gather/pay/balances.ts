import { nonceBitmapPosition } from '../../protocol/permit2.js';
import type { BalanceReading } from '../../artifacts/index.js';
import type { PaymentPlan } from '../../artifacts/index.js';

/** USDC balances of the buyer and the payee, as decimal strings. */
export async function readBalances(rpc: string, plan: PaymentPlan, payer: string, timeoutMs: number, signal?: AbortSignal): Promise<BalanceReading> {
  const { createPublicClient, erc20Abi, http } = await import('../../util/lazyViem.js');
  const client = createPublicClient({ transport: http(rpc, { timeout: timeoutMs, retryCount: 0, ...(signal ? { fetchOptions: { signal } } : {}) }) });
  const read = (owner: string) =>
    client.readContract({ address: plan.asset as `0x${string}`, abi: erc20Abi, functionName: 'balanceOf', args: [owner as `0x${string}`] });
  const [p, t] = await Promise.all([read(payer), read(plan.payTo!)]);
  return { payer: p.toString(), payTo: t.toString() };
}

/**
 * Whether this run's authorization was consumed: EIP-3009's `authorizationState(authorizer, nonce)`
 * on the token, or for a Permit2 payment the nonce's bit in Permit2's `nonceBitmap`.
 */
export async function readNonceUsed(rpc: string, plan: PaymentPlan, payer: string, nonce: string, timeoutMs: number, signal?: AbortSignal): Promise<boolean> {
  const { createPublicClient, http, parseAbi } = await import('../../util/lazyViem.js');
  const client = createPublicClient({ transport: http(rpc, { timeout: timeoutMs, retryCount: 0, ...(signal ? { fetchOptions: { signal } } : {}) }) });
  if (plan.permit2) {
    const { word, bit } = nonceBitmapPosition(BigInt(nonce));
    const bitmap = await client.readContract({
      address: plan.permit2.permit2 as `0x${string}`,
      abi: parseAbi(['function nonceBitmap(address owner, uint256 wordPos) view returns (uint256)']),
      functionName: 'nonceBitmap',
      args: [payer as `0x${string}`, word],
    });
    return ((bitmap >> bit) & 1n) === 1n;
  }
  return client.readContract({
    address: plan.asset as `0x${string}`,
    abi: parseAbi(['function authorizationState(address authorizer, bytes32 nonce) view returns (bool)']),
    functionName: 'authorizationState',
    args: [payer as `0x${string}`, nonce as `0x${string}`],
  });
}
