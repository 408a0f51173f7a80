import { BaseError, ContractFunctionRevertedError, erc20Abi, hashDomain, keccak256, toHex, maxUint256, toEventSelector, toFunctionSelector, type Abi, type AbiEvent, type AbiFunction, type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { permit2WitnessTypes, uptoPermit2WitnessTypes, x402ExactPermit2ProxyABI, x402UptoPermit2ProxyABI, PERMIT2_ADDRESS as X402_PERMIT2, x402ExactPermit2ProxyAddress, x402UptoPermit2ProxyAddress } from '@x402/evm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox, type SandboxAccount } from '../../src/sandbox/startSandbox.js';
import { PERMIT2_ADDRESS, X402_EXACT_PERMIT2_PROXY_ADDRESS, X402_UPTO_PERMIT2_PROXY_ADDRESS, permit2Artifact } from '../../src/sandbox/permit2.js';
import { legacyWalletFor, publicClientFor, usdcBalance } from './helpers.js';

/** Errors are matched by their selector, which is computed like a function's. */
const selectorOf = (item: AbiFunction | AbiEvent) => (item.type === 'event' ? toEventSelector(item) : toFunctionSelector(item));
const selectors = (abi: Abi) =>
  new Set(abi.filter((i) => i.type === 'function' || i.type === 'event' || i.type === 'error').map((i) => `${i.type}:${selectorOf({ ...i, type: i.type === 'event' ? 'event' : 'function' } as AbiFunction | AbiEvent)}`));

describe('committed x402 Permit2 proxy artifacts', () => {
  it.each([
    ['x402ExactPermit2Proxy', x402ExactPermit2ProxyABI],
    ['x402UptoPermit2Proxy', x402UptoPermit2ProxyABI],
  ] as const)('%s has every function, event and error of @x402/evm\'s ABI constant', (name, theirs) => {
    const ours = selectors(permit2Artifact(name).abi);
    for (const item of selectors(theirs as unknown as Abi)) expect(ours.has(item), item).toBe(true);
  });

  it('the sandbox addresses are the ones @x402/evm hard-codes', () => {
    expect(PERMIT2_ADDRESS).toBe(X402_PERMIT2);
    expect(X402_EXACT_PERMIT2_PROXY_ADDRESS).toBe(x402ExactPermit2ProxyAddress);
    expect(X402_UPTO_PERMIT2_PROXY_ADDRESS).toBe(x402UptoPermit2ProxyAddress);
  });
});

/** The revert's error name, decoded with every ABI involved (the proxy's and Permit2's). */
async function revertName(attempt: Promise<unknown>): Promise<string> {
  try {
    await attempt;
  } catch (error) {
    const reverted = error instanceof BaseError ? error.walk((e) => e instanceof ContractFunctionRevertedError) : null;
    if (reverted instanceof ContractFunctionRevertedError) return reverted.data?.errorName ?? `raw ${reverted.raw ?? reverted.signature}`;
    throw error;
  }
  throw new Error('expected a revert');
}

describe('Permit2 and the x402 proxies in the sandbox', () => {
  let sandbox: Sandbox;
  let buyer: SandboxAccount;
  let facilitator: SandboxAccount;
  const token = '0x036CbD53842c5426634e7929541eC2318f3dCF7e' as const;
  const permit2Errors = permit2Artifact('Permit2').abi.filter((i) => i.type === 'error');
  const exactAbi = [...permit2Artifact('x402ExactPermit2Proxy').abi, ...permit2Errors];
  const uptoAbi = [...permit2Artifact('x402UptoPermit2Proxy').abi, ...permit2Errors];
  let nonceSeed = 1000n;

  beforeAll(async () => {
    sandbox = await startSandbox({ sellers: false });
    buyer = sandbox.accounts.buyers[0];
    facilitator = sandbox.accounts.facilitator;
  }, 120_000);
  afterAll(async () => {
    await sandbox?.stop();
  });

  const now = async () => (await publicClientFor(sandbox).getBlock()).timestamp;

  async function signExact(message: { amount: bigint; to: Hex; validAfter?: bigint; deadline?: bigint; nonce?: bigint }) {
    const t = await now();
    const permit = { permitted: { token, amount: message.amount }, nonce: message.nonce ?? nonceSeed++, deadline: message.deadline ?? t + 600n };
    const witness = { to: message.to, validAfter: message.validAfter ?? 0n };
    const signature = await privateKeyToAccount(buyer.privateKey).signTypedData({
      domain: { name: 'Permit2', chainId: 84532, verifyingContract: PERMIT2_ADDRESS },
      types: permit2WitnessTypes,
      primaryType: 'PermitWitnessTransferFrom',
      message: { ...permit, spender: X402_EXACT_PERMIT2_PROXY_ADDRESS, witness },
    });
    return { permit, witness, signature };
  }

  async function signUpto(message: { max: bigint; to: Hex; facilitator: Hex; deadline?: bigint }) {
    const t = await now();
    const permit = { permitted: { token, amount: message.max }, nonce: nonceSeed++, deadline: message.deadline ?? t + 600n };
    const witness = { to: message.to, facilitator: message.facilitator, validAfter: 0n };
    const signature = await privateKeyToAccount(buyer.privateKey).signTypedData({
      domain: { name: 'Permit2', chainId: 84532, verifyingContract: PERMIT2_ADDRESS },
      types: uptoPermit2WitnessTypes,
      primaryType: 'PermitWitnessTransferFrom',
      message: { ...permit, spender: X402_UPTO_PERMIT2_PROXY_ADDRESS, witness },
    });
    return { permit, witness, signature };
  }

  const exactSettle = (args: Awaited<ReturnType<typeof signExact>>, witness = args.witness, from = facilitator) =>
    publicClientFor(sandbox)
      .simulateContract({ account: privateKeyToAccount(from.privateKey), address: X402_EXACT_PERMIT2_PROXY_ADDRESS, abi: exactAbi, functionName: 'settle', args: [args.permit, buyer.address, witness, args.signature] })
      .then(({ request }) => legacyWalletFor(sandbox, from).writeContract(request))
      // Mined before anyone reads a balance: anvil's automine does not promise that by the time the hash returns.
      .then((hash) => publicClientFor(sandbox).waitForTransactionReceipt({ hash }));
  const uptoSettle = (args: Awaited<ReturnType<typeof signUpto>>, amount: bigint, from = facilitator) =>
    publicClientFor(sandbox)
      .simulateContract({ account: privateKeyToAccount(from.privateKey), address: X402_UPTO_PERMIT2_PROXY_ADDRESS, abi: uptoAbi, functionName: 'settle', args: [args.permit, amount, buyer.address, args.witness, args.signature] })
      .then(({ request }) => legacyWalletFor(sandbox, from).writeContract(request))
      // Mined before anyone reads a balance: anvil's automine does not promise that by the time the hash returns.
      .then((hash) => publicClientFor(sandbox).waitForTransactionReceipt({ hash }));

  it("Permit2's DOMAIN_SEPARATOR() is that of the canonical address, not of where its constructor ran", async () => {
    const separator = await publicClientFor(sandbox).readContract({ address: PERMIT2_ADDRESS, abi: permit2Artifact('Permit2').abi, functionName: 'DOMAIN_SEPARATOR' });
    const expected = hashDomain({ domain: { name: 'Permit2', chainId: 84532n, verifyingContract: PERMIT2_ADDRESS }, types: { EIP712Domain: [{ name: 'name', type: 'string' }, { name: 'chainId', type: 'uint256' }, { name: 'verifyingContract', type: 'address' }] } });
    expect(separator).toBe(expected);
  });

  it('both proxies point at Permit2 and publish the witness types @x402/evm signs', async () => {
    const client = publicClientFor(sandbox);
    for (const [address, abi, witness] of [
      [X402_EXACT_PERMIT2_PROXY_ADDRESS, exactAbi, 'Witness(address to,uint256 validAfter)'],
      [X402_UPTO_PERMIT2_PROXY_ADDRESS, uptoAbi, 'Witness(address to,address facilitator,uint256 validAfter)'],
    ] as const) {
      expect(await client.readContract({ address, abi, functionName: 'PERMIT2' })).toBe(PERMIT2_ADDRESS);
      expect(await client.readContract({ address, abi, functionName: 'WITNESS_TYPEHASH' })).toBe(keccak256(toHex(witness)));
      expect(await client.readContract({ address, abi, functionName: 'WITNESS_TYPE_STRING' })).toBe(`Witness witness)TokenPermissions(address token,uint256 amount)${witness}`);
    }
    const fields = (types: Record<string, readonly { name: string; type: string }[]>) => `Witness(${types.Witness.map((f) => `${f.type} ${f.name}`).join(',')})`;
    expect(fields(permit2WitnessTypes)).toBe('Witness(address to,uint256 validAfter)');
    expect(fields(uptoPermit2WitnessTypes)).toBe('Witness(address to,address facilitator,uint256 validAfter)');
  });

  it('every buyer account has approved Permit2 for USDC; the facilitator and sellers have not', async () => {
    const client = publicClientFor(sandbox);
    const allowance = (owner: Hex) => client.readContract({ address: token, abi: erc20Abi, functionName: 'allowance', args: [owner, PERMIT2_ADDRESS] });
    for (const b of sandbox.accounts.buyers) expect(await allowance(b.address)).toBe(maxUint256);
    expect(await allowance(sandbox.accounts.facilitator.address)).toBe(0n);
    expect(await allowance(sandbox.accounts.sellers[0].address)).toBe(0n);
  });

  it('exact: a signed witness transfer moves exactly the permitted amount to the witness, once', async () => {
    const payTo = sandbox.accounts.sellers[0].address;
    const [buyerBefore, sellerBefore] = [await usdcBalance(sandbox, buyer.address), await usdcBalance(sandbox, payTo)];
    const signed = await signExact({ amount: 1234n, to: payTo });
    await exactSettle(signed);
    expect(await usdcBalance(sandbox, payTo)).toBe(sellerBefore + 1234n);
    expect(await usdcBalance(sandbox, buyer.address)).toBe(buyerBefore - 1234n);
    expect(await revertName(exactSettle(signed))).toBe('InvalidNonce');
  });

  it('exact: a facilitator that swaps the witness recipient, an expired permit and a payment before validAfter all revert', async () => {
    const payTo = sandbox.accounts.sellers[0].address;
    const thief = sandbox.accounts.sellers[1].address;
    const signed = await signExact({ amount: 1000n, to: payTo });
    expect(await revertName(exactSettle(signed, { to: thief, validAfter: 0n }))).toBe('InvalidSigner');
    const t = await now();
    expect(await revertName(exactSettle(await signExact({ amount: 1000n, to: payTo, deadline: t - 1n })))).toBe('SignatureExpired');
    expect(await revertName(exactSettle(await signExact({ amount: 1000n, to: payTo, validAfter: t + 3600n })))).toBe('PaymentTooEarly');
    // nothing moved: the honest permit still settles
    const before = await usdcBalance(sandbox, payTo);
    await exactSettle(signed);
    expect(await usdcBalance(sandbox, payTo)).toBe(before + 1000n);
  });

  it('upto: the bound facilitator settles less than the signed maximum and only that moves', async () => {
    const payTo = sandbox.accounts.sellers[2].address;
    const before = await usdcBalance(sandbox, payTo);
    const signed = await signUpto({ max: 5000n, to: payTo, facilitator: facilitator.address });
    expect(await revertName(uptoSettle(signed, 5001n))).toBe('AmountExceedsPermitted');
    expect(await revertName(uptoSettle(signed, 100n, sandbox.accounts.deployer))).toBe('UnauthorizedFacilitator');
    await uptoSettle(signed, 2500n);
    expect(await usdcBalance(sandbox, payTo)).toBe(before + 2500n);
    expect(await revertName(uptoSettle(signed, 1n))).toBe('InvalidNonce');
  });

  it('upto: an expired permit and a swapped facilitator in the witness revert', async () => {
    const payTo = sandbox.accounts.sellers[2].address;
    const t = await now();
    expect(await revertName(uptoSettle(await signUpto({ max: 5000n, to: payTo, facilitator: facilitator.address, deadline: t - 1n }), 10n))).toBe('SignatureExpired');
    // The deployer claims the facilitator's place in a witness the buyer signed for the facilitator.
    const signed = await signUpto({ max: 5000n, to: payTo, facilitator: facilitator.address });
    expect(await revertName(uptoSettle({ ...signed, witness: { ...signed.witness, facilitator: sandbox.accounts.deployer.address } }, 10n, sandbox.accounts.deployer))).toBe('InvalidSigner');
  });
});
