import type { Artifacts } from '../../artifacts/index.js';
import { fail, pass } from '../outcome.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'offer.exists',
  title: 'The ServiceOffer exists and can be read',
  severity: 'error',
  specRef: 'https://github.com/ObolNetwork/obol-stack/blob/main/internal/embed/infrastructure/base/templates/serviceoffer-crd.yaml',
  fix: 'Create the offer with `obol sell inference|http` (or `x402-probe sell`) in that namespace, or point -n, --context and --kubeconfig at the cluster that holds it.',
  requires: ['offer'],
  messages: {
    found: 'ServiceOffer {namespace}/{name} exists (type {type}, generation {generation}).',
    notFound: 'ServiceOffer {namespace}/{name} does not exist in the cluster at {server}; check the name and -n (kubectl get serviceoffers -A lists them).',
    missingCrd: 'The cluster at {server} does not serve ServiceOffers (CRD serviceoffers.obol.org): obol-stack is not installed there, or --context points at another cluster.',
    forbidden: 'Reading ServiceOffer {namespace}/{name} was forbidden by RBAC: {error}.',
    unauthorized: 'The API server at {server} rejected the credentials of context {context}: {error}.',
    unreachable: 'The Kubernetes API could not be reached, so the offer could not be read: {error}.',
    other: 'ServiceOffer {namespace}/{name} could not be read: {error}.',
  },
} as const satisfies CheckMeta;

export function check({ offer }: Pick<Artifacts, 'offer'>): CheckOutcome {
  const data = { namespace: offer.namespace, name: offer.name, server: offer.cluster?.server ?? 'the API server', context: offer.cluster?.context ?? '?' };
  if (offer.found) {
    return pass(meta, 'found', { ...data, type: typeof offer.type === 'string' ? offer.type : 'unset', generation: offer.generation ?? '?' });
  }
  const error = offer.readError;
  const evidence = error ? `${error.reason}${error.status !== null ? ` (HTTP ${error.status})` : ''}: ${error.message}` : 'no object and no error recorded';
  const said = (error?.message ?? 'unknown error').replace(/\.$/, '');
  switch (error?.reason) {
    case 'not-found':
      return fail(meta, 'notFound', data, evidence);
    case 'missing-crd':
      return fail(meta, 'missingCrd', data, evidence);
    case 'forbidden':
      return fail(meta, 'forbidden', { ...data, error: said }, evidence);
    case 'unauthorized':
      return fail(meta, 'unauthorized', { ...data, error: said }, evidence);
    case 'unreachable':
      return fail(meta, 'unreachable', { ...data, error: said }, evidence);
    default:
      return fail(meta, 'other', { ...data, error: said }, evidence);
  }
}
