/**
 * Artifacts: what the gatherers recorded, as plain JSON-serialisable facts (bigints as
 * decimal strings, times as numbers). No verdicts live here; checks judge them.
 * A run's artifacts can be saved and re-judged offline, or kept as a fixture.
 */

/** Why an HTTP exchange did not complete normally. */
export type HttpErrorCode =
  | 'invalid-url'
  | 'dns'
  | 'refused'
  | 'reset'
  | 'tls'
  | 'timeout'
  /** Cut (or never sent) because the run deadline passed, rather than the exchange's own timeout. */
  | 'deadline'
  | 'headers-too-large'
  | 'redirect-loop'
  | 'too-many-redirects'
  | 'bad-redirect'
  | 'protocol'
  /** The network policy refused the address (a target from data, or a redirect off a public origin, at a non-public address): nothing was sent. */
  | 'forbidden-address'
  | 'other';

export interface HttpError {
  /** Classified cause. */
  code: HttpErrorCode;
  /** The underlying error text (undici or Node code and message), keys redacted. */
  message: string;
}

/** One redirect that was followed. */
export interface RedirectHop {
  /** The URL that answered with a redirect. */
  from: string;
  /** The absolute URL it pointed to. */
  to: string;
  /** The 3xx status. */
  status: number;
  /** True when `to` has another origin (scheme, host or port) than `from`. */
  crossOrigin: boolean;
  /**
   * On a cross-origin hop: names (lowercased, never values) of the request headers not carried
   * to `to` as they were: every header but a carried body's Content-Type (the hop sends the
   * probe's own Accept and User-Agent, so a caller's other values of those are named too).
   */
  droppedHeaders?: string[];
}

/** The request as it was sent (the first hop). */
export interface SentRequest {
  url: string;
  method: string;
  /** Request headers sent, names lowercased. Payment headers are kept (they hold no key). */
  headers: Record<string, string>;
  /** Size of the request body in bytes (0 for none). */
  bodyBytes: number;
}

/** One HTTP exchange, following redirects, with every limit recorded. */
export interface HttpExchange {
  request: SentRequest;
  /** The URL of the last response (after redirects). */
  finalUrl: string;
  /** Redirects followed, in order. */
  redirects: RedirectHop[];
  /** Status of the last response; null when no response arrived. */
  status: number | null;
  /** Response headers of the last response, names lowercased; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** Size of the response header block in bytes (names, values and separators). */
  headerBytes: number;
  /** Response body as UTF-8 text (invalid bytes replaced), at most `bodyCap` bytes. */
  body: string;
  /** Bytes of body received (up to the cap). */
  bodyBytes: number;
  /** True when the body was longer than the cap and reading stopped there. */
  bodyTruncated: boolean;
  /** True when the body stopped early because of an error or the deadline after headers arrived. */
  bodyIncomplete: boolean;
  /** Timings in milliseconds from the start of the first request. */
  timings: { headersMs: number | null; totalMs: number };
  /** The configured timeout (ms) and body cap (bytes), so checks can explain limits. */
  limits: { timeoutMs: number; bodyCap: number; headerCap: number; maxRedirects: number };
  /** Why the exchange failed, if it did. A response with an error status is not an error. */
  error: HttpError | null;
}

/** One stage of decoding a challenge carrier (header or body). */
export interface DecodeStage {
  ok: boolean;
  /** What went wrong at this stage, when it did. */
  error?: string;
}

/** How a challenge carrier (the v2 header or the v1/v2 JSON body) decoded. */
export interface CarrierDecode {
  /** Whether the carrier was present at all. */
  present: boolean;
  /** Header only: the value is standard base64 (the reference client's Base64EncodedRegex). */
  base64?: DecodeStage;
  /** The text parsed as JSON. */
  json?: DecodeStage;
  /**
   * The JSON is an x402 PaymentRequired by @x402/core's schemas. `issues` lists the schema's
   * complaints when not ok, and what was tolerated (v1 network names in v2) when ok.
   */
  schema?: DecodeStage & { issues?: string[] };
  /** `x402Version` as found in the JSON (any type). */
  x402Version?: unknown;
  /** The decoded JSON value (when json.ok). */
  value?: unknown;
}

/** A non-standard way the response signals payment, classified (never accepted as a challenge). */
export interface NonStandardSignal {
  kind:
    | 'www-authenticate-x402'
    | 'x-payment-required-header'
    | 'x402-challenge-header'
    | 'x402-body-object'
    | 'html-paywall'
    | 'resource-info-field'
    | 'payment-required-lowercase-json';
  /** The header or body fragment that showed it (truncated). */
  evidence: string;
}

