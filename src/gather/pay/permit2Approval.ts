import type { LocalAccount } from 'viem';
import { ConfigError } from '../../errors.js';
import type { PaymentPlan, Permit2Approval } from '../../artifacts/index.js';
import { atomicToDecimal } from '../../protocol/units.js';
import { errorLine } from '../../util/errorLine.js';

export interface EnsureAllowanceParameters {
  rpc: string;
  plan: PaymentPlan;
  owner: `0x${string}`;
  /** `--approve-permit2`: the buyer's own key, which may approve exactly the cap; absent: approve nothing. */
  approver?: LocalAccount;
  timeoutMs: number;
  signal: AbortSignal;
}

/** A receipt is awaited at most this long: anvil mines at once, a testnet within seconds. */
const APPROVAL_RECEIPT_MS = 30_000;
/**
 * The approve transaction's gas limit. The token is the seller's choice: without a limit its
 * approve() could burn the buyer's gas up to the block limit. A standard ERC-20 approve (FiatToken
 * behind its proxy included) needs under 60k; @x402/evm's own approval transaction caps at 70k.
 */
const APPROVE_GAS_LIMIT = 100_000n;

const units = (atomic: bigint, plan: PaymentPlan): string => (plan.decimals === null ? `${atomic} atomic units` : `${atomicToDecimal(atomic, plan.decimals)} ${plan.symbol ?? 'units'}`);

/**
 * A Permit2 payment moves the buyer's tokens through Permit2, which needs the buyer's ERC-20
 * allowance. Enough allowance: recorded, nothing sent. Too little: a buyer-side setup problem, not
 * a seller defect, so without `--approve-permit2` the run stops with one line naming the approval;
 * with it, the buyer approves Permit2 for exactly the cap (never more) and the transaction is
 * recorded for the report. Nothing is approved silently.
 */
export async function ensurePermit2Allowance(params: EnsureAllowanceParameters): Promise<Permit2Approval> {
  const { plan, owner, approver } = params;
  const permit2 = plan.permit2!.permit2 as `0x${string}`;
  const token = plan.asset as `0x${string}`;
  const { createPublicClient, createWalletClient, erc20Abi, http } = await import('../../util/lazyViem.js');
  const transport = http(params.rpc, { timeout: params.timeoutMs, retryCount: 0, fetchOptions: { signal: params.signal } });
  const client = createPublicClient({ transport });
  let allowance: bigint;
  try {
    allowance = await client.readContract({ address: token, abi: erc20Abi, functionName: 'allowance', args: [owner, permit2] });
  } catch (error) {
    throw new ConfigError(`--pay: the buyer's Permit2 allowance for ${token} could not be read with --rpc (${errorLine(error)}), so the payment cannot be made`);
  }
  const needed = BigInt(plan.amount!);
  const record: Permit2Approval = { token, owner, spender: permit2, allowanceBefore: allowance.toString(), approved: null, transaction: null, status: null };
  if (allowance >= needed) return record;
  const cap = BigInt(plan.capAtomic!);
  if (!approver) {
    throw new ConfigError(
      `--pay: the buyer ${owner} has approved Permit2 (${permit2}) for ${units(allowance, plan)} of ${token}, less than the ${units(needed, plan)} this payment needs; approve it, or pass --approve-permit2 to approve exactly the cap (${units(cap, plan)})`,
    );
  }
  if (approver.address.toLowerCase() !== owner.toLowerCase()) throw new ConfigError('--approve-permit2: the approving key is not the paying key');
  const wallet = createWalletClient({ account: approver, transport });
  try {
    const chainId = await client.getChainId();
    if (chainId !== plan.chainId) throw new Error(`the RPC reads chain ${chainId}, not ${plan.chainId}`);
    const hash = await wallet.writeContract({ address: token, abi: erc20Abi, functionName: 'approve', args: [permit2, cap], chain: null, gas: APPROVE_GAS_LIMIT });
    Object.assign(record, { approved: cap.toString(), transaction: hash });
    const receipt = await client.waitForTransactionReceipt({ hash, timeout: Math.min(APPROVAL_RECEIPT_MS, params.timeoutMs * 3) });
    record.status = receipt.status;
  } catch (error) {
    const sent = record.transaction ? ` after sending ${record.transaction}` : '';
    throw new ConfigError(`--approve-permit2: approving Permit2 for ${units(cap, plan)} of ${token} failed${sent} (${errorLine(error)})`);
  }
  if (record.status !== 'success') throw new ConfigError(`--approve-permit2: the approval ${record.transaction} reverted`);
  return record;
}
