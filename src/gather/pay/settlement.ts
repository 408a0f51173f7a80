import { nonceBitmapPosition } from '../../protocol/permit2.js';
import { batchCommitmentOf, decodeSettlement, TX_HASH } from '../../protocol/settlement.js';
import type { AuthorizationUsedLog, PaymentSession, SettlementReceipt, TransferLog } from '../../artifacts/index.js';
import { defineGatherer } from '../defineGatherer.js';
import { errorLine } from '../../util/errorLine.js';

/** EIP-3009's event: which authorization a settlement consumed (erc20Abi has the Transfer beside it). */
const AUTHORIZATION_USED = {
  type: 'event', name: 'AuthorizationUsed',
  inputs: [{ name: 'authorizer', type: 'address', indexed: true }, { name: 'nonce', type: 'bytes32', indexed: true }],
} as const;

type Client = { getTransactionReceipt(a: { hash: `0x${string}` }): Promise<unknown>; getTransaction(a: { hash: `0x${string}` }): Promise<unknown> };
type Log = { address: string; topics: readonly `0x${string}`[]; data: `0x${string}` };
type Receipt = { status: 'success' | 'reverted'; blockNumber: bigint; logs: Log[] };

/** A node that knows nothing of the hash after this long is not going to mine it. */
const UNKNOWN_GRACE_MS = 1_500;

/**
 * The receipt of a settlement, waiting while the transaction is pending (slow chains), but giving
 * up soon on a hash the node has never seen (a made-up receipt).
 */
async function awaitReceipt(client: Client, hash: `0x${string}`, deadlineMs: number, signal: AbortSignal): Promise<Receipt | null> {
  const started = Date.now();
  for (;;) {
    // Cut by the run deadline: say so rather than report the transaction missing.
    if (signal.aborted) throw signal.reason;
    const receipt = (await client.getTransactionReceipt({ hash }).catch(() => null)) as Receipt | null;
    if (receipt) return receipt;
    const known = await client.getTransaction({ hash }).catch(() => null);
    const waited = Date.now() - started;
    if ((!known && waited >= UNKNOWN_GRACE_MS) || waited >= deadlineMs) return null;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/** The Transfer and AuthorizationUsed events of the receipt; every other log is ignored. */
async function settlementLogs(logs: Log[]): Promise<{ transfers: TransferLog[]; authorizations: AuthorizationUsedLog[] }> {
  const { decodeEventLog, erc20Abi } = await import('../../util/lazyViem.js');
  const abi = [...erc20Abi, AUTHORIZATION_USED] as const;
  const transfers: TransferLog[] = [];
  const authorizations: AuthorizationUsedLog[] = [];
  for (const log of logs) {
    let event;
    try {
      event = decodeEventLog({ abi, data: log.data, topics: [...log.topics] as [`0x${string}`, ...`0x${string}`[]], strict: true });
    } catch {
      continue;
    }
    if (event.eventName === 'Transfer') transfers.push({ token: log.address, from: event.args.from, to: event.args.to, value: event.args.value.toString() });
    else if (event.eventName === 'AuthorizationUsed') authorizations.push({ token: log.address, authorizer: event.args.authorizer, nonce: event.args.nonce });
  }
  return { transfers, authorizations };
}

const NONCE_BITMAP_ABI = [
  { type: 'function', name: 'nonceBitmap', stateMutability: 'view', inputs: [{ name: 'owner', type: 'address' }, { name: 'wordPos', type: 'uint256' }], outputs: [{ type: 'uint256' }] },
] as const;

type NonceReader = { readContract(a: { address: `0x${string}`; abi: typeof NONCE_BITMAP_ABI; functionName: 'nonceBitmap'; args: [`0x${string}`, bigint]; blockNumber: bigint }): Promise<bigint> };

/** Permit2's unordered nonce of this run, just before the settlement's block and at it: the transaction consumed it when it flips. */
async function readPermit2Nonce(client: NonceReader, permit2: string, owner: string, nonce: bigint, block: bigint): Promise<{ usedBefore: boolean; usedAt: boolean }> {
  const { word, bit } = nonceBitmapPosition(nonce);
  const read = async (blockNumber: bigint) =>
    ((await client.readContract({ address: permit2 as `0x${string}`, abi: NONCE_BITMAP_ABI, functionName: 'nonceBitmap', args: [owner as `0x${string}`, word], blockNumber })) >> bit) & 1n;
  const [before, at] = await Promise.all([read(block - 1n), read(block)]);
  return { usedBefore: before === 1n, usedAt: at === 1n };
}

/** The transaction the paid request's settlement header names, or why there is none to read. */
function settlementTransaction(payment: PaymentSession): { hash: `0x${string}` } | { none: string } {
  const paid = payment.paid?.exchange;
  if (!paid) return { none: 'no paid request was made' };
  const decoded = decodeSettlement(paid);
  const tx = decoded.transaction;
  if (typeof tx === 'string' && TX_HASH.test(tx)) return { hash: tx as `0x${string}` };
  const commitment = batchCommitmentOf(decoded);
  // A batch-settlement receipt settles later, with others: there is no transaction of this payment to read yet.
  if (commitment) return { none: `the receipt is a batch-settlement commitment (channel ${commitment.channelId}), not a transaction: it settles later in a batch, so this payment cannot be read on chain yet` };
  return { none: 'the settlement header names no transaction hash' };
}

/**
 * On every paid request that named a settlement transaction: its receipt, read through --rpc.
 * Without an RPC the artifact records that nothing could be read, so the check fails rather
 * than skips: a paid probe is verified on chain or it does not pass.
 */
export const settlementGatherer = defineGatherer({
  meta: { artifact: 'settlement', dependencies: ['payment'] },
  skipReason: ({ artifacts }) => {
    const tx = settlementTransaction(artifacts.payment);
    return 'none' in tx ? tx.none : null;
  },
  async gather({ options, artifacts, timeoutMs, deadline }) {
    const tx = settlementTransaction(artifacts.payment);
    // skipReason lets no payment without a transaction hash through.
    if ('none' in tx) throw new Error(tx.none);
    const transaction = tx.hash;
    const receipt: SettlementReceipt = { transaction, found: false, status: null, blockNumber: null, chainId: null, transfers: [], authorizations: [], error: null };
    const permit2 = artifacts.payment.plan.permit2;
    if (!options.rpc) return { ...receipt, error: 'no chain read: no --rpc was given' };
    const { createPublicClient, http } = await import('../../util/lazyViem.js');
    const client = createPublicClient({ transport: http(options.rpc, { timeout: timeoutMs, retryCount: 0, fetchOptions: { signal: deadline.signal } }) });
    try {
      receipt.chainId = await client.getChainId();
      const r = (await awaitReceipt(client as unknown as Client, transaction, Math.min(timeoutMs, 15_000), deadline.signal)) as Receipt | null;
      if (!r) {
        receipt.error = 'no such transaction on this chain';
        return receipt;
      }
      receipt.found = true;
      receipt.status = r.status;
      receipt.blockNumber = r.blockNumber.toString();
      Object.assign(receipt, await settlementLogs(r.logs));
      if (permit2 && artifacts.payment.nonce !== null) {
        const tx = (await client.getTransaction({ hash: transaction })) as { to: string | null };
        receipt.to = tx.to;
        receipt.permit2Nonce = await readPermit2Nonce(client as unknown as NonceReader, permit2.permit2, artifacts.payment.payer, BigInt(artifacts.payment.nonce), r.blockNumber);
      }
    } catch (error) {
      receipt.error = errorLine(error);
    }
    return receipt;
  },
});
