import { expect } from 'vitest';
import { exchange, v2Response, withHeaders } from '../../../test/helpers/artifacts.js';
import { checkTester } from '../../../test/helpers/checkTester.js';
import * as headerSize from './header-size.js';

checkTester(headerSize, {
  valid: [{ name: 'a small header block', artifacts: { unpaid: v2Response() }, messageId: 'ok' }],
  invalid: [
    {
      name: 'a header block over 16 KiB, naming the largest headers',
      artifacts: { unpaid: { ...withHeaders(v2Response(), { 'set-cookie': 'x'.repeat(17_000) }), headerBytes: 17_500 } },
      status: 'fail',
      messageId: 'overNode',
      evidence: expect.stringContaining('set-cookie'),
    },
    {
      name: 'headers that overflowed the probe cap',
      artifacts: { unpaid: exchange({ status: null, headerBytes: 0, error: { code: 'headers-too-large', message: 'UND_ERR_HEADERS_OVERFLOW' } }) },
      status: 'fail',
      messageId: 'overCap',
    },
    {
      name: 'a PAYMENT-REQUIRED value over 8 KiB inside a block under 16 KiB',
      artifacts: { unpaid: { ...withHeaders(v2Response(), { 'payment-required': 'A'.repeat(9_000) }), headerBytes: 9_300 } },
      status: 'warn',
      messageId: 'bigChallenge',
    },
  ],
  skip: [{ name: 'no response, for another reason', artifacts: { unpaid: exchange({ status: null, error: { code: 'reset', message: 'ECONNRESET' } }) }, messageId: 'noResponse' }],
});
