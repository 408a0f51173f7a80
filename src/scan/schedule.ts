/** Work to run under two limits: a global concurrency and a per-key (per-host) one. */
export interface ScheduleParameters<T, R> {
  items: readonly T[];
  /** At most this many items in flight in all (>= 1). */
  concurrency: number;
  /** At most this many items in flight per key (>= 1). */
  perKey: number;
  keyOf: (item: T) => string;
  work: (item: T) => Promise<R>;
  /** Called once per item as it finishes, in completion order; a throw here is the caller's bug. */
  onSettled?: (item: T, result: PromiseSettledResult<R>) => void;
  /** Stops starting new items; those in flight finish (their deadlines bound the wait). */
  signal?: AbortSignal;
}

export interface ScheduleReturnType {
  started: number;
  settled: number;
  /** True when the signal stopped the schedule before every item started. */
  stopped: boolean;
}

interface KeyState {
  queue: unknown[];
  head: number;
  inFlight: number;
  /** True while the key sits in the ready ring (it has queued items and room). */
  ready: boolean;
}

/**
 * Run `work` over `items` with bounded concurrency and per-key politeness. Keys take turns
 * (round robin), so one host with a thousand URLs does not starve the others. Picking the
 * next item is O(1): only keys with room and queued items sit in the ready ring.
 */
export function schedule<T, R>(params: ScheduleParameters<T, R>): Promise<ScheduleReturnType> {
  const concurrency = Math.max(1, Math.floor(params.concurrency));
  const perKey = Math.max(1, Math.floor(params.perKey));
  const keys = new Map<string, KeyState>();
  const ring: KeyState[] = [];
  let ringHead = 0;
  for (const item of params.items) {
    const key = params.keyOf(item);
    let state = keys.get(key);
    if (!state) {
      state = { queue: [], head: 0, inFlight: 0, ready: true };
      keys.set(key, state);
      ring.push(state);
    }
    state.queue.push(item);
  }
  const result: ScheduleReturnType = { started: 0, settled: 0, stopped: false };
  const total = params.items.length;
  let inFlight = 0;

  return new Promise((resolve) => {
    const finishIfIdle = () => {
      if (inFlight > 0) return;
      if (result.started === total || result.stopped) {
        params.signal?.removeEventListener('abort', pump);
        resolve(result);
      }
    };
    const pump = () => {
      if (params.signal?.aborted) {
        result.stopped = result.started < total;
        finishIfIdle();
        return;
      }
      while (inFlight < concurrency && ringHead < ring.length) {
        const state = ring[ringHead++];
        const item = state.queue[state.head] as T;
        state.queue[state.head++] = undefined;
        state.inFlight += 1;
        const hasMore = state.head < state.queue.length;
        state.ready = hasMore && state.inFlight < perKey;
        if (state.ready) ring.push(state);
        inFlight += 1;
        result.started += 1;
        start(state, item);
      }
      // Reclaim the consumed front of the ring now and then, so it never grows without bound.
      if (ringHead > 1024 && ringHead * 2 > ring.length) {
        ring.splice(0, ringHead);
        ringHead = 0;
      }
      finishIfIdle();
    };
    const start = (state: KeyState, item: T) => {
      let settled: PromiseSettledResult<R>;
      Promise.resolve()
        .then(() => params.work(item))
        .then(
          (value) => (settled = { status: 'fulfilled', value }),
          (reason: unknown) => (settled = { status: 'rejected', reason }),
        )
        .then(() => {
          state.inFlight -= 1;
          inFlight -= 1;
          result.settled += 1;
          if (!state.ready && state.head < state.queue.length && state.inFlight < perKey) {
            state.ready = true;
            ring.push(state);
          }
          try {
            params.onSettled?.(item, settled);
          } finally {
            pump();
          }
        });
    };
    params.signal?.addEventListener('abort', pump, { once: true });
    pump();
  });
}
