/** One of anvil's well-known development accounts (public keys and private keys alike). */
export interface SandboxAccount {
  /** Role in the sandbox, e.g. "buyer 1"; always says it is an anvil development key. */
  label: string;
  address: `0x${string}`;
  /** Anvil's published development key: public knowledge, never for real funds. */
  privateKey: `0x${string}`;
}

export type SandboxSellerName = 'v2-express' | 'v1-express' | 'obol-gate';

export interface SandboxSeller {
  name: SandboxSellerName;
  x402Version: 1 | 2;
  /** The paid resource, e.g. http://127.0.0.1:PORT/v1/chat/completions. */
  url: string;
  /** http://127.0.0.1:PORT */
  origin: string;
  method: 'GET' | 'POST';
  /** Decimal USDC, e.g. "0.001". */
  price: string;
  /** Atomic USDC units, e.g. "1000". */
  amount: string;
  payTo: `0x${string}`;
  /** As advertised: "eip155:84532" (v2) or "base-sepolia" (v1). */
  network: string;
  /** ERC-8004 agent id, decimal. */
  agentId: string;
  /** The agent's tokenURI: a data:application/json;base64 URI or the seller's registration-file URL. */
  agentURI: string;
}

export type SandboxPermit2SellerName = 'exact-permit2' | 'upto';

/**
 * A seller paid through Permit2 on the official @x402/express (x402 v2, eip155:84532). Not an
 * ERC-8004 agent, so not in `sellers` (whose entries each have one); `demo` probes both lists.
 */
export interface SandboxPermit2Seller {
  name: SandboxPermit2SellerName;
  scheme: 'exact' | 'upto';
  /** The requirement's extra.assetTransferMethod. */
  assetTransferMethod: 'permit2';
  x402Version: 2;
  url: string;
  origin: string;
  method: 'POST';
  /** Decimal USDC as advertised: the price (exact) or the maximum the buyer signs (upto). */
  price: string;
  /** Atomic units of `price`. */
  amount: string;
  /** Atomic units the seller settles per request: `amount` for exact, a fixed fraction of it for upto. */
  settles: string;
  payTo: `0x${string}`;
  network: 'eip155:84532';
  /** The contract buyers name as spender in the Permit2 signature (the x402 exact or upto proxy). */
  spender: `0x${string}`;
}

export interface SandboxAccounts {
  deployer: SandboxAccount;
  facilitator: SandboxAccount;
  buyers: SandboxAccount[];
  sellers: SandboxAccount[];
}

export interface Sandbox {
  rpcUrl: string;
  chainId: 84532;
  /** 0x036CbD53842c5426634e7929541eC2318f3dCF7e, Circle's FiatTokenV2_2 as on Base Sepolia. */
  usdc: `0x${string}`;
  /** 0x8004A818BFB912233c491871b3d84c89A494BD9e, an ERC-8004 IdentityRegistry. */
  identityRegistry: `0x${string}`;
  /** 0x8004B663056A597Dffe9eCcC1965A193B7388713, an ERC-8004 ReputationRegistry. */
  reputationRegistry: `0x${string}`;
  /** 0x8004Cb1BF31DAf7788923b405b754f57acEB4272, an ERC-8004 ValidationRegistry (planned there, placed here). */
  validationRegistry: `0x${string}`;
  /** 0x000000000022D473030F116dDEE9F6B43aC78BA3, Uniswap's Permit2 (domain separator of that address). */
  permit2: `0x${string}`;
  /** 0x402085c248EeA27D92E8b30b2C58ed07f9E20001, the x402 exact-scheme Permit2 proxy. */
  x402ExactPermit2Proxy: `0x${string}`;
  /** 0x4020A4f3b7b90ccA423B9fabCc0CE57C6C240002, the x402 upto-scheme Permit2 proxy. */
  x402UptoPermit2Proxy: `0x${string}`;
  facilitatorUrl: string;
  sellers: SandboxSeller[];
  /** exact-via-Permit2 and upto sellers (empty with `sellers: false`). */
  permit2Sellers: SandboxPermit2Seller[];
  accounts: SandboxAccounts;
  /** Kills anvil and closes every server. Idempotent. */
  stop(): Promise<void>;
}

export interface StartSandboxOptions {
  /** Called with a short description of each startup step. */
  onProgress?: (step: string) => void;
  /** Start the example sellers (default true). */
  sellers?: boolean;
  /** Decimal USDC minted to each buyer (default "1000"). */
  buyerFunds?: string;
}
