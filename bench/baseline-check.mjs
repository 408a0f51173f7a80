// The baseline for check-latency: the same three exchanges as `x402-probe check`, with no
// engine — the unpaid request with the challenge decoded, a payment signed with viem by a fresh
// key, and a malformed payment. Usage: node bench/baseline-check.mjs <url>
import { request } from 'undici';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';

const url = process.argv[2];
const unpaid = await request(url);
await unpaid.body.text();
const required = JSON.parse(Buffer.from(unpaid.headers['payment-required'], 'base64').toString());
const req = required.accepts[0];
const account = privateKeyToAccount(generatePrivateKey());
const now = Math.floor(Date.now() / 1000);
const authorization = {
  from: account.address,
  to: req.payTo,
  value: BigInt(req.amount),
  validAfter: BigInt(now - 600),
  validBefore: BigInt(now + req.maxTimeoutSeconds),
  nonce: `0x${Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('hex')}`,
};
const signature = await account.signTypedData({
  domain: { name: req.extra.name, version: req.extra.version, chainId: Number(req.network.split(':')[1]), verifyingContract: req.asset },
  types: {
    TransferWithAuthorization: [
      { name: 'from', type: 'address' }, { name: 'to', type: 'address' }, { name: 'value', type: 'uint256' },
      { name: 'validAfter', type: 'uint256' }, { name: 'validBefore', type: 'uint256' }, { name: 'nonce', type: 'bytes32' },
    ],
  },
  primaryType: 'TransferWithAuthorization',
  message: authorization,
});
const payload = {
  x402Version: 2,
  resource: required.resource,
  accepted: req,
  payload: { signature, authorization: Object.fromEntries(Object.entries(authorization).map(([k, v]) => [k, String(v)])) },
};
const forged = await request(url, { headers: { 'payment-signature': Buffer.from(JSON.stringify(payload)).toString('base64') } });
await forged.body.text();
const malformed = await request(url, { headers: { 'payment-signature': '!!not a payment!!' } });
await malformed.body.text();
if (forged.statusCode !== 402 || malformed.statusCode !== 400) throw new Error(`unexpected ${forged.statusCode}/${malformed.statusCode}`);
