import type { Dispatcher } from 'undici';
import { ConfigError, SpendGuardError } from '../../errors.js';
import { isWellFormedAddress } from '../../protocol/addresses.js';
import { PERMIT2_WITNESS_TYPES } from '../../protocol/permit2.js';
import { registerSecret } from '../../util/redact.js';
import type { ExchangeDeadline } from '../deadline.js';
import { exchange } from '../http.js';
import type { PaymentPlan } from '../../artifacts/index.js';

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
  /**
   * EIP-191 personal_sign, for a sign-in-with-x retry only (a key in memory; the remote signer
   * signs typed data only). Reached solely through siwxSigner, which signs one exact message.
   */
  signMessage?(message: string): Promise<`0x${string}`>;
}

const PRIVATE_KEY = /^(0x)?[0-9a-fA-F]{64}$/;
/** secp256k1's group order: a private key is an integer in [1, n). */
const SECP256K1_N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

/**
 * `--key-env VAR`: a hex private key in an environment variable. Every way the value can be
 * unusable (not hex, wrong length, zero, outside the curve's range, rejected by the signing
 * library) gives the same one-line error naming the variable, never the value.
 */
export async function signerFromEnv(variable: string, env: NodeJS.ProcessEnv): Promise<BuyerSigner> {
  const key = privateKeyFromEnv(variable, env);
  try {
    return await signerFromKey(key);
  } catch {
    // The signing library's own message quotes the key (in decimal): never pass it on.
    throw unusableKey(variable);
  }
}

const unusableKey = (variable: string) =>
  new ConfigError(`--key-env: ${variable} does not hold a usable private key (32 bytes of hex, 0x optional, in the secp256k1 range)`);

/** The key in `variable`, registered for redaction before anything else is done with it. */
function privateKeyFromEnv(variable: string, env: NodeJS.ProcessEnv): `0x${string}` {
  const value = env[variable];
  if (value) registerSecret(value.trim());
  const raw = value?.trim();
  if (!raw) throw new ConfigError(`--key-env: environment variable ${variable} is not set or empty`);
  if (!PRIVATE_KEY.test(raw)) throw unusableKey(variable);
  const key = (raw.startsWith('0x') ? raw : `0x${raw}`) as `0x${string}`;
  const scalar = BigInt(key);
  if (scalar === 0n || scalar >= SECP256K1_N) throw unusableKey(variable);
  registerSecret(key);
  return key;
}

/**
 * `--key-env VAR` for sending transactions (`validate --publish`, `check --pay --feedback`): a viem
 * local account, with the same validation and messages as signerFromEnv.
 */
export async function accountFromEnv(variable: string, env: NodeJS.ProcessEnv): Promise<import('viem').LocalAccount> {
  const key = privateKeyFromEnv(variable, env);
  const { privateKeyToAccount } = await import('../../util/lazyViem.js');
  try {
    return privateKeyToAccount(key);
  } catch {
    throw unusableKey(variable);
  }
}

/** A signer over a private key held in memory (registered for redaction first). */
export async function signerFromKey(key: `0x${string}`): Promise<BuyerSigner> {
  registerSecret(key);
  const { privateKeyToAccount } = await import('../../util/lazyViem.js');
  const account = privateKeyToAccount(key);
  return {
    address: account.address,
    kind: 'key-env',
    // biome-ignore lint: viem's typed-data generics cannot follow a runtime-built request.
    signTypedData: (request) => account.signTypedData(request as any),
    signMessage: (message) => account.signMessage({ message }),
  };
}

/**
 * The buyer as @x402/extensions' SIWX client wants it, for one sign-in: it signs exactly
 * `expected` (the CAIP-122 message built from the 402's declaration for this buyer, which moves
 * no money) and refuses any other text, or null when the buyer cannot sign messages.
 */
export function siwxSigner(signer: BuyerSigner, expected: string): { address: `0x${string}`; signMessage(args: { message: string }): Promise<string> } | null {
  const sign = signer.signMessage;
  if (!sign) return null;
  return {
    address: signer.address,
    async signMessage({ message }) {
      if (message !== expected) throw new SpendGuardError('refused to sign: not the sign-in-with-x message of this run');
      return sign(message);
    },
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
  // The origin only: a signer URL may carry credentials in its path or userinfo.
  const origin = new URL(base).origin;
  const keys = await exchange({ url: `${base}/api/v1/keys`, dispatcher: options.dispatcher, timeoutMs: options.timeoutMs });
  if (keys.status === null) throw new ConfigError(`--signer: the remote signer at ${origin} did not answer (${keys.error?.code ?? 'no response'})`);
  if (keys.status !== 200) throw new ConfigError(`--signer: the remote signer at ${origin} answered HTTP ${keys.status} to GET /api/v1/keys`);
  let address: string | undefined;
  try {
    address = (JSON.parse(keys.body) as { keys?: string[] }).keys?.[0];
  } catch {
    // handled below
  }
  if (!isWellFormedAddress(address)) throw new ConfigError('--signer: the remote signer lists no usable key at /api/v1/keys');
  const signer = address;
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
      // Cut by the run deadline: the seller may have spent it, so this is the run's cut, not the signer's fault.
      if (res.error?.code === 'deadline') throw new Error('signing was cut by the run deadline');
      // A signer that stops answering, or refuses, is the buyer's broken setup, not the seller's defect.
      if (res.status === null) throw new ConfigError(`--signer: the remote signer at ${origin} stopped answering (${res.error?.code ?? 'no response'})`);
      if (res.status !== 200 || !signature || !/^0x[0-9a-fA-F]{130}$/.test(signature)) {
        throw new ConfigError(`--signer: the remote signer at ${origin} did not sign the typed data (HTTP ${res.status})`);
      }
      return signature as `0x${string}`;
    },
  };
}

