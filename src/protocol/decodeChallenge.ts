import { parsePaymentRequired } from '@x402/core/schemas';
import { Base64EncodedRegex } from '@x402/core/utils';
import type {
  CarrierDecode,
  ChallengeArtifact,
  HttpExchange,
  RequirementView,
} from '../artifacts/index.js';
import { detectNonStandard } from './detectNonStandard.js';
import { resolveNetwork } from './networks.js';
import { safeStringify } from '../util/safeJson.js';
import { errorLine } from '../util/errorLine.js';

const URL_SAFE_BASE64 = /^[A-Za-z0-9_-]*={0,2}$/;

export type DecodeChallengeParameters = Pick<HttpExchange, 'status' | 'headers' | 'body'>;
export type DecodeChallengeReturnType = ChallengeArtifact;

/**
 * Requirements judged per challenge. Schema validation is synchronous and no deadline stops it:
 * 300,000 entries took a minute here, so larger lists are judged by their first entries.
 */
export const MAX_ACCEPTS = 64;

function capAccepts(value: unknown): unknown {
  const root = asRecord(value);
  return root && Array.isArray(root.accepts) && root.accepts.length > MAX_ACCEPTS ? { ...root, accepts: root.accepts.slice(0, MAX_ACCEPTS) } : value;
}

function schemaIssues(value: unknown): { ok: boolean; issues?: string[] } {
  const parsed = parsePaymentRequired(capAccepts(value));
  if (parsed.success) return { ok: true };
  const issues = parsed.error.issues.slice(0, 12).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  return { ok: false, issues };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error: errorLine(error) };
  }
}

/** Decode the `PAYMENT-REQUIRED` header: base64, then JSON, then schema. */
export function decodeHeader(value: string | undefined): CarrierDecode {
  if (value === undefined) return { present: false };
  const trimmed = value.trim();
  const result: CarrierDecode = { present: true };
  if (trimmed.length === 0 || !Base64EncodedRegex.test(trimmed) || trimmed.length % 4 === 1) {
    const why = trimmed.length === 0
      ? 'the header is empty'
      : URL_SAFE_BASE64.test(trimmed)
        ? 'the value is base64url (- and _), but buyers decode standard base64 (+ and /)'
        : trimmed.startsWith('{')
          ? 'the value is raw JSON, but buyers expect base64-encoded JSON'
          : 'the value is not standard base64';
    result.base64 = { ok: false, error: why };
    return result;
  }
  result.base64 = { ok: true };
  const text = Buffer.from(trimmed, 'base64').toString('utf8');
  return decodeJsonCarrier(result, text);
}

function decodeJsonCarrier(result: CarrierDecode, text: string): CarrierDecode {
  const json = parseJson(text);
  if (!json.ok) {
    result.json = { ok: false, error: json.error };
    return result;
  }
  result.json = { ok: true };
  result.value = json.value;
  if (json.value && typeof json.value === 'object' && !Array.isArray(json.value)) {
    result.x402Version = (json.value as Record<string, unknown>).x402Version;
  }
  const schema = schemaIssues(json.value);
  if (schema.ok) {
    result.schema = { ok: true };
    return result;
  }
  // obol-stack repeats each v2 entry with its v1 network name; buyers tolerate it, so the
  // schema stage does too, and req.network reports it.
  const tolerated = withCaip2Networks(json.value);
  if (tolerated && schemaIssues(tolerated.value).ok) {
    result.schema = { ok: true, issues: tolerated.notes };
    return result;
  }
  result.schema = { ok: false, error: 'not an x402 PaymentRequired', issues: schema.issues };
  return result;
}

/** A copy of a v2 PaymentRequired with v1 network names replaced by CAIP-2 ids, or null if none. */
function withCaip2Networks(value: unknown): { value: unknown; notes: string[] } | null {
  const root = asRecord(value);
  if (!root || root.x402Version !== 2 || !Array.isArray(root.accepts)) return null;
  const notes: string[] = [];
  const accepts = root.accepts.map((entry, i) => {
    const r = asRecord(entry);
    const network = r && typeof r.network === 'string' && !r.network.includes(':') ? resolveNetwork(r.network) : null;
    if (!r || !network) return entry;
    notes.push(`accepts.${i}.network: v1 name ${safeStringify(r.network)} in a v2 challenge (tolerated)`);
    return { ...r, network: network.caip2 };
  });
  return notes.length ? { value: { ...root, accepts }, notes } : null;
}

/**
 * Decode the JSON body as a challenge carrier. The body counts as a carrier when it is a JSON
 * object naming `x402Version` or `accepts`, or when it claims to be JSON and does not parse.
 */
export function decodeBody(body: string, contentType: string | undefined): CarrierDecode {
  const text = body.trim();
  const claimsJson = /\bjson\b/i.test(contentType ?? '');
  if (!text.startsWith('{') && !claimsJson) return { present: false };
  const json = parseJson(text);
  if (!json.ok) return claimsJson && text.length > 0 ? { present: true, json: { ok: false, error: json.error } } : { present: false };
  const value = json.value;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { present: false };
  const record = value as Record<string, unknown>;
  if (!('x402Version' in record) && !('accepts' in record)) return { present: false };
  return decodeJsonCarrier({ present: true }, text);
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** Turn each `accepts[]` entry of a v1 or v2 PaymentRequired into one normalised view. */
export function requirementViews(paymentRequired: unknown): RequirementView[] {
  const root = asRecord(paymentRequired);
  if (!root || !Array.isArray(root.accepts)) return [];
  const version: 1 | 2 = root.x402Version === 1 ? 1 : 2;
  const resource = asRecord(root.resource);
  return root.accepts.slice(0, MAX_ACCEPTS).map((entry, index): RequirementView => {
    const r = asRecord(entry) ?? {};
    const hasAmount = 'amount' in r;
    const hasMax = 'maxAmountRequired' in r;
    const amountField = version === 2 ? (hasAmount ? 'amount' : hasMax ? 'maxAmountRequired' : null) : hasMax ? 'maxAmountRequired' : hasAmount ? 'amount' : null;
    return {
      index,
      x402Version: version,
      scheme: r.scheme,
      network: r.network,
      amount: amountField ? r[amountField] : undefined,
      amountField,
      asset: r.asset,
      payTo: r.payTo,
      maxTimeoutSeconds: r.maxTimeoutSeconds,
      extra: r.extra,
      resource: version === 1 ? r.resource : resource ? resource.url : root.resource,
      description: version === 1 ? r.description : resource?.description,
      mimeType: version === 1 ? r.mimeType : resource?.mimeType,
      raw: entry,
    };
  });
}

/**
 * Decode a response's payment challenge the way the reference buyer does: the
 * `PAYMENT-REQUIRED` header when present, else a JSON body with `x402Version: 1`. A v2
 * body without the header is decoded too, so that checks can explain why buyers miss it.
 */
export function decodeChallenge(response: DecodeChallengeParameters): DecodeChallengeReturnType {
  const header = decodeHeader(response.headers['payment-required']);
  const body = decodeBody(response.body, response.headers['content-type']);
  const source = header.present ? 'header' : body.present ? 'body' : null;
  const chosen = source === 'header' ? header : source === 'body' ? body : null;
  const paymentRequired = chosen?.json?.ok ? chosen.value : null;
  const version = chosen?.x402Version === 1 || chosen?.x402Version === 2 ? chosen.x402Version : null;
  return {
    status: response.status ?? 0,
    header,
    body,
    source,
    x402Version: version,
    paymentRequired: paymentRequired ?? null,
    requirements: requirementViews(paymentRequired),
    nonStandard: detectNonStandard(response),
  };
}
