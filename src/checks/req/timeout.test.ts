import { challengeV1, challengeV2 } from '../../../test/helpers/artifacts.js';
import { checkTester } from '../../../test/helpers/checkTester.js';
import * as timeout from './timeout.js';

const v2 = (...accepts: Record<string, unknown>[]) => ({ challenge: challengeV2(accepts) });

checkTester(timeout, {
  valid: [
    { name: 'the reference 60 s', artifacts: v2({}) },
    { name: "obol-stack's 300 s", artifacts: v2({ maxTimeoutSeconds: 300 }), messageId: 'ok' },
    { name: 'a v1 timeout', artifacts: { challenge: challengeV1() } },
  ],
  invalid: [
    { name: 'a string', artifacts: v2({}, { maxTimeoutSeconds: '60' }), status: 'fail', messageId: 'notNumber', evidence: 'accepts[1].maxTimeoutSeconds = "60"' },
    { name: 'zero', artifacts: v2({ maxTimeoutSeconds: 0 }), status: 'fail', messageId: 'notPositive' },
    { name: 'a negative', artifacts: v2({ maxTimeoutSeconds: -5 }), status: 'fail', messageId: 'notPositive' },
    { name: 'a fraction', artifacts: v2({ maxTimeoutSeconds: 59.5 }), status: 'fail', messageId: 'fraction' },
    { name: 'no timeout', artifacts: v2({ maxTimeoutSeconds: undefined }), status: 'fail', messageId: 'missing' },
    { name: 'under 30 s', artifacts: v2({ maxTimeoutSeconds: 10 }), status: 'warn', messageId: 'short' },
    { name: 'over an hour', artifacts: v2({ maxTimeoutSeconds: 86400 }), status: 'warn', messageId: 'long' },
    {
      name: 'every bad timeout, not just the first',
      artifacts: v2({ maxTimeoutSeconds: 10 }, {}, { maxTimeoutSeconds: '60' }, { maxTimeoutSeconds: 0 }),
      status: 'fail',
      messageId: 'notNumber',
      findings: [
        { status: 'warn', messageId: 'short', evidence: 'accepts[0].maxTimeoutSeconds = 10' },
        { status: 'fail', messageId: 'notNumber', evidence: 'accepts[2].maxTimeoutSeconds = "60"' },
        { status: 'fail', messageId: 'notPositive', evidence: 'accepts[3].maxTimeoutSeconds = 0' },
      ],
    },
  ],
  skip: [{ name: 'no requirements', artifacts: { challenge: challengeV2([]) }, messageId: 'none' }],
});