/** An unsigned integer as typed data carries it (bigint, decimal string or safe integer), else null. */
function toUint(value: unknown): bigint | null {
  if (typeof value === 'bigint') return value >= 0n ? value : null;
  if (typeof value === 'string' && /^[0-9]{1,78}$/.test(value)) return BigInt(value);
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return BigInt(value);
  return null;
}

export interface CapSignerOptions {
  /** The clock, in milliseconds (tests); the validity window is judged against it at signing time. */
  now?: () => number;
}

type Refuse = (why: string) => never;

/** The validity bound, judged at signing time: an authorization valid until `until` (seconds) lives at most the plan's bound from now. */
function withinValidity(until: bigint, plan: PaymentPlan, nowMs: number, refuse: Refuse): void {
  const lifetime = until - BigInt(Math.floor(nowMs / 1000));
  if (lifetime > BigInt(plan.maxValiditySeconds)) refuse(`the authorization would stay valid ${lifetime} s from now, beyond the ${plan.maxValiditySeconds} s bound (--max-validity)`);
}

/** The recipient may be the planned payTo, or the payer itself (the wrong-recipient attack pays the buyer back). */
function toPlannedPayee(to: unknown, plan: PaymentPlan, payer: string, refuse: Refuse): void {
  const recipient = String(to).toLowerCase();
  if (recipient !== plan.payTo!.toLowerCase() && recipient !== payer.toLowerCase()) refuse(`recipient ${String(to)} is not the planned payTo`);
}

/** What a judged authorization can move at most, under which nonce. */
interface Judged {
  nonce: string;
  value: bigint;
}

/** An EIP-3009 TransferWithAuthorization for the planned token and chain, from this buyer; its nonce (bytes32 hex) and value. */
function judgeEip3009(request: TypedDataRequest, plan: PaymentPlan, payer: string, nowMs: number, refuse: Refuse): Judged {
  const m = request.message;
  const d = request.domain;
  if (String(d.verifyingContract).toLowerCase() !== plan.asset!.toLowerCase()) refuse(`token ${String(d.verifyingContract)} is not the planned asset`);
  if (Number(d.chainId) !== plan.chainId) refuse(`chain ${String(d.chainId)} is not the planned chain ${plan.chainId}`);
  if (String(m.from).toLowerCase() !== payer.toLowerCase()) refuse('the authorization is not from this buyer');
  toPlannedPayee(m.to, plan, payer, refuse);
  const value = toUint(m.value);
  if (value === null) return refuse('the value is not an unsigned integer');
  if (value > BigInt(plan.capAtomic!)) refuse(`value ${value} exceeds the cap ${plan.capAtomic}`);
  const validAfter = toUint(m.validAfter);
  const validBefore = toUint(m.validBefore);
  if (validAfter === null || validBefore === null) return refuse('the validity window is not a pair of unsigned integers');
  if (validBefore <= validAfter) refuse(`validBefore ${validBefore} is not after validAfter ${validAfter}`);
  withinValidity(validBefore, plan, nowMs, refuse);
  const nonce = typeof m.nonce === 'string' && /^0x[0-9a-fA-F]{64}$/.test(m.nonce) ? m.nonce.toLowerCase() : refuse('the nonce is not 32 bytes of hex');
  return { nonce, value };
}

const sameTypes = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
const object = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});

/**
 * A Permit2 PermitWitnessTransferFrom with exactly the x402 witness of the planned scheme:
 * domain {Permit2, the planned chain, canonical Permit2}, spender the scheme's proxy, the planned
 * token, at most the cap (for upto the signed maximum is what the cap bounds), witness.to the
 * planned payTo (or the payer), the planned facilitator (upto), a deadline within the bound. Its
 * nonce (a uint256, as decimal) and the permitted amount (for upto, the most it can settle).
 */
