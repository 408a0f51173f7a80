import * as z from 'zod';
import { isWellFormedAddress } from '../protocol/addresses.js';
import { REGISTRATION_TYPE } from './abi.js';

/**
 * The ERC-8004 registration file (Jan 24 2026 revision) as a zod 4 schema, plus detection of the
 * stale forms still in the wild (reference/erc8004.md §6, §8). Pure: checks and the market
 * scan call it on documents the gatherers fetched.
 */

const serviceSchema = z.looseObject({
  name: z.string().min(1, 'a service needs a name'),
  endpoint: z.string().min(1, "a service needs an 'endpoint'"),
  version: z.string().optional(),
});

const registrationSchema = z.looseObject({
  agentId: z.union([z.number().int().nonnegative(), z.string().regex(/^[0-9]+$/)]),
  agentRegistry: z.string().refine((value) => {
    const account = /^[-a-z0-9]{3,8}:[-_a-zA-Z0-9]{1,32}:([^:]+)$/.exec(value);
    return account !== null && isWellFormedAddress(account[1]);
  }, 'agentRegistry must be <namespace>:<chainId>:<address>'),
});

export const registrationFileSchema = z.looseObject({
  type: z.literal(REGISTRATION_TYPE),
  name: z.string().min(1),
  description: z.string().optional(),
  image: z.string().optional(),
  services: z.array(serviceSchema).min(1, 'at least one service is needed'),
  x402Support: z.boolean().optional(),
  active: z.boolean().optional(),
  registrations: z.array(registrationSchema).optional(),
  supportedTrust: z.array(z.string()).optional(),
});

export type RegistrationFile = z.infer<typeof registrationFileSchema>;

/** A stale or non-standard form the file uses. Each is accepted (read) but reported. */
export type LegacyForm =
  | 'endpoints'
  | 'x402support-lowercase'
  | 'x402support-object'
  | 'type-agent'
  | 'service-url'
  | 'supportedTrusts';

export interface SchemaIssue {
  /** JSON path, e.g. `services.0.endpoint`; `(root)` for the document. */
  path: string;
  message: string;
}

/** A service entry as read (from `services`, or the legacy `endpoints`). */
export interface ServiceView {
  index: number;
  name: unknown;
  endpoint: unknown;
  version: unknown;
  raw: Record<string, unknown>;
}

export interface RegistrationValidation {
  /** The document is a JSON object. */
  isObject: boolean;
  /** No schema issue remains once the legacy forms are read as their current equivalents. */
  valid: boolean;
  issues: SchemaIssue[];
  legacy: LegacyForm[];
  /** `type` as found. */
  type: unknown;
  name: unknown;
  /** Which key carried the services. */
  servicesField: 'services' | 'endpoints' | null;
  services: ServiceView[];
  /** x402 support as the subgraph reads it (camelCase, lowercase, or `{enabled}`); null when absent. */
  x402Support: boolean | null;
  /** Which key carried it. */
  x402SupportField: 'x402Support' | 'x402support' | null;
  /** The raw value of that key (for evidence). */
  x402SupportRaw: unknown;
  /** `active` as found (any type); undefined when absent. */
  active: unknown;
  /** `registrations` as found, when it is an array; null otherwise. */
  registrations: Record<string, unknown>[] | null;
  /** The document itself (null when not an object). */
  document: Record<string, unknown> | null;
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function readX402(doc: Record<string, unknown>): Pick<RegistrationValidation, 'x402Support' | 'x402SupportField' | 'x402SupportRaw'> & { object: boolean } {
  const field = 'x402Support' in doc ? 'x402Support' : 'x402support' in doc ? 'x402support' : null;
  if (!field) return { x402Support: null, x402SupportField: null, x402SupportRaw: undefined, object: false };
  const raw = doc[field];
  const enabled = asRecord(raw)?.enabled;
  if (typeof raw === 'boolean') return { x402Support: raw, x402SupportField: field, x402SupportRaw: raw, object: false };
  if (typeof enabled === 'boolean') return { x402Support: enabled, x402SupportField: field, x402SupportRaw: raw, object: true };
  return { x402Support: null, x402SupportField: field, x402SupportRaw: raw, object: false };
}

/**
 * Validate a registration document. The legacy forms (`endpoints`, `x402support`, `type: "Agent"`,
 * a service's `url`) are read as their current equivalents and listed in `legacy`; what still
 * fails the schema after that is in `issues`.
 */
export function validateRegistrationFile(value: unknown): RegistrationValidation {
  const doc = asRecord(value);
  const result: RegistrationValidation = {
    isObject: doc !== null,
    valid: false,
    issues: [],
    legacy: [],
    type: doc?.type,
    name: doc?.name,
    servicesField: null,
    services: [],
    x402Support: null,
    x402SupportField: null,
    x402SupportRaw: undefined,
    active: doc?.active,
    registrations: null,
    document: doc,
  };
  if (!doc) {
    result.issues.push({ path: '(root)', message: `the document is ${Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`}, not a JSON object` });
    return result;
  }
  const normalised: Record<string, unknown> = { ...doc };
  if (doc.type === 'Agent') {
    result.legacy.push('type-agent');
    normalised.type = REGISTRATION_TYPE;
  }
  const servicesField = Array.isArray(doc.services) ? 'services' : Array.isArray(doc.endpoints) ? 'endpoints' : 'services' in doc ? 'services' : null;
  result.servicesField = servicesField;
  if (servicesField === 'endpoints') {
    result.legacy.push('endpoints');
    normalised.services = doc.endpoints;
  }
  if (Array.isArray(normalised.services)) {
    let usedUrl = false;
    normalised.services = normalised.services.map((entry, index) => {
      const raw = asRecord(entry) ?? {};
      const endpoint = raw.endpoint ?? raw.url;
      if (raw.endpoint === undefined && raw.url !== undefined) usedUrl = true;
      result.services.push({ index, name: raw.name, endpoint, version: raw.version, raw });
      return asRecord(entry) ? { ...raw, endpoint } : entry;
    });
    if (usedUrl) result.legacy.push('service-url');
  }
  const x402 = readX402(doc);
  result.x402Support = x402.x402Support;
  result.x402SupportField = x402.x402SupportField;
  result.x402SupportRaw = x402.x402SupportRaw;
  if (x402.x402SupportField === 'x402support') {
    result.legacy.push('x402support-lowercase');
    delete normalised.x402support;
  }
  if (x402.object) result.legacy.push('x402support-object');
  if (x402.x402Support !== null) normalised.x402Support = x402.x402Support;
  else if (x402.x402SupportField) normalised.x402Support = x402.x402SupportRaw;
  if (!('supportedTrust' in doc) && Array.isArray(doc.supportedTrusts)) result.legacy.push('supportedTrusts');
  if (Array.isArray(doc.registrations)) result.registrations = doc.registrations.map((r) => asRecord(r) ?? { value: r });

  const parsed = registrationFileSchema.safeParse(normalised);
  if (!parsed.success) {
    result.issues = parsed.error.issues.slice(0, 20).map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message }));
  }
  result.valid = parsed.success;
  return result;
}

/** The validation of a fetched document, or null when there is no complete JSON document to validate. */
export function readRegistration(fetched: { json: { ok: true; value: unknown } | { ok: false; error: string } | null }): RegistrationValidation | null {
  return fetched.json?.ok ? validateRegistrationFile(fetched.json.value) : null;
}
