/**
 * A whole probe's artifacts for the fuzzer: a fuzzed unpaid response (its challenge is decoded
 * by the real gatherer), fuzzed attack answers, and, some of the time, a paid session, a
 * settlement receipt, registry reads and a ServiceOffer whose seller-controlled fields are wild.
 */
import fc from 'fast-check';
import type {
  Artifacts,
  HttpExchange,
  OfferArtifact,
  PaymentAttempt,
  PaymentSession,
  RegistrationFetch,
  RegistryAgentArtifact,
  SettlementReceipt,
  TargetArtifact,
  TokenInfo,
} from '../../src/artifacts/index.js';
import { condition, offerArtifact } from '../../test/obol/offerArtifact.js';
import { plan, receipt, session } from '../../test/helpers/payment.js';
import { fetched, registrationDoc, registryAgent } from '../../test/registry/artifacts.js';
import { reply, response, toJsonText, wildValue as wild } from './arbitraries.js';

/** Everything but the challenge, which the real gatherer derives from `unpaid`. */
export type FuzzArtifacts = Omit<Partial<Artifacts>, 'challenge'> & { target: TargetArtifact; unpaid: HttpExchange };

const addressLike = fc.oneof(
  fc.constantFrom('0x70997970C51812dc3A010C7d01b50e0d17dc79C8', '0x036CbD53842c5426634e7929541eC2318f3dCF7e', '0x90F79bf6EB2c4f870365E785982E1f101E93b906', `0x${'0'.repeat(40)}`),
  fc.stringMatching(/^0x[0-9a-fA-F]{0,40}$/),
  fc.string({ maxLength: 8 }),
);
const decimalString = fc.bigInt({ min: 0n, max: 10n ** 40n }).map(String);
const nullable = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null, freq: 3 });

export const target: fc.Arbitrary<TargetArtifact> = fc.record({
  url: fc.constantFrom('http://127.0.0.1:8080/api/weather', 'https://api.example.com/weather?city=Oslo', 'https://xn--80ak6aa92e.com/pay'),
  method: fc.constantFrom('GET', 'POST'),
  startedAt: fc.constant('2026-11-25T12:00:00.000Z'),
  nowSeconds: fc.constant(1795608000),
  loopback: fc.boolean(),
  expect: fc.record(
    {
      price: fc.stringMatching(/^[0-9]{1,6}(\.[0-9]{1,8})?$/),
      payTo: fc.constantFrom('0x70997970C51812dc3A010C7d01b50e0d17dc79C8', '0x90F79bf6EB2c4f870365E785982E1f101E93b906'),
      network: fc.constantFrom('eip155:84532', 'base-sepolia', 'base', 'eip155:8453', 'solana'),
    },
    { requiredKeys: [] },
  ),
  rpc: fc.boolean(),
});

function attempt(kind: PaymentAttempt['kind']): fc.Arbitrary<PaymentAttempt> {
  return fc.record({
    kind: fc.constant(kind),
    requirementIndex: nullable(fc.nat(5)),
    headerName: fc.constantFrom('PAYMENT-SIGNATURE', 'X-PAYMENT'),
    headerValue: fc.base64String({ maxLength: 40 }),
    payer: nullable(addressLike),
    value: nullable(decimalString),
    // The forged attempt sometimes gets a whole fuzzed challenge back; the others a plain answer.
    exchange: fc.option(kind === 'forged' ? fc.oneof(reply, response) : reply, { nil: null, freq: 6 }),
  }).chain((a) => (a.exchange === null ? fc.option(fc.string({ maxLength: 40 }), { nil: undefined }).map((notSent) => (notSent === undefined ? a : { ...a, notSent })) : fc.constant(a)));
}

const tokenInfo: fc.Arbitrary<TokenInfo> = fc.record({
  asset: addressLike,
  chainId: nullable(fc.oneof(fc.constantFrom(84532, 8453, 1), fc.integer())),
  requirementIndex: fc.nat(5),
  name: nullable(fc.oneof(fc.constantFrom('USDC', 'USD Coin'), fc.string({ maxLength: 10 }))),
  version: nullable(fc.constantFrom('2', '1', '')),
  decimals: nullable(fc.oneof(fc.constant(6), fc.integer({ min: -5, max: 300 }))),
  hasCode: fc.boolean(),
  error: nullable(fc.string({ maxLength: 20 })),
});

const balances = fc.record({ payer: decimalString, payTo: decimalString });

/** A plan as planPayment makes it: refused (fields possibly unset), or executable (all set). */
const paymentPlan = fc.oneof(
  fc.record({ refused: fc.string({ minLength: 1, maxLength: 30 }), requirementIndex: nullable(fc.nat(5)), amount: nullable(decimalString), decimals: nullable(fc.integer({ min: 0, max: 30 })), capAtomic: nullable(decimalString) }),
  fc.record({
    refused: fc.constant(null),
    requirementIndex: fc.nat(5),
    amount: decimalString,
    decimals: fc.integer({ min: 0, max: 30 }),
    capAtomic: decimalString,
    mainnet: fc.boolean(),
    payTo: addressLike,
    asset: addressLike,
    network: fc.constantFrom('eip155:84532', 'eip155:8453', 'base-sepolia'),
    symbol: nullable(fc.constantFrom('USDC', 'EURC')),
  }),
);

