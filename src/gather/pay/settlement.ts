import { decodeSettlement, TX_HASH } from '../../protocol/settlement.js';
import { redactSecrets } from '../../util/redact.js';
import type { SettlementReceipt, TransferLog } from '../artifacts.js';
import type { Gatherer } from '../types.js';

const TRANSFER_TOPIC = '0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef';

const topicAddress = (topic: string): string => `0x${topic.slice(26)}`;

type Client = { getTransactionReceipt(a: { hash: `0x${string}` }): Promise<unknown>; getTransaction(a: { hash: `0x${string}` }): Promise<unknown> };
type Receipt = { status: 'success' | 'reverted'; blockNumber: bigint; logs: { address: string; topics: readonly string[]; data: string }[] };

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

/** With --pay and --rpc: the receipt of the transaction the settlement header names. */
export const settlementGatherer: Gatherer<'settlement'> = {
  artifact: 'settlement',
  skipReason: ({ options, artifacts }) => {
    if (!options.rpc) return 'no --rpc given';
    const paid = artifacts.payment?.paid?.exchange;
    if (!paid) return 'no paid request was made';
    const tx = decodeSettlement(paid).transaction;
    return typeof tx === 'string' && TX_HASH.test(tx) ? null : 'the settlement header names no transaction hash';
  },
  async gather({ options, artifacts, timeoutMs, deadline }) {
    const transaction = decodeSettlement(artifacts.payment!.paid!.exchange!).transaction as `0x${string}`;
    const receipt: SettlementReceipt = { transaction, found: false, status: null, blockNumber: null, chainId: null, transfers: [], error: null };
    const { createPublicClient, http } = await import('viem');
    const client = createPublicClient({ transport: http(options.rpc, { timeout: timeoutMs, retryCount: 0, fetchOptions: { signal: deadline.signal } }) });
    try {
      receipt.chainId = await client.getChainId();
      const r = await awaitReceipt(client, transaction, Math.min(timeoutMs, 15_000), deadline.signal);
      if (!r) {
        receipt.error = 'no such transaction on this chain';
        return receipt;
      }
      receipt.found = true;
      receipt.status = r.status;
      receipt.blockNumber = r.blockNumber.toString();
      receipt.transfers = r.logs
        .filter((log) => log.topics[0] === TRANSFER_TOPIC && log.topics.length === 3)
        .map((log): TransferLog => ({ token: log.address, from: topicAddress(log.topics[1]!), to: topicAddress(log.topics[2]!), value: BigInt(log.data).toString() }));
    } catch (error) {
      const e = error as { shortMessage?: string; message?: string; name?: string };
      receipt.error = redactSecrets((e.shortMessage ?? e.message ?? String(error)).split('\n')[0]).slice(0, 300);
    }
    return receipt;
  },
};
