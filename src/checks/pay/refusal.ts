import type { PaymentAttempt } from '../../gather/artifacts.js';
import { clip } from '../outcome.js';

/** How a seller answered a payment it must refuse. */
export type RefusalVerdict = 'refused' | 'served' | 'crashed' | 'redirected' | 'unexpected' | 'no-response';

/** Classify the answer to a payment that must not be served: 2xx is the defect. */
export function refusalVerdict(status: number | null): RefusalVerdict {
  if (status === null) return 'no-response';
  if (status >= 200 && status < 300) return 'served';
  if ([400, 401, 402, 403, 409, 422].includes(status)) return 'refused';
  if (status >= 500) return 'crashed';
  if (status >= 300 && status < 400) return 'redirected';
  return 'unexpected';
}

/** What the probe sent and got; the header value itself is left out (long, and useless to a reader). */
export function attemptEvidence(attempt: PaymentAttempt): string {
  const ex = attempt.exchange;
  const value = attempt.value !== null ? `, value ${attempt.value}` : '';
  const sent = `${attempt.headerName} sent${attempt.payer ? ` (payer ${attempt.payer}${value})` : ''}`;
  if (!ex) return sent;
  if (ex.status === null) return `${sent}; ${ex.error ? `${ex.error.code}: ${ex.error.message}` : 'no response'}`;
  const body = ex.body.trim() ? `; body: ${clip(ex.body.trim().replace(/\s+/g, ' '), 200)}` : '';
  return `${sent}; HTTP ${ex.status}${body}`;
}