const payment: fc.Arbitrary<PaymentSession> = fc
  .record({
    plan: paymentPlan,
    underpaid: fc.option(attempt('underpaid'), { nil: null }),
    wrongRecipient: fc.option(attempt('wrong-recipient'), { nil: null }),
    expired: fc.option(attempt('expired'), { nil: null }),
    paid: fc.option(attempt('paid'), { nil: null }),
    replay: fc.option(attempt('replay'), { nil: null }),
    balances: fc.option(fc.record({ before: nullable(balances), afterPaid: nullable(balances), afterReplay: nullable(balances), error: nullable(fc.string({ maxLength: 20 })) }), { nil: null }),
    error: nullable(fc.string({ maxLength: 20 })),
  })
  // A refused plan signs and sends nothing (session.ts returns before the first request).
  .map((r) =>
    r.plan.refused !== null
      ? session({ plan: plan(r.plan), underpaid: null, wrongRecipient: null, expired: null, paid: null, replay: null, nonce: null, balances: null })
      : session({ ...r, plan: plan(r.plan) }),
  );

const settlement: fc.Arbitrary<SettlementReceipt> = fc
  .record({
    found: fc.boolean(),
    status: fc.constantFrom('success', 'reverted', null),
    chainId: nullable(fc.integer()),
    transfers: fc.array(fc.record({ token: addressLike, from: addressLike, to: addressLike, value: decimalString }), { maxLength: 3 }),
    error: nullable(fc.string({ maxLength: 20 })),
  })
  .map((r) => receipt(r));

/** A fetched registration document: a near-valid file with wild fields, or any JSON or text. */
const registrationFile: fc.Arbitrary<RegistrationFetch> = fc
  .tuple(
    fc.oneof(
      fc.dictionary(fc.constantFrom('type', 'name', 'services', 'x402Support', 'active', 'registrations', 'endpoints', 'domain'), wild, { maxKeys: 4 }).map((over) => registrationDoc(over)),
      wild,
    ),
    fc.constantFrom(200, 200, 404, 500),
    fc.boolean(),
  )
  .map(([doc, status, asText]) => fetched(asText ? toJsonText(doc).slice(0, 40) : doc, { status }));

const agent: fc.Arbitrary<RegistryAgentArtifact> = fc
  .record({
    owner: nullable(addressLike),
    tokenURI: nullable(fc.oneof(fc.constantFrom('', 'https://api.example.com/.well-known/agent-registration.json', 'ipfs://Qm', 'data:,{}'), fc.string({ maxLength: 20 }))),
    agentWallet: nullable(addressLike),
    hasCode: fc.option(fc.boolean(), { nil: null }),
    rpcError: nullable(fc.string({ maxLength: 20 })),
    metadata: fc.dictionary(fc.string({ maxLength: 6 }), nullable(fc.stringMatching(/^0x[0-9a-f]{0,20}$/)), { maxKeys: 2 }),
  })
  .map((r) => registryAgent(r));

const offer: fc.Arbitrary<OfferArtifact> = fc
  .record({
    found: fc.boolean(),
    type: wild,
    model: wild,
    upstream: wild,
    payment: fc.oneof(wild, fc.record({ scheme: wild, network: wild, payTo: wild, price: fc.oneof(wild, fc.dictionary(fc.constantFrom('perRequest', 'perMTok', 'perHour'), wild, { maxKeys: 2 })) }, { requiredKeys: [] })),
    path: wild,
    endpoint: wild,
    agentId: wild,
    generation: nullable(fc.integer()),
    observedGeneration: nullable(fc.integer()),
    conditions: fc.array(
      fc.tuple(fc.constantFrom('ModelReady', 'UpstreamHealthy', 'PaymentGateReady', 'RoutePublished', 'Registered', 'Ready', 'Odd'), fc.constantFrom('True', 'False', 'Unknown', ''), nullable(fc.string({ maxLength: 10 }))).map(([type, status, reason]) => condition(type, status, reason)),
      { maxLength: 7 },
    ),
  })
  .map((r) => offerArtifact(r));

/** One probe's worth of artifacts; each optional one is present about half the time. */
export const fuzzArtifacts: fc.Arbitrary<FuzzArtifacts> = fc.record(
  {
    target,
    unpaid: response,
    forged: attempt('forged'),
    malformed: attempt('malformed'),
    tokenInfo,
    payment,
    settlement,
    registryAgent: agent,
    registryFile: registrationFile,
    registryWellKnown: registrationFile,
    offer,
  },
  { requiredKeys: ['target', 'unpaid'] },
).map((a) => {
  // The settlement gatherer runs only after a paid request was made (gather/pay/settlement.ts).
  if (a.settlement && !a.payment?.paid?.exchange) delete a.settlement;
  return a;
});
