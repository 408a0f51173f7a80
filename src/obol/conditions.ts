/** The six ServiceOffer reconciliation stages, in the order obol's controller passes them (reference §1.2). */
export const CONDITION_ORDER = ['ModelReady', 'UpstreamHealthy', 'PaymentGateReady', 'RoutePublished', 'Registered', 'Ready'] as const;

export type OfferConditionType = (typeof CONDITION_ORDER)[number];

/** The least a condition needs here: type, status, reason. */
export interface ConditionLike {
  type: string;
  status: string;
  reason: string | null;
  message?: string | null;
}

/** The six conditions in order, each the one recorded or null when missing. */
export function orderedConditions<C extends ConditionLike>(conditions: readonly C[]): Array<{ type: OfferConditionType; condition: C | null }> {
  return CONDITION_ORDER.map((type) => ({ type, condition: conditions.find((c) => c.type === type) ?? null }));
}

/** `ModelReady=True (Available)`, or `Registered missing`. */
export function describeCondition(type: string, condition: ConditionLike | null): string {
  if (!condition) return `${type} missing`;
  return `${type}=${condition.status}${condition.reason ? ` (${condition.reason})` : ''}`;
}

/** One line for all six: `ModelReady=True (Available), UpstreamHealthy=…`. */
export function describeConditions(conditions: readonly ConditionLike[]): string {
  return orderedConditions(conditions)
    .map(({ type, condition }) => describeCondition(type, condition))
    .join(', ');
}

/** True when all six are recorded with status True. */
export function allConditionsTrue(conditions: readonly ConditionLike[]): boolean {
  return orderedConditions(conditions).every(({ condition }) => condition?.status === 'True');
}

/** The first of the six (in order) that is not True: where reconciliation stands. */
export function firstPending<C extends ConditionLike>(conditions: readonly C[]): { type: OfferConditionType; condition: C | null } | null {
  return orderedConditions(conditions).find(({ condition }) => condition?.status !== 'True') ?? null;
}
