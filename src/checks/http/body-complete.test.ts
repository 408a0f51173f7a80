import { describe, expect, it } from 'vitest';
import { exchange } from '../../../test/helpers/artifacts.js';
import { check, meta } from './body-complete.js';

describe(meta.id, () => {
  it('passes a whole body', () => {
    const out = check({ unpaid: exchange({ body: '{}', bodyBytes: 2 }) });
    expect([out.status, out.messageId]).toEqual(['pass', 'ok']);
  });

  it('fails (as a warning) a body cut by a reset or larger than the cap', () => {
    const reset = check({ unpaid: exchange({ bodyBytes: 100, bodyIncomplete: true, error: { code: 'reset', message: 'socket hang up' } }) });
    expect([reset.status, reset.messageId]).toEqual(['fail', 'incomplete']);
    const huge = check({ unpaid: exchange({ bodyBytes: 1024 * 1024, bodyTruncated: true }) });
    expect([huge.status, huge.messageId]).toEqual(['fail', 'truncated']);
  });

  it('skips when nothing answered', () => {
    expect(check({ unpaid: exchange({ status: null, error: { code: 'refused', message: 'x' } }) }).status).toBe('skip');
  });
});
