import { firstSignable, unsignableReason } from '../protocol/signable.js';
import type { HttpExchange, PaymentAttempt } from '../artifacts/index.js';
import type { ProbeOptions } from './options.js';
import { sendPayment } from './sendPayment.js';
import { signPayment, type TypedDataSigner, warmPaymentClient } from './signPayment.js';
import { defineGatherer } from './defineGatherer.js';
import type { GathererContext } from './types.js';
import { errorLine } from '../util/errorLine.js';

/** Text that is not base64 and not JSON: a seller must answer it with 400 or 402. */
export const MALFORMED_PAYMENT = '!!x402-probe: this is not a payment!!';

/** What the forged and malformed payments share: they answer the challenge, at the same time. */
const attack = {
  dependencies: ['challenge'],
  concurrent: true,
} as const;

const attacksNotRequested = (options: ProbeOptions): string | null => (options.attacks === false ? 'attacks disabled (--no-attacks)' : null);

const undecodable = ({ artifacts }: GathererContext<'challenge'>): string | null => (artifacts.challenge.x402Version === null ? 'no decodable payment challenge' : null);

const attemptExchange = (attempt: PaymentAttempt): [string, HttpExchange | null][] => [[attempt.kind, attempt.exchange]];

let throwaway: Promise<TypedDataSigner> | null = null;

/**
 * A random key that holds nothing, made once per process and never stored or printed. Deriving
 * a key costs about as much as signing, and a scan signs one forged payment per target.
 */
function throwawayAccount(): Promise<TypedDataSigner> {
  // Loaded on first use: a run without attacks never parses the signing code.
  throwaway ??= import('./throwawaySigner.js').then(({ createThrowawaySigner }) => createThrowawaySigner());
  return throwaway;
}

/**
 * A well-formed payment for the first payable requirement, signed by a fresh key that holds
 * nothing. A seller that serves it does not verify payments.
 */
export const forgedGatherer = defineGatherer({
  meta: { artifact: 'forged', ...attack },
  notRequested: attacksNotRequested,
  // The signing code and the throwaway key load while the unpaid request is in flight.
  warm: (options) => {
    if (!options.forgeSigner) throwawayAccount().catch(() => undefined);
    warmPaymentClient();
  },
  skipReason: undecodable,
  exchanges: attemptExchange,
  async gather(ctx) {
    const { challenge } = ctx.artifacts;
    const requirement = firstSignable(challenge.requirements, ctx.options.expect?.network);
    const headerName = challenge.x402Version === 2 ? 'PAYMENT-SIGNATURE' : 'X-PAYMENT';
    const attempt: PaymentAttempt = { kind: 'forged', requirementIndex: null, headerName, headerValue: '', payer: null, value: null, exchange: null };
    if (!requirement) {
      const reasons = challenge.requirements.map((r) => `#${r.index}: ${unsignableReason(r)}`);
      attempt.notSent = reasons.length ? `no requirement a buyer can sign (${reasons.join('; ')})` : 'the challenge has no requirements';
      return attempt;
    }
    const account = ctx.options.forgeSigner ?? (await throwawayAccount());
    attempt.requirementIndex = requirement.index;
    attempt.payer = account.address;
    try {
      const signed = await signPayment(challenge, requirement, account);
      attempt.headerName = signed.headerName;
      attempt.headerValue = signed.headerValue;
      attempt.value = signed.value;
    } catch (error) {
      attempt.notSent = `the x402 client could not sign for requirement #${requirement.index}: ${errorLine(error)}`;
      return attempt;
    }
    attempt.exchange = await sendPayment(ctx, attempt.headerName, attempt.headerValue);
    return attempt;
  },
});

/** A payment header that is not a payment at all. */
export const malformedGatherer = defineGatherer({
  meta: { artifact: 'malformed', ...attack },
  notRequested: attacksNotRequested,
  skipReason: undecodable,
  exchanges: attemptExchange,
  async gather(ctx) {
    const headerName = ctx.artifacts.challenge.x402Version === 2 ? 'PAYMENT-SIGNATURE' : 'X-PAYMENT';
    return {
      kind: 'malformed',
      requirementIndex: null,
      headerName,
      headerValue: MALFORMED_PAYMENT,
      payer: null,
      value: null,
      exchange: await sendPayment(ctx, headerName, MALFORMED_PAYMENT),
    };
  },
});
