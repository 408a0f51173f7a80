import type { Artifacts, OfferCondition } from '../../artifacts/index.js';
import { describeConditions, firstPending, orderedConditions, type OfferConditionType } from '../../obol/conditions.js';
import { fail, pass, skip, warn } from '../outcome.js';
import type { CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'offer.conditions-ready',
  title: 'All six ServiceOffer conditions are True, for the current spec',
  severity: 'error',
  specRef: 'https://github.com/ObolNetwork/obol-stack/blob/main/internal/serviceoffercontroller/controller.go',
  fix: 'Fix the first condition that is not True (the message names it and how), then wait for the controller to reconcile again.',
  requires: ['offer'],
  messages: {
    ready: 'All six conditions are True: {conditions}.',
    noOffer: 'No ServiceOffer was read, so it has no conditions.',
    noStatus: 'The offer has no status conditions: no controller has reconciled it; check that obol-stack runs (kubectl -n x402 get pods).',
    stale: 'The conditions describe generation {observed}, but the spec is at generation {generation}: the controller has not reconciled the latest change yet. {conditions}.',
    missing: '{type} is missing from status.conditions: the controller never reached that stage (or predates it). Conditions: {conditions}.',
    modelPullFailed: 'ModelReady=False (PullFailed){detail}: the model {model} could not be pulled; check the name (ollama list) and disk space, then pull it yourself (ollama pull {model}). Conditions: {conditions}.',
    modelMissing: 'ModelReady=False ({reason}){detail}: the model {model} is not available to the upstream; set spec.model.name to a model `ollama list` shows, or pull it. Conditions: {conditions}.',
    upstreamMissingService: 'UpstreamHealthy=False (MissingService){detail}: the upstream Service {upstream} does not exist; create it, or fix spec.upstream.service and namespace. Conditions: {conditions}.',
    upstreamUnhealthy: 'UpstreamHealthy={status} ({reason}){detail}: the health probe of {upstream} failed; start the upstream (for inference: ollama serve) and check spec.upstream.port and healthPath. Conditions: {conditions}.',
    paused: '{type}=False (Paused): the offer is paused (obol sell stop) and its route withdrawn; resume it (obol sell resume) to sell again. Conditions: {conditions}.',
    paymentGate: 'PaymentGateReady={status} ({reason}){detail}: the x402 ForwardAuth middleware or the pricing route was not created; check the serviceoffer-controller and x402-verifier (kubectl -n x402 logs). Conditions: {conditions}.',
    routePublished: 'RoutePublished={status} ({reason}){detail}: the HTTPRoute was not published, so buyers get 404; check for another offer on the same path and the controller logs. Conditions: {conditions}.',
    awaitingRegistration: 'Registered=False (AwaitingExternalRegistration){detail}: the offer waits for an ERC-8004 registration nobody performs, so it stays Ready=False and out of /api/services.json; register it (obol sell register) or sell with --no-register. Conditions: {conditions}.',
    registrationPending: 'Registered={status} ({reason}){detail}: ERC-8004 registration has not finished; check the tunnel, the RPC and the registration key (kubectl -n x402 logs deploy/serviceoffer-controller), or sell with --no-register. Conditions: {conditions}.',
    drained: 'Ready=False ({reason}){detail}: the offer was stopped or drained (obol sell stop); resume it or sell it again. Conditions: {conditions}.',
    readyFalse: 'Ready={status} ({reason}){detail} although the five stages before it are True; the controller may be stuck, check its logs. Conditions: {conditions}.',
    notTrue: '{type}={status} ({reason}){detail}: that stage has not passed. Conditions: {conditions}.',
  },
} as const satisfies CheckMeta;

type MessageId = keyof typeof meta.messages & string;

function messageFor(type: OfferConditionType, reason: string | null): MessageId {
  switch (type) {
    case 'ModelReady':
      if (reason === 'PullFailed') return 'modelPullFailed';
      return reason === 'NoModel' || reason === 'MissingModel' ? 'modelMissing' : 'notTrue';
    case 'UpstreamHealthy':
      return reason === 'MissingService' ? 'upstreamMissingService' : 'upstreamUnhealthy';
    case 'PaymentGateReady':
      return reason === 'Paused' ? 'paused' : 'paymentGate';
    case 'RoutePublished':
      return reason === 'Paused' ? 'paused' : 'routePublished';
    case 'Registered':
      return reason === 'AwaitingExternalRegistration' ? 'awaitingRegistration' : 'registrationPending';
    default:
      return reason === 'Drained' || reason === 'Stopped' ? 'drained' : 'readyFalse';
  }
}

function evidenceOf(conditions: readonly OfferCondition[]): string {
  return orderedConditions(conditions)
    .map(({ type, condition: c }) => (c ? `${type}=${c.status}${c.reason ? ` (${c.reason})` : ''}${c.message ? `: ${c.message}` : ''}` : `${type}: missing`))
    .join('; ');
}

/** `ollama.llm:11434/health`, from spec.upstream as read. */
function upstreamOf(offer: Artifacts['offer']): string {
  const u = (offer.upstream ?? {}) as Record<string, unknown>;
  if (typeof u.service !== 'string') return 'the upstream (spec.upstream.service is not set)';
  const ns = typeof u.namespace === 'string' && u.namespace ? u.namespace : offer.namespace;
  const port = typeof u.port === 'number' ? u.port : 11434;
  const health = typeof u.healthPath === 'string' ? u.healthPath : '/health';
  return `${u.service}.${ns}:${port}${health}`;
}

export function check({ offer }: Pick<Artifacts, 'offer'>): CheckOutcome {
  if (!offer.found) return skip(meta, 'noOffer');
  if (offer.conditions.length === 0) return fail(meta, 'noStatus', {}, 'status.conditions is empty');
  const conditions = describeConditions(offer.conditions);
  const evidence = evidenceOf(offer.conditions);
  const pending = firstPending(offer.conditions);
  if (!pending) {
    const { observedGeneration: observed, generation } = offer;
    if (observed !== null && generation !== null && observed < generation) return warn(meta, 'stale', { observed, generation, conditions }, evidence);
    return pass(meta, 'ready', { conditions });
  }
  const c = pending.condition;
  if (!c) return fail(meta, 'missing', { type: pending.type, conditions }, evidence);
  const data = {
    type: pending.type,
    status: c.status,
    reason: c.reason ?? 'no reason',
    detail: c.message ? ` "${c.message}"` : '',
    model: typeof offer.model === 'string' && offer.model ? offer.model : 'named in spec.model.name',
    upstream: upstreamOf(offer),
    conditions,
  };
  return fail(meta, messageFor(pending.type, c.reason), data, evidence);
}
