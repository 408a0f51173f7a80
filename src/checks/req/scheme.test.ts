import { expect } from 'vitest';
import { challengeV1, challengeV2 } from '../../../test/helpers/artifacts.js';
import { checkTester } from '../../../test/helpers/checkTester.js';
import * as scheme from './scheme.js';

const v2 = (...accepts: Record<string, unknown>[]) => ({ challenge: challengeV2(accepts) });

checkTester(scheme, {
  valid: [
    { name: 'exact (v2)', artifacts: v2({}) },
    { name: 'exact (v1)', artifacts: { challenge: challengeV1() }, messageId: 'ok' },
    { name: 'upto beside exact', artifacts: v2({}, { scheme: 'upto' }) },
    { name: 'every scheme x402 defines beside an exact entry', artifacts: v2({}, { scheme: 'upto' }, { scheme: 'batch-settlement' }, { scheme: 'auth-capture' }), messageId: 'ok' },
  ],
  invalid: [
    { name: 'no scheme', artifacts: v2({ scheme: undefined }), status: 'fail', messageId: 'missing' },
    { name: 'a non-string scheme', artifacts: v2({}, { scheme: 1 }), status: 'fail', messageId: 'notString' },
    { name: 'an empty scheme', artifacts: v2({ scheme: '' }), status: 'fail', messageId: 'empty' },
    {
      name: 'a scheme no x402 implementation defines, naming index and field (issue 11 item 8)',
      artifacts: v2({}, { scheme: 'stream' }),
      status: 'fail',
      messageId: 'unknown',
      message: expect.stringContaining('#1'),
      evidence: 'accepts[1].scheme = "stream"',
    },
    { name: '"exactly"', artifacts: v2({ scheme: 'exactly' }), status: 'fail', messageId: 'unknown' },
    { name: 'a wrongly cased scheme', artifacts: v2({}, { scheme: 'Exact' }), status: 'fail', messageId: 'lookalike' },
    { name: 'an unknown scheme in v1', artifacts: { challenge: challengeV1([{ scheme: 'exactly' }]) }, status: 'fail', messageId: 'unknown' },
    { name: 'no exact entry', artifacts: v2({ scheme: 'upto' }), status: 'warn', messageId: 'noExact', evidence: 'accepts[0].scheme = "upto"' },
    {
      name: 'every bad scheme, and the missing exact entry as well',
      artifacts: v2({ scheme: 'Exact' }, { scheme: 'upto' }, { scheme: '' }),
      status: 'fail',
      messageId: 'lookalike',
      findings: [
        { status: 'fail', messageId: 'lookalike', evidence: 'accepts[0].scheme = "Exact"' },
        { status: 'fail', messageId: 'empty', data: { index: 2 } },
        { status: 'warn', messageId: 'noExact' },
      ],
    },
  ],
  skip: [{ name: 'no requirements', artifacts: { challenge: challengeV2([]) }, messageId: 'none' }],
});
