import { KubeError } from '../errors.js';
import type { KubeErrorReason } from '../artifacts/index.js';
import { OFFER_CRD_NAME } from './types.js';
import { errorLine } from '../util/errorLine.js';

export type { KubeErrorReason };

/** A Kubernetes API call failed; `reason` says how, `status` is the HTTP status when one came back. */
export class KubeApiError extends KubeError {
  override name = 'KubeApiError';
  readonly reason: KubeErrorReason;
  readonly status: number | null;

  constructor(reason: KubeErrorReason, status: number | null, shortMessage: string, details?: string) {
    super(shortMessage, details === undefined ? {} : { details });
    this.reason = reason;
    this.status = status;
  }
}

/** What the failed call was doing, for the message: `get ServiceOffer llm/qwen`. */
export interface KubeCallContext {
  verb: 'get' | 'list' | 'create' | 'update' | 'patch' | 'delete' | 'discover';
  /** `ServiceOffer llm/qwen`, `ConfigMap obol-frontend/obol-stack-config`, ... */
  what: string;
  server: string;
}

interface StatusBody {
  kind?: string;
  reason?: string;
  message?: string;
}

function parseStatus(body: unknown): StatusBody | null {
  let value = body;
  if (typeof body === 'string') {
    try {
      value = JSON.parse(body);
    } catch {
      return null;
    }
  }
  return value && typeof value === 'object' && (value as StatusBody).kind === 'Status' ? (value as StatusBody) : null;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);

/** Map anything a @kubernetes/client-node call threw to a KubeApiError with a one-line message. */
export function toKubeError(error: unknown, ctx: KubeCallContext): KubeApiError {
  if (error instanceof KubeApiError) return error;
  const e = error as { code?: unknown; body?: unknown; name?: string; message?: string; errno?: unknown; type?: string };
  if (typeof e?.code === 'number') {
    const status = e.code;
    const body = parseStatus(e.body);
    const said = body?.message ? errorLine(body.message) : null;
    switch (status) {
      case 404:
        // A served resource answers 404 with a Status object; an unknown API group with plain text.
        if (!body) return new KubeApiError('missing-crd', 404, `the ServiceOffer CRD (${OFFER_CRD_NAME}, v1alpha1) is not installed in the cluster at ${ctx.server}; install obol-stack (obol stack up) or pick the right --context`);
        // "namespaces \"x\" not found" explains more than "ServiceOffer x/y not found".
        return new KubeApiError('not-found', 404, said && /^namespaces? "/.test(said) ? `${ctx.what} not found: ${said}` : `${ctx.what} not found`);
      case 401:
        return new KubeApiError('unauthorized', 401, `the Kubernetes API at ${ctx.server} rejected the credentials of the current context (401); refresh them (e.g. re-run your cluster login)`);
      case 403:
        return new KubeApiError('forbidden', 403, `forbidden: cannot ${ctx.verb} ${ctx.what}${said ? ` (${said})` : ''}; ask for RBAC access or use another --context`);
      case 409:
        if (body?.reason === 'AlreadyExists') return new KubeApiError('already-exists', 409, `${ctx.what} already exists`);
        return new KubeApiError('conflict', 409, `conflict: ${ctx.what} was changed by someone else while it was being written; re-run the command`);
      case 422:
        return new KubeApiError('invalid', 422, `the API server rejected ${ctx.what} as invalid (422)${said ? `: ${said}` : ''}`);
      default:
        if (status >= 500) return new KubeApiError('server', status, `the Kubernetes API at ${ctx.server} failed with HTTP ${status}${said ? `: ${said}` : ''}`);
        return new KubeApiError('other', status, `${ctx.verb} ${ctx.what} failed with HTTP ${status}${said ? `: ${said}` : ''}`);
    }
  }
  const code = typeof e?.code === 'string' ? e.code : typeof e?.errno === 'string' ? e.errno : '';
  const text = errorLine(error);
  if (e?.name === 'AbortError' || e?.type === 'aborted') {
    return new KubeApiError('unreachable', null, `the Kubernetes API at ${ctx.server} did not answer in time; is the cluster running?`, text);
  }
  if (NETWORK_CODES.has(code) || e?.type === 'system' || /certificate|self[- ]signed|TLS|SSL/i.test(text)) {
    const why = code || text;
    return new KubeApiError('unreachable', null, `cannot reach the Kubernetes API at ${ctx.server} (${why}); is the cluster running (obol stack up) and the --context right?`, text);
  }
  return new KubeApiError('other', null, `${ctx.verb} ${ctx.what} failed: ${text}`);
}