function judgePermit2(request: TypedDataRequest, plan: PaymentPlan, payer: string, nowMs: number, refuse: Refuse): Judged {
  const p2 = plan.permit2;
  if (!p2) return refuse('a Permit2 permit, but the plan pays by EIP-3009');
  const { EIP712Domain: _domain, ...types } = request.types;
  if (!sameTypes(types, PERMIT2_WITNESS_TYPES[p2.scheme])) refuse(`the permit's types are not the x402 ${p2.scheme} witness`);
  const d = request.domain;
  const domainKeys = Object.keys(d).filter((k) => d[k] !== undefined).sort().join(',');
  if (domainKeys !== 'chainId,name,verifyingContract' || d.name !== 'Permit2') refuse('the domain is not Permit2\'s (name, chainId, verifyingContract)');
  if (String(d.verifyingContract).toLowerCase() !== p2.permit2.toLowerCase()) refuse(`verifying contract ${String(d.verifyingContract)} is not the canonical Permit2`);
  if (toUint(d.chainId) !== BigInt(plan.chainId!)) refuse(`chain ${String(d.chainId)} is not the planned chain ${plan.chainId}`);
  const m = request.message;
  const permitted = object(m.permitted);
  const witness = object(m.witness);
  if (String(m.spender).toLowerCase() !== p2.spender.toLowerCase()) refuse(`spender ${String(m.spender)} is not the x402 ${p2.scheme} proxy ${p2.spender}`);
  if (String(permitted.token).toLowerCase() !== plan.asset!.toLowerCase()) refuse(`token ${String(permitted.token)} is not the planned asset`);
  const amount = toUint(permitted.amount);
  if (amount === null) return refuse('the permitted amount is not an unsigned integer');
  if (amount > BigInt(plan.capAtomic!)) refuse(`permitted amount ${amount} exceeds the cap ${plan.capAtomic}`);
  toPlannedPayee(witness.to, plan, payer, refuse);
  if (p2.scheme === 'upto' && String(witness.facilitator).toLowerCase() !== String(p2.facilitator).toLowerCase()) refuse(`witness facilitator ${String(witness.facilitator)} is not the planned ${p2.facilitator}`);
  const deadline = toUint(m.deadline);
  const validAfter = toUint(witness.validAfter);
  if (deadline === null || validAfter === null) return refuse('the deadline and validAfter are not unsigned integers');
  if (deadline <= validAfter) refuse(`deadline ${deadline} is not after validAfter ${validAfter}`);
  withinValidity(deadline, plan, nowMs, refuse);
  const nonce = toUint(m.nonce);
  return nonce === null ? refuse('the nonce is not an unsigned integer') : { nonce: nonce.toString(), value: amount };
}

/**
 * Defence in depth behind planPayment, judged on the typed data itself: a signer that signs only
 * what the plan pays by (EIP-3009 authorizations, or Permit2 permits with the x402 witness of the
 * planned scheme) for the planned asset and chain, each for at most the cap, to the planned payTo
 * or back to the payer, valid for at most the bound from now, and within the run budget:
 * authorizations sharing a nonce can settle at most once, so the run's exposure is the largest
 * value signed under each nonce, summed over its nonces, and that stays within --max-total (by
 * default one price, so one nonce).
 */
export function capSigner(signer: BuyerSigner, plan: PaymentPlan, options: CapSignerOptions = {}): BuyerSigner {
  const clock = options.now ?? Date.now;
  const exposure = new Map<string, bigint>();
  return {
    address: signer.address,
    kind: signer.kind,
    // Message signing is not passed on: a sign-in goes through siwxSigner, one exact message.
    async signTypedData(request, options) {
      const refuse = (why: string): never => {
        throw new SpendGuardError(`refused to sign: ${why}`);
      };
      if (plan.refused !== null || plan.capAtomic === null || plan.asset === null) refuse(plan.refused ?? 'no payment plan');
      // viem hashes the domain by types.EIP712Domain when given: any other than the judged domain's own type signs another domain (a name alone is valid on every chain).
      if (Object.hasOwn(request.types, 'EIP712Domain') && !sameTypes(request.types.EIP712Domain, domainType(request.domain))) refuse('the EIP712Domain type is not the type of the domain judged');
      let judged: Judged;
      if (request.primaryType === 'TransferWithAuthorization' && !plan.permit2) judged = judgeEip3009(request, plan, signer.address, clock(), refuse);
      else if (request.primaryType === 'PermitWitnessTransferFrom' && plan.permit2) judged = judgePermit2(request, plan, signer.address, clock(), refuse);
      else return refuse(`unsupported typed data ${request.primaryType} (the plan pays by ${plan.permit2 ? 'Permit2' : 'EIP-3009'})`);
      const { nonce, value } = judged;
      const budget = BigInt(plan.totalCapAtomic ?? plan.amount ?? '0');
      const before = exposure.get(nonce) ?? 0n;
      const total = [...exposure.values()].reduce((sum, v) => sum + v, 0n) - before + (value > before ? value : before);
      if (total > budget) refuse(`the run's authorizations could then settle ${total} in all, beyond the run budget ${budget} (--max-total)`);
      exposure.set(nonce, value > before ? value : before);
      return signer.signTypedData(request, options);
    },
  };
}
