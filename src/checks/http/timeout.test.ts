import { describe, expect, it } from 'vitest';
import { exchange } from '../../../test/helpers/artifacts.js';
import { check, meta } from './timeout.js';

describe(meta.id, () => {
  it('passes when the exchange completed, naming the total time', () => {
    const out = check({ unpaid: exchange({ timings: { headersMs: 40, totalMs: 45 } }) });
    expect(out.status).toBe('pass');
    expect(out.messageId).toBe('inTime');
    expect(out.message).toContain('45 ms');
  });

  it('fails when no headers arrived before the deadline', () => {
    const out = check({ unpaid: exchange({ status: null, timings: { headersMs: null, totalMs: 10_000 }, error: { code: 'timeout', message: 'aborted' } }) });
    expect(out.status).toBe('fail');
    expect(out.messageId).toBe('noHeaders');
    expect(out.message).toContain('10000 ms');
  });

  it('fails a body that drips past the deadline after the headers came', () => {
    const out = check({
      unpaid: exchange({ status: 402, bodyIncomplete: true, bodyBytes: 12, timings: { headersMs: 30, totalMs: 10_000 }, error: { code: 'timeout', message: 'aborted' } }),
    });
    expect(out.status).toBe('fail');
    expect(out.messageId).toBe('slowBody');
  });

  it('fails, naming the run deadline, when the deadline (not the exchange timeout) cut the request', () => {
    const out = check({ unpaid: exchange({ status: null, timings: { headersMs: null, totalMs: 900 }, error: { code: 'deadline', message: 'cut by the run deadline after 900 ms' } }) });
    expect(out.status).toBe('fail');
    expect(out.messageId).toBe('deadline');
    expect(out.message).toContain('900 ms');
  });

  it('skips other failures (http.reachable reports them)', () => {
    expect(check({ unpaid: exchange({ status: null, error: { code: 'dns', message: 'ENOTFOUND' } }) }).status).toBe('skip');
  });
});