/** One payment requirement from the challenge, with values as found (types not trusted). */
export interface RequirementView {
  index: number;
  /** The wire version of the challenge this came from. */
  x402Version: 1 | 2;
  scheme: unknown;
  network: unknown;
  /** v2 `amount`, or v1 `maxAmountRequired`. */
  amount: unknown;
  /** Which field carried the amount (a v1 field in a v2 challenge is itself a defect). */
  amountField: 'amount' | 'maxAmountRequired' | null;
  asset: unknown;
  payTo: unknown;
  maxTimeoutSeconds: unknown;
  extra: unknown;
  /** v1: the requirement's `resource`; v2: the top-level `resource.url`. */
  resource: unknown;
  /** v1: the requirement's `description`; v2: `resource.description`. */
  description: unknown;
  mimeType: unknown;
  /** The entry exactly as received (v2 buyers must echo it verbatim as `accepted`). */
  raw: unknown;
}

/** The payment challenge, decoded through protocol/ (one decoding path for v1 and v2). */
export interface ChallengeArtifact {
  /** The status the challenge came with. */
  status: number;
  header: CarrierDecode;
  body: CarrierDecode;
  /** Which carrier the buyer would use: the header first (v2), then the body (v1). */
  source: 'header' | 'body' | null;
  /** x402 version of the chosen carrier when it is 1 or 2, else null. */
  x402Version: 1 | 2 | null;
  /** The chosen PaymentRequired object (decoded JSON), or null. */
  paymentRequired: unknown;
  /** Requirements of the chosen carrier (empty when none decoded). */
  requirements: RequirementView[];
  /** Non-standard payment signals found in the response. */
  nonStandard: NonStandardSignal[];
}

/** A payment the probe sent to see whether the seller refuses it. */
export interface PaymentAttempt {
  /** What kind of payment this was. */
  kind: 'forged' | 'malformed' | 'paid' | 'replay' | 'underpaid' | 'wrong-recipient' | 'expired';
  /** Index of the requirement the payment was built for (null for malformed). */
  requirementIndex: number | null;
  /** The header the payment went in (`PAYMENT-SIGNATURE` or `X-PAYMENT`). */
  headerName: string;
  /** The header value sent (base64; it holds a signature, never a key). */
  headerValue: string;
  /** The address that signed (a fresh, unfunded key for forged payments). */
  payer: string | null;
  /** The signed authorization value (atomic, decimal string), when one was signed. */
  value: string | null;
  /** Why no payment was sent, when none was (e.g. no signable requirement). */
  notSent?: string;
  /** The exchange, when a payment was sent. */
  exchange: HttpExchange | null;
}

/** The token's own answer about itself, read with --rpc. */
export interface TokenInfo {
  /** The asset address read. */
  asset: string;
  /** The chain id the RPC reported. */
  chainId: number | null;
  /** The requirement index the asset came from. */
  requirementIndex: number;
  /** The token's `name()`, or null when the call failed. */
  name: string | null;
  /** The token's `version()` (EIP-712 version), or null when the call failed. */
  version: string | null;
  /** The token's `decimals()`, or null when the call failed. */
  decimals: number | null;
  /** Bytecode present at the address. */
  hasCode: boolean;
  /** Why the read failed, when it did. */
  error: string | null;
}

/** What the user said the seller means to charge, and how the probe was configured. */
export interface TargetArtifact {
  url: string;
  method: string;
  /** ISO-8601 time the probe started; checks compare times against it, never the clock. */
  startedAt: string;
  /** Unix seconds at the start of the probe. */
  nowSeconds: number;
  /** True when the target host is loopback (exempt from the https warning). */
  loopback: boolean;
  expect: {
    /** --expect-price, decimal in the asset's units. */
    price?: string;
    /** --expect-pay-to. */
    payTo?: string;
    /** --expect-network, as given (CAIP-2 or v1 name). */
    network?: string;
  };
  /** Whether --rpc was given (for checks that explain a skip). */
  rpc: boolean;
}

/** Why a registration document could not be obtained (an HTTP error status is not one: see `exchange`). */
export type RegistrationFetchErrorCode = 'empty-uri' | 'unsupported-scheme' | 'bad-data-uri' | 'bad-url' | 'forbidden-address' | 'http';

