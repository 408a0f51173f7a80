import type { Dispatcher } from 'undici';
import type { NetworkPolicy } from '../gather/network.js';
import { fetchRegistrationFile } from './fetchRegistrationFile.js';
import type { ValidationRecord } from './readTrust.js';
import { hashOf } from './validationDocument.js';

/** A validation report of several endpoints runs well past a registration file's 256 KiB. */
export const EVIDENCE_CAP = 1024 * 1024;

/**
 * Fetch each answered validation's responseURI (data: decoded in place; http, https and ipfs under
 * the network policy, as registry data) and compare its keccak256 with the responseHash on chain.
 * Never throws; drops the full URIs from the records once used.
 */
export async function verifyEvidence(records: ValidationRecord[], options: { network: NetworkPolicy; dispatcher?: Dispatcher; ipfsGateway?: string; timeoutMs?: number }): Promise<void> {
  await Promise.all(
    records.map(async (record) => {
      const uri = record.fullResponseURI;
      delete record.fullResponseURI;
      if (!uri || record.lastUpdate === null) return;
      const fetched = await fetchRegistrationFile({ uri, cap: EVIDENCE_CAP, source: 'data', network: options.network, dispatcher: options.dispatcher, ipfsGateway: options.ipfsGateway, timeoutMs: options.timeoutMs });
      const status = fetched.exchange?.status;
      if (fetched.error || fetched.text === null) record.evidenceError = `evidence not read: ${fetched.error?.code ?? 'no document'}${fetched.error ? `: ${fetched.error.message}` : ''}`.slice(0, 300);
      else if (fetched.truncated) record.evidenceError = `evidence larger than ${EVIDENCE_CAP} bytes: not read`;
      else if (status !== undefined && status !== null && status !== 200) record.evidenceError = `evidence answered HTTP ${status}`;
      else record.hashMatches = hashOf(fetched.text).toLowerCase() === record.responseHash.toLowerCase();
    }),
  );
}
