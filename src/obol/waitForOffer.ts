/** Poll a ServiceOffer until the controller marks it Ready for the current spec, or time runs out. */
import type { KubeClient } from '../kube/client.js';
import type { ServiceOffer } from '../kube/types.js';
import { allConditionsTrue, type ConditionLike, describeCondition, firstPending } from './conditions.js';

export interface WaitForOfferParameters {
  namespace: string;
  name: string;
  /** The generation the status must describe (the one just applied). */
  generation?: number;
  timeoutMs: number;
  /** Poll interval (default 500 ms). */
  pollMs?: number;
  /** Called when where the offer stands changes: `RoutePublished=False (WaitingForPaymentGate)`. */
  onProgress?: (stage: string, offer: ServiceOffer) => void;
  /** Resolves to stop waiting early (Ctrl-C). */
  stop?: Promise<void>;
}

export interface WaitForOfferReturnType {
  outcome: 'ready' | 'timeout' | 'stopped';
  offer: ServiceOffer | null;
  /** Where it stood last, e.g. `Registered=False (AwaitingExternalRegistration)`. */
  stage: string;
  elapsedMs: number;
}

function conditionsOf(offer: ServiceOffer): ConditionLike[] {
  return (offer.status?.conditions ?? []).map((c) => ({
    type: String(c.type ?? ''),
    status: String(c.status ?? ''),
    reason: typeof c.reason === 'string' ? c.reason : null,
    message: typeof c.message === 'string' ? c.message : null,
  }));
}

/** Where the offer stands, one phrase. */
function stageOf(offer: ServiceOffer, generation?: number): string {
  const observed = offer.status?.observedGeneration;
  if (generation !== undefined && typeof observed === 'number' && observed < generation) return `waiting for the controller to see generation ${generation}`;
  const conditions = conditionsOf(offer);
  if (conditions.length === 0) return 'waiting for the controller (no conditions yet)';
  const pending = firstPending(conditions);
  return pending ? describeCondition(pending.type, pending.condition) : 'Ready';
}

export async function waitForOffer(client: KubeClient, params: WaitForOfferParameters): Promise<WaitForOfferReturnType> {
  const started = performance.now();
  const pollMs = params.pollMs ?? 500;
  let stopped = false;
  void params.stop?.then(() => (stopped = true));
  let last: ServiceOffer | null = null;
  let stage = 'not read yet';
  for (;;) {
    last = await client.getOffer(params.namespace, params.name);
    const next = stageOf(last, params.generation);
    if (next !== stage) params.onProgress?.(next, last);
    stage = next;
    const elapsedMs = Math.round(performance.now() - started);
    if (next === 'Ready' && allConditionsTrue(conditionsOf(last))) return { outcome: 'ready', offer: last, stage, elapsedMs };
    if (stopped) return { outcome: 'stopped', offer: last, stage, elapsedMs };
    if (elapsedMs >= params.timeoutMs) return { outcome: 'timeout', offer: last, stage, elapsedMs };
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, Math.min(pollMs, Math.max(0, params.timeoutMs - elapsedMs)));
      void params.stop?.then(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}
