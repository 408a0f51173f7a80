import { SandboxError } from '../errors.js';
import { sandboxAccounts } from './accounts.js';
import { startAnvil } from './anvil.js';
import type { StartedSeller, StartSellerParameters } from './sellers/common.js';
import type { Sandbox, SandboxPermit2Seller, SandboxSeller, StartSandboxOptions } from './types.js';
import { errorLine } from '../util/errorLine.js';

export type { Sandbox, SandboxAccount, SandboxPermit2Seller, SandboxSeller, StartSandboxOptions } from './types.js';

/** How each seller publishes its agentURI: at least one data: URI and one http URL. */
const URI_STYLE: Record<SandboxSeller['name'], 'data' | 'http'> = { 'v2-express': 'data', 'v1-express': 'http', 'obol-gate': 'http' };

/**
 * Everything but anvil loads after anvil has been spawned: viem and the x402 packages take a
 * good part of a second to import, time anvil spends starting in its own process anyway.
 */
async function loadParts() {
  const [chain, multicall, registry, trust, permit2, usdc, facilitator, fakeOllama, common, v2, v1, obol, permit2Sellers] = await Promise.all([
    import('./chain.js'),
    import('./multicall.js'),
    import('./registry.js'),
    import('./trustRegistries.js'),
    import('./permit2.js'),
    import('./usdc.js'),
    import('./facilitator.js'),
    import('./fakeOllama.js'),
    import('./sellers/common.js'),
    import('./sellers/v2Express.js'),
    import('./sellers/v1Express.js'),
    import('./sellers/obolGate.js'),
    import('./sellers/permit2Express.js'),
  ]);
  return { ...chain, ...multicall, ...registry, ...trust, ...permit2, ...usdc, ...facilitator, ...fakeOllama, ...common, ...v2, ...v1, ...obol, ...permit2Sellers };
}

/**
 * Start a faithful local Base Sepolia: anvil (chain id 84532) with Circle's FiatTokenV2_2 at the
 * Base Sepolia USDC address, the ERC-8004 Identity, Reputation and Validation registries at their
 * Base Sepolia addresses and
 * Multicall3; an x402 facilitator; and three sellers in front of a fake Ollama, each registered
 * as an ERC-8004 agent. Everything listens on 127.0.0.1; `stop()` tears it all down.
 *
 * @example
 * const sandbox = await startSandbox();
 * try { await fetch(sandbox.sellers[0].url, { method: 'POST' }); } finally { await sandbox.stop(); }
 */
