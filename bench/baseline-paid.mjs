// The baseline for paid-probe: the official @x402/fetch client paying one request, nothing else.
// Usage: BUYER_KEY=0x… node bench/baseline-paid.mjs <url> <json-body>
import { x402Client } from '@x402/core/client';
import { registerExactEvmScheme } from '@x402/evm/exact/client';
import { ExactEvmSchemeV1 } from '@x402/evm/exact/v1/client';
import { UptoEvmScheme } from '@x402/evm/upto/client';
import { toClientEvmSigner } from '@x402/evm';
import { wrapFetchWithPayment } from '@x402/fetch';
import { privateKeyToAccount } from 'viem/accounts';

const [url, body] = process.argv.slice(2);
const signer = toClientEvmSigner(privateKeyToAccount(process.env.BUYER_KEY));
const client = new x402Client();
registerExactEvmScheme(client, { signer });
client.registerV1('base-sepolia', new ExactEvmSchemeV1(signer));
// The Permit2 sellers: exact via Permit2 is in the exact client; upto is its own scheme.
client.register('eip155:*', new UptoEvmScheme(signer));
const pay = wrapFetchWithPayment(fetch, client);
const res = await pay(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
await res.text();
if (res.status !== 200) throw new Error(`paid request got ${res.status}`);
