import type { Dispatcher } from 'undici';
import { ConfigError, SpendGuardError } from '../../errors.js';
import { registerSecret } from '../../util/redact.js';
import type { ExchangeDeadline } from '../deadline.js';
import { exchange } from '../http.js';
import type { PaymentPlan } from './spendGuard.js';

/** Typed data as @x402/evm's client hands it to a signer. */
export interface TypedDataRequest {
  domain: Record<string, unknown>;
  types: Record<string, unknown>;
  primaryType: string;
  message: Record<string, unknown>;
}

/** How long a signature may take: a remote signer's request ends at the run deadline. */
export interface SignOptions {
  deadline?: ExchangeDeadline;
}

/** The funded buyer: an address and a way to sign typed data. Never exposes the key. */
export interface BuyerSigner {
  address: `0x${string}`;
  kind: 'key-env' | 'remote-signer';
  signTypedData(request: TypedDataRequest, options?: SignOptions): Promise<`0x${string}`>;
}

const PRIVATE_KEY = /^(0x)?[0-9a-fA-F]{64}$/;

/** `--key-env VAR`: a hex private key in an environment variable. */
export async function signerFromEnv(variable: string, env: NodeJS.ProcessEnv): Promise<BuyerSigner> {
  const raw = env[variable]?.trim();
  if (!raw) throw new ConfigError(`--key-env: environment variable ${variable} is not set or empty`);
  if (!PRIVATE_KEY.test(raw)) throw new ConfigError(`--key-env: ${variable} does not hold a 32-byte hex private key`);
  return signerFromKey((raw.startsWith('0x') ? raw : `0x${raw}`) as `0x${string}`);
}

/** A signer over a private key held in memory (registered for redaction first). */
export async function signerFromKey(key: `0x${string}`): Promise<BuyerSigner> {
  registerSecret(key);
  const { privateKeyToAccount } = await import('viem/accounts');
  const account = privateKeyToAccount(key);
  return {
    address: account.address,
    kind: 'key-env',
    // biome-ignore lint: viem's typed-data generics cannot follow a runtime-built request.
    signTypedData: (request) => account.signTypedData(request as any),
  };
}

const jsonSafe = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)));

function domainType(domain: Record<string, unknown>): { name: string; type: string }[] {
  const fields: [string, string][] = [['name', 'string'], ['version', 'string'], ['chainId', 'uint256'], ['verifyingContract', 'address'], ['salt', 'bytes32']];
  return fields.filter(([name]) => domain[name] !== undefined).map(([name, type]) => ({ name, type }));
}

/** `--signer URL`: obol-stack's remote-signer (GET /api/v1/keys, POST /api/v1/sign/{address}/typed-data). */
export async function signerFromRemote(url: string, options: { dispatcher?: Dispatcher; timeoutMs?: number } = {}): Promise<BuyerSigner> {
  const base = url.replace(/\/+$/, '');
  const keys = await exchange({ url: `${base}/api/v1/keys`, dispatcher: options.dispatcher, timeoutMs: options.timeoutMs });
  if (keys.status !== 200) throw new ConfigError(`--signer: ${base}/api/v1/keys answered ${keys.status ?? keys.error?.message ?? 'nothing'}`);
  let address: string | undefined;
  try {
    address = (JSON.parse(keys.body) as { keys?: string[] }).keys?.[0];
  } catch {
    // handled below
  }
  if (!address || !/^0x[0-9a-fA-F]{40}$/.test(address)) throw new ConfigError('--signer: the remote signer lists no usable key at /api/v1/keys');
  const signer = address as `0x${string}`;
  return {
    address: signer,
    kind: 'remote-signer',
    async signTypedData(request, signOptions) {
      const body = JSON.stringify(jsonSafe({ ...request, types: { EIP712Domain: domainType(request.domain), ...request.types } }));
      const res = await exchange({
        url: `${base}/api/v1/sign/${signer}/typed-data`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        dispatcher: options.dispatcher,
        timeoutMs: options.timeoutMs,
        deadline: signOptions?.deadline,
      });
      let signature: string | undefined;
      try {
        signature = (JSON.parse(res.body) as { signature?: string }).signature;
      } catch {
        // handled below
      }
      if (res.status !== 200 || !signature || !/^0x[0-9a-fA-F]{130}$/.test(signature)) {
        throw new ConfigError(`--signer: typed-data signing failed (${res.status ?? res.error?.code ?? 'no response'})`);
      }
      return signature as `0x${string}`;
    },
  };
}

/**
 * Defence in depth behind planPayment: a signer that signs only EIP-3009 authorizations for the
 * planned asset and chain, for at most the cap, to the planned payTo or back to the payer.
 */
export function capSigner(signer: BuyerSigner, plan: PaymentPlan): BuyerSigner {
  return {
    ...signer,
    async signTypedData(request, options) {
      const refuse = (why: string): never => {
        throw new SpendGuardError(`refused to sign: ${why}`);
      };
      if (plan.refused !== null || plan.capAtomic === null || plan.asset === null) refuse(plan.refused ?? 'no payment plan');
      if (request.primaryType !== 'TransferWithAuthorization') refuse(`unsupported typed data ${request.primaryType}`);
      const m = request.message;
      const d = request.domain;
      if (String(d.verifyingContract).toLowerCase() !== plan.asset!.toLowerCase()) refuse(`token ${String(d.verifyingContract)} is not the planned asset`);
      if (Number(d.chainId) !== plan.chainId) refuse(`chain ${String(d.chainId)} is not the planned chain ${plan.chainId}`);
      if (String(m.from).toLowerCase() !== signer.address.toLowerCase()) refuse('the authorization is not from this buyer');
      const to = String(m.to).toLowerCase();
      if (to !== plan.payTo!.toLowerCase() && to !== signer.address.toLowerCase()) refuse(`recipient ${String(m.to)} is not the planned payTo`);
      let value: bigint;
      try {
        value = BigInt(m.value as string | bigint);
      } catch {
        return refuse('the value is not an integer');
      }
      if (value < 0n || value > BigInt(plan.capAtomic!)) refuse(`value ${value} exceeds the cap ${plan.capAtomic}`);
      return signer.signTypedData(request, options);
    },
  };
}
