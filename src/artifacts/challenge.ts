/** The payment challenge as decoded through protocol/: carriers, requirements, non-standard signals. */

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

/** One declared extension as the official SDK's validator judged it. */
export interface ExtensionValidation {
  valid: boolean;
  /** The validator's complaints, as it worded them (empty when valid). */
  errors: string[];
}

/**
 * The 402's `bazaar` and `payment-identifier` declarations run through @x402/extensions' own
 * validators (an optional package, loaded only when a 402 declares one of them). Recorded rather
 * than judged in checks/: the validators compile JSON Schemas (ajv) and are not part of the core.
 */
export interface ExtensionValidationArtifact {
  /** The validator as name@version, or null when it is not installed (a core install). */
  validator: string | null;
  /** When `validator` is null: what to install, pinned (name@version). */
  install?: string;
  /** Present when the 402 declares `extensions.bazaar` and the validator ran. */
  bazaar?: ExtensionValidation;
  /** Present when the 402 declares `extensions["payment-identifier"]` and the validator ran. */
  paymentIdentifier?: ExtensionValidation;
}