/** A registration document fetched for the ERC-8004 cross-check: the agentURI target or a well-known file. */
export interface RegistrationFetch {
  /** The URI as found (the agentURI exactly as on chain, or the well-known URL). */
  uri: string;
  /** Its scheme: `empty` for an empty agentURI, `unsupported` for anything but https, http, data and ipfs. */
  scheme: 'https' | 'http' | 'data' | 'ipfs' | 'empty' | 'unsupported';
  /** The URL requested (ipfs:// mapped through the gateway); null for data: URIs and when nothing was requested. */
  fetchedUrl: string | null;
  /** The HTTP exchange for https, http and ipfs (status, redirects, limits, error); null otherwise. */
  exchange: HttpExchange | null;
  /** For data: URIs, the declared media type and whether the payload was base64. */
  dataUri: { mediaType: string; base64: boolean } | null;
  /** The document as UTF-8 text (at most `cap` bytes); null when none was obtained. */
  text: string | null;
  /** Bytes of the document (decoded for data: URIs), counted up to the cap. */
  bytes: number;
  /** The size cap in bytes (256 KiB). */
  cap: number;
  /** True when the document was longer than the cap and was cut there. */
  truncated: boolean;
  /** JSON parse of `text` (absent when there is no complete text to parse). */
  json: { ok: true; value: unknown } | { ok: false; error: string } | null;
  /** Why no document was obtained, when none was. */
  error: { code: RegistrationFetchErrorCode; message: string } | null;
}

/** The ERC-8004 agent named by --agent and what the IdentityRegistry says about it. */
export interface RegistryAgentArtifact {
  /** --agent as given. */
  ref: string;
  /** How the agent was named: in full, as an id with the default chain and registry, or `auto`. */
  source: 'explicit' | 'default' | 'auto';
  /** With `auto`: the index of the well-known file's `registrations[]` entry taken, else null. */
  autoEntry: number | null;
  /** With `auto`: why no agent could be taken from the well-known file, else null. */
  autoError: string | null;
  /** The chain id named (null when `auto` found none). */
  chainId: number | null;
  /** The IdentityRegistry address named (null when `auto` found none). */
  registry: string | null;
  /** The agent id named, as a decimal string (null when `auto` found none). */
  agentId: string | null;
  /** Origin of the RPC that answered (path and credentials dropped), or null when none was used. */
  rpcOrigin: string | null;
  /** The chain id the RPC reported, or null when it did not answer. */
  rpcChainId: number | null;
  /** True when there is contract code at the registry address; null when not read. */
  hasCode: boolean | null;
  /** `ownerOf(agentId)`, or null when it reverted or was not read. */
  owner: string | null;
  /** Why `ownerOf` gave no owner (the revert, e.g. ERC721NonexistentToken), else null. */
  ownerError: string | null;
  /** `tokenURI(agentId)` (the agentURI, possibly ""), or null when it reverted or was not read. */
  tokenURI: string | null;
  /** Why `tokenURI` gave nothing, else null. */
  tokenURIError: string | null;
  /** `getAgentWallet(agentId)`; the zero address when unset; null when it reverted or was not read. */
  agentWallet: string | null;
  /** Why `getAgentWallet` gave nothing, else null. */
  agentWalletError: string | null;
  /** `getMetadata(agentId, key)` for the keys read, as 0x hex ("0x" when unset), null when the call failed. */
  metadata: Record<string, string | null>;
  /** An RPC failure (unreachable, timeout, not JSON-RPC) that stopped the reads, else null. */
  rpcError: string | null;
}

/** USDC balances (atomic, decimal strings) of the buyer and the payee, read with --rpc. */
export interface BalanceReading {
  payer: string;
  payTo: string;
}

/** The paid probe: the plan, the attack payments, the paid request and its replay. */
export interface PaymentSession {
  /** What the probe chose to pay and the limits it applied (refused when a limit would break). */
  plan: import('./pay/spendGuard.js').PaymentPlan;
  /** The funded buyer's address. */
  payer: string;
  /** How the buyer signs. */
  signerKind: 'key-env' | 'remote-signer';
  /**
   * Attack payments signed by the funded key, sent before the paid request. They reuse the
   * paid request's nonce, so at most one authorization of the run can ever settle.
   */
  underpaid: PaymentAttempt | null;
  wrongRecipient: PaymentAttempt | null;
  expired: PaymentAttempt | null;
  /** The real payment. */
  paid: PaymentAttempt | null;
  /** The paid request's header sent again after it was served. */
  replay: PaymentAttempt | null;
  /** The nonce every authorization of this run shares. */
  nonce: string | null;
  /** Balances before the paid request, after it, and after the replay (with --rpc). */
  balances: { before: BalanceReading | null; afterPaid: BalanceReading | null; afterReplay: BalanceReading | null; error: string | null } | null;
  /** Why the session stopped early (signing failed, RPC failed), if it did. */
  error: string | null;
}

/** One ERC-20 Transfer log of the settlement transaction. */
export interface TransferLog {
  token: string;
  from: string;
  to: string;
  value: string;
}

/** The settlement transaction as the chain reports it (with --rpc). */
export interface SettlementReceipt {
  /** The transaction hash from the settlement header. */
  transaction: string;
  /** Receipt found and its status. */
  found: boolean;
  status: 'success' | 'reverted' | null;
  blockNumber: string | null;
  chainId: number | null;
  /** ERC-20 Transfer logs in the receipt. */
  transfers: TransferLog[];
  error: string | null;
}

