import { EventEmitter } from 'node:events';

/**
 * What cancels one exchange: a signal undici accepts (an EventEmitter with `aborted` and `reason`,
 * which undici supports beside AbortSignal) and a promise that rejects when it fires. Why not an
 * AbortController: Node builds one as an EventTarget, and making one per exchange was a tenth of a
 * scan's engine time, for a signal that almost never fires.
 */
export class Cancellation extends EventEmitter {
  aborted = false;
  reason: unknown = undefined;
  /** Rejects with the abort reason once `abort` is called; never resolves. */
  readonly stopped: Promise<never>;
  private reject!: (reason: unknown) => void;

  constructor() {
    super();
    this.stopped = new Promise<never>((_resolve, reject) => (this.reject = reject));
    // Nothing may be waiting on it: an abort after the exchange ended is not an unhandled rejection.
    this.stopped.catch(() => {});
  }

  abort(): void {
    if (this.aborted) return;
    this.aborted = true;
    // The reason AbortController.abort() gives, made only when it is needed.
    this.reason = new DOMException('This operation was aborted', 'AbortError');
    this.emit('abort');
    this.reject(this.reason);
  }
}
