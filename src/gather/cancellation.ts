import { EventEmitter } from 'node:events';

/**
 * What cancels one exchange, across its hops: `abort()` fires once, and each hop's request
 * (gather/dispatchOnce.ts) listens. Why not an AbortController: Node builds one as an
 * EventTarget, and making one per exchange was a tenth of a scan's engine time, for a signal
 * that almost never fires.
 */
export class Cancellation extends EventEmitter {
  aborted = false;
  reason: unknown = undefined;

  abort(): void {
    if (this.aborted) return;
    this.aborted = true;
    // The reason AbortController.abort() gives, made only when it is needed.
    this.reason = new DOMException('This operation was aborted', 'AbortError');
    this.emit('abort');
  }
}
