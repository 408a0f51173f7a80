import { decodeSettlement, TX_HASH } from '../../protocol/settlement.js';
import { redactSecrets } from '../../util/redact.js';
import type { SettlementReceipt, TransferLog } from '../artifacts.js';
import type { Gatherer } from '../types.js';

const TRANSFER_TOPIC = '0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef';

const topicAddress = (topic: string): string => `0x${topic.slice(26)}`;

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
  async gather({ options, artifacts, timeoutMs }) {
    const transaction = decodeSettlement(artifacts.payment!.paid!.exchange!).transaction as `0x${string}`;
    const receipt: SettlementReceipt = { transaction, found: false, status: null, blockNumber: null, chainId: null, transfers: [], error: null };
    const { createPublicClient, http } = await import('viem');
    const client = createPublicClient({ transport: http(options.rpc, { timeout: timeoutMs, retryCount: 0 }), pollingInterval: 100 });
    try {
      receipt.chainId = await client.getChainId();
      // Settlement is usually mined before the response; allow a short wait for slow chains.
      const r = await client.waitForTransactionReceipt({ hash: transaction, timeout: Math.min(timeoutMs, 15_000), pollingInterval: 100, retryCount: 0 });
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