/** Why the ServiceOffer could not be read (kube/ maps API answers to these). */
export type KubeErrorReason =
  | 'not-found'
  | 'missing-crd'
  | 'forbidden'
  | 'unauthorized'
  | 'conflict'
  | 'already-exists'
  | 'invalid'
  | 'unreachable'
  | 'server'
  | 'other';

/** One status condition of a ServiceOffer, as recorded (non-string values become null). */
export interface OfferCondition {
  /** `ModelReady`, `UpstreamHealthy`, `PaymentGateReady`, `RoutePublished`, `Registered`, `Ready`, or another. */
  type: string;
  /** `True`, `False`, `Unknown` (or whatever the controller wrote). */
  status: string;
  reason: string | null;
  message: string | null;
  lastTransitionTime: string | null;
}

/**
 * The ServiceOffer (obol.org/v1alpha1) as read from the cluster before the probe, with the
 * public URL the probe used. Spec and status fields keep their JSON values, types not trusted.
 */
export interface OfferArtifact {
  name: string;
  namespace: string;
  /** The API server and kubeconfig context the offer was read through. */
  cluster: { server: string; context: string } | null;
  /** True when the API server returned the object. */
  found: boolean;
  /** Why it could not be read, when it could not (one line, no credentials). */
  readError: { reason: KubeErrorReason; status: number | null; message: string } | null;
  /** `spec.type` (`inference`, `http`, ...). */
  type: unknown;
  /** `spec.model.name`. */
  model: unknown;
  /** `spec.upstream` as read: service, namespace, port, healthPath. */
  upstream: unknown;
  /** `spec.payment` as read: scheme, network, payTo, price {perRequest|perMTok|perHour}, asset, maxTimeoutSeconds. */
  payment: unknown;
  /** `spec.path`. */
  path: unknown;
  /** `spec.registration.enabled`. */
  registrationEnabled: unknown;
  /** `metadata.generation`, and `status.observedGeneration` (the spec the status describes). */
  generation: number | null;
  observedGeneration: number | null;
  /** `status.conditions`, in the order recorded. */
  conditions: OfferCondition[];
  /** `status.endpoint`: a path such as `/services/<name>` (not a URL, despite the CRD's description). */
  endpoint: unknown;
  /** `status.agentId`: the ERC-8004 agent id, for the registry cross-check. */
  agentId: unknown;
  /** The URL probed: base + endpoint + subpath, or null when none could be built. */
  publicUrl: string | null;
  /** Where the base came from: --base-url, the cluster's tunnel ConfigMap, or the local gateway. */
  publicUrlSource: 'base-url' | 'tunnel' | 'local-gateway' | null;
  /** Why no public URL could be built (no or an unsafe status.endpoint). */
  publicUrlError: string | null;
  /** `tunnelURL` of ConfigMap obol-frontend/obol-stack-config, when read and set. */
  tunnelUrl: string | null;
}

/** The run deadline and what it cut; recorded by the engine after gathering. */
export interface DeadlineArtifact {
  /** The whole run's budget in milliseconds (--deadline, default 3 × --timeout). */
  ms: number;
  /** Milliseconds gathering took. */
  gatherMs: number;
  /** True when the deadline passed before gathering ended. */
  exceeded: boolean;
  /**
   * What the deadline cut, in run order: exchanges cut or never sent (`forged`, `malformed`,
   * `payment.<kind>`, `unpaid`, `registryWellKnown`, `registryFile`), and gatherers it stopped
   * or that were not started (their artifact name, e.g. `settlement`).
   */
  cut: string[];
}

/** Every artifact a run can produce. Absent means its gatherer did not run. */
export interface Artifacts {
  target: TargetArtifact;
  unpaid: HttpExchange;
  challenge: ChallengeArtifact;
  tokenInfo: TokenInfo;
  forged: PaymentAttempt;
  malformed: PaymentAttempt;
  /** --pay: the paid probe (plan, attack payments, paid request, replay, balances). */
  payment: PaymentSession;
  /** --pay with --rpc: the settlement transaction's receipt. */
  settlement: SettlementReceipt;
  /** --agent: the probed origin's /.well-known/agent-registration.json (ERC-8004 domain verification, `auto`). */
  registryWellKnown: RegistrationFetch;
  /** --agent: the agent and the registry's answers about it. */
  registryAgent: RegistryAgentArtifact;
  /** --agent: the registration file the agentURI points to. */
  registryFile: RegistrationFetch;
  /** `offer`: the ServiceOffer read from the cluster, and the public URL built from it. */
  offer: OfferArtifact;
  /** The run deadline and what it cut (always recorded by the engine). */
  deadline: DeadlineArtifact;
}

export type ArtifactName = keyof Artifacts;