export async function startSandbox(options: StartSandboxOptions = {}): Promise<Sandbox> {
  const progress = (step: string) => options.onProgress?.(step);
  const wantSellers = options.sellers !== false;
  const buyerFunds = options.buyerFunds ?? '1000';
  if (!/^\d+(\.\d{1,6})?$/.test(buyerFunds)) throw new SandboxError(`buyerFunds must be a decimal USDC amount, got "${buyerFunds}"`);
  const accounts = sandboxAccounts();

  const closers: (() => Promise<void>)[] = [];
  const closeAll = async () => {
    for (const close of closers.splice(0).reverse()) await close().catch(() => {});
  };
  /** Whatever starts is closed on the way out, even when a sibling step failed. */
  const track = <T extends { close(): Promise<void> }>(starting: Promise<T>): Promise<T> =>
    starting.then((server) => {
      closers.push(server.close);
      return server;
    });
  try {
    progress('starting anvil (chain id 84532)');
    const [anvilResult, partsResult] = await Promise.allSettled([startAnvil({ chainId: 84532 }), loadParts()]);
    if (anvilResult.status === 'fulfilled') closers.push(anvilResult.value.stop);
    if (anvilResult.status === 'rejected') throw anvilResult.reason;
    if (partsResult.status === 'rejected') throw partsResult.reason;
    const [anvil, parts] = [anvilResult.value, partsResult.value];
    const { sandboxChain, placeMulticall3, placeIdentityRegistry, placeTrustRegistries, placePermit2, placeX402Permit2Proxies, approvePermit2ForBuyers, placeUsdc, startFacilitator, startFakeOllama, registerAgent, registrationFile, dataUri, REGISTRATION_PATH } = parts;
    const { startV2ExpressSeller, startV1ExpressSeller, startObolGate, startExactPermit2Seller, startUptoSeller, loadLegacyExpress, IDENTITY_REGISTRY_ADDRESS, REPUTATION_REGISTRY_ADDRESS, VALIDATION_REGISTRY_ADDRESS, USDC_ADDRESS, PERMIT2_ADDRESS, X402_EXACT_PERMIT2_PROXY_ADDRESS, X402_UPTO_PERMIT2_PROXY_ADDRESS } = parts;
    // The legacy middleware takes about a second to import; it loads while the contracts are placed.
    const legacy = wantSellers ? loadLegacyExpress() : null;
    legacy?.catch(() => {});
    const chain = sandboxChain(anvil.rpcUrl);

    progress('placing Multicall3, USDC (FiatTokenV2_2), Permit2, the x402 Permit2 proxies and the ERC-8004 Identity, Reputation and Validation registries');
    const contracts = (async () => {
      await Promise.all([placeMulticall3(chain), placeIdentityRegistry(chain), placeTrustRegistries(chain), placePermit2(chain), placeX402Permit2Proxies(chain)]);
      await placeUsdc(chain, { deployer: accounts.deployer, holders: accounts.buyers.map((b) => ({ address: b.address, amount: buyerFunds })) });
      await approvePermit2ForBuyers(chain, accounts.buyers);
    })();

    const servers = (async () => {
      const [facilitator, upstream] = await Promise.allSettled([
        track(startFacilitator({ sandbox: chain, account: accounts.facilitator })),
        wantSellers ? track(startFakeOllama()) : Promise.resolve(null),
      ]);
      if (facilitator.status === 'rejected') throw facilitator.reason;
      if (upstream.status === 'rejected') throw upstream.reason;
      return { facilitator: facilitator.value, upstream: upstream.value };
    })();
    // Both branches must settle before anything is torn down, or a half-started server could leak.
    const [contractsResult, serversResult] = await Promise.allSettled([contracts, servers]);
    if (contractsResult.status === 'rejected') throw contractsResult.reason;
    if (serversResult.status === 'rejected') throw serversResult.reason;
    const { facilitator, upstream } = serversResult.value;
    progress(`facilitator listening at ${facilitator.url}`);

    const sellers: SandboxSeller[] = [];
    const permit2Sellers: SandboxPermit2Seller[] = [];
    if (upstream) {
      progress('starting the sellers (@x402/express v2, legacy x402-express v1, obol-style gate, @x402/express exact via Permit2 and upto)');
      const base = (i: number): StartSellerParameters => ({ facilitatorUrl: facilitator.url, upstreamUrl: upstream.url, payTo: accounts.sellers[i].address });
      const permit2Started = Promise.all([track(startExactPermit2Seller(base(3))), track(startUptoSeller(base(4)))]);
      const [v2, v1, obol, viaPermit2] = await Promise.allSettled([track(startV2ExpressSeller(base(0))), track(startV1ExpressSeller(base(1), legacy!)), track(startObolGate(base(2))), permit2Started]);
      if (viaPermit2.status === 'rejected') throw viaPermit2.reason;
      permit2Sellers.push(...viaPermit2.value.map((s) => s.seller));
      const started: { started: StartedSeller; owner: number }[] = [];
      for (const [i, result] of [v2, v1, obol].entries()) if (result.status === 'fulfilled') started.push({ started: result.value, owner: i });
      if (v1.status === 'rejected') progress(`legacy x402-express unavailable, v1-express seller skipped: ${errorLine(v1.reason)}`);
      for (const result of [v2, obol]) if (result.status === 'rejected') throw result.reason;

      progress('registering one ERC-8004 agent per seller');
      // One after another, so agent ids follow the seller order (0, 1, 2) on every run.
      for (const { started: s, owner } of started) {
        const { agentId, agentURI } = await registerAgent(chain, accounts.sellers[owner], (id) => {
          const document = registrationFile(s.seller.name, s.description, s.seller.url, id);
          s.setRegistration(document);
          return URI_STYLE[s.seller.name] === 'data' ? dataUri(document) : `${s.seller.origin}${REGISTRATION_PATH}`;
        });
        sellers.push({ ...s.seller, agentId: agentId.toString(), agentURI });
      }
    }

    let stopped: Promise<void> | null = null;
    progress('sandbox ready');
    return {
      rpcUrl: anvil.rpcUrl,
      chainId: 84532,
      usdc: USDC_ADDRESS,
      identityRegistry: IDENTITY_REGISTRY_ADDRESS,
      reputationRegistry: REPUTATION_REGISTRY_ADDRESS,
      validationRegistry: VALIDATION_REGISTRY_ADDRESS,
      permit2: PERMIT2_ADDRESS,
      x402ExactPermit2Proxy: X402_EXACT_PERMIT2_PROXY_ADDRESS,
      x402UptoPermit2Proxy: X402_UPTO_PERMIT2_PROXY_ADDRESS,
      facilitatorUrl: facilitator.url,
      sellers,
      permit2Sellers,
      accounts,
      stop: () => (stopped ??= closeAll()),
    };
  } catch (error) {
    await closeAll();
    if (error instanceof SandboxError) throw error;
    throw new SandboxError(`sandbox failed to start: ${errorLine(error)}`, { cause: error });
  }
}
