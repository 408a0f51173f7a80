/** The fake remote-signer answers obol's API, and its signatures verify: through the probe's own --signer client too. */
import { verifyTypedData } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeSigner, startFakeSigner } from '../../fixtures/signer/fakeSigner.js';
import { signerFromRemote } from '../../src/gather/pay/buyerSigner.js';
import { TRANSFER_WITH_AUTHORIZATION_TYPES } from '../../src/protocol/eip3009.js';

const USDC = '0x036CbD53842c5426634e7929541eC2318f3dCF7e';
const authorization = {
  domain: { name: 'USDC', version: '2', chainId: 84532, verifyingContract: USDC },
  types: TRANSFER_WITH_AUTHORIZATION_TYPES,
  primaryType: 'TransferWithAuthorization',
};

describe('fake remote-signer', () => {
  let signer: FakeSigner;
  beforeAll(async () => {
    signer = await startFakeSigner();
  });
  afterAll(() => signer?.close());

  const post = (path: string, body: unknown) => fetch(`${signer.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('lists its key and signs EIP-712 typed data (numbers as strings or JSON numbers)', async () => {
    expect(await (await fetch(`${signer.url}/api/v1/keys`)).json()).toEqual({ keys: [signer.address] });
    const message = { from: signer.address, to: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', value: '10000', validAfter: 0, validBefore: '1795608060', nonce: `0x${'11'.repeat(32)}` };
    const res = await post(`/api/v1/sign/${signer.address}/typed-data`, { ...authorization, message });
    expect(res.status).toBe(200);
    const { signature } = (await res.json()) as { signature: `0x${string}` };
    expect(signature).toMatch(/^0x[0-9a-f]{130}$/);
    const typed = { ...authorization, message: { ...message, value: 10000n, validAfter: 0n, validBefore: 1795608060n } };
    expect(await verifyTypedData({ address: signer.address as `0x${string}`, ...typed, signature } as never)).toBe(true);
  });

  it("serves the probe's --signer client", async () => {
    const remote = await signerFromRemote(signer.url, { timeoutMs: 5_000 });
    expect(remote.address).toBe(signer.address);
    const message = { from: signer.address, to: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', value: 10000n, validAfter: 0n, validBefore: 1795608060n, nonce: `0x${'22'.repeat(32)}` };
    const signature = await remote.signTypedData({ ...authorization, message });
    expect(await verifyTypedData({ address: signer.address as `0x${string}`, ...authorization, message: message as never, signature } as never)).toBe(true);
  });

  it("answers failures with obol's {error, code}", async () => {
    const other = await post('/api/v1/sign/0x0000000000000000000000000000000000000001/typed-data', authorization);
    expect([other.status, ((await other.json()) as { code: string }).code]).toEqual([404, 'SIGNER_NOT_FOUND']);
    const missing = await post(`/api/v1/sign/${signer.address}/typed-data`, { types: {} });
    expect([missing.status, ((await missing.json()) as { code: string }).code]).toEqual([400, 'MISSING_FIELD']);
    const hash = await post(`/api/v1/sign/${signer.address}/hash`, { hash: `0x${'ab'.repeat(32)}` });
    expect(hash.status).toBe(200);
  });
});
