import { expect } from 'vitest';
import { exchange } from '../../../test/helpers/artifacts.js';
import { checkTester } from '../../../test/helpers/checkTester.js';
import * as timeout from './timeout.js';

checkTester(timeout, {
  valid: [
    {
      name: 'a completed exchange, naming the total time',
      artifacts: { unpaid: exchange({ timings: { headersMs: 40, totalMs: 45 } }) },
      messageId: 'inTime',
      message: expect.stringContaining('45 ms'),
    },
  ],
  invalid: [
    {
      name: 'no headers before the timeout',
      artifacts: { unpaid: exchange({ status: null, timings: { headersMs: null, totalMs: 10_000 }, error: { code: 'timeout', message: 'aborted' } }) },
      status: 'fail',
      messageId: 'noHeaders',
      message: expect.stringContaining('10000 ms'),
    },
    {
      name: 'a body that drips past the timeout after the headers came',
      artifacts: { unpaid: exchange({ status: 402, bodyIncomplete: true, bodyBytes: 12, timings: { headersMs: 30, totalMs: 10_000 }, error: { code: 'timeout', message: 'aborted' } }) },
      status: 'fail',
      messageId: 'slowBody',
    },
    {
      name: 'the run deadline (not the exchange timeout) cut the request, naming it',
      artifacts: { unpaid: exchange({ status: null, timings: { headersMs: null, totalMs: 900 }, error: { code: 'deadline', message: 'cut by the run deadline after 900 ms' } }) },
      status: 'fail',
      messageId: 'deadline',
      message: expect.stringContaining('900 ms'),
    },
  ],
  skip: [{ name: 'another failure (http.reachable reports it)', artifacts: { unpaid: exchange({ status: null, error: { code: 'dns', message: 'ENOTFOUND' } }) }, messageId: 'noResponse' }],
});
