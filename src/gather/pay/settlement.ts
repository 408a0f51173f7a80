import { decodeSettlement, TX_HASH } from '../../protocol/settlement.js';
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

/** The transaction the paid request's settlement header names, or why there is none to read. */
function settlementTransaction(payment: PaymentSession): { hash: `0x${string}` } | { none: string } {
  const paid = payment.paid?.exchange;
  if (!paid) return { none: 'no paid request was made' };
  const tx = decodeSettlement(paid).transaction;
  return typeof tx === 'string' && TX_HASH.test(tx) ? { hash: tx as `0x${string}` } : { none: 'the settlement header names no transaction hash' };
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
    } catch (error) {
      receipt.error = errorLine(error);
    }
    return receipt;
  },
});
