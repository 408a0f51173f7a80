import { attempt } from '../../../test/helpers/artifacts.js';
import { answered, refusedCases, unrefusedCases } from '../../../test/helpers/attacks.js';
import { checkTester } from '../../../test/helpers/checkTester.js';
import type { HttpExchange } from '../../artifacts/index.js';
import * as malformedRejected from './malformed-rejected.js';

const malformed = (exchange: HttpExchange) => ({ malformed: attempt('malformed', null, { requirementIndex: null, payer: null, value: null, exchange }) });

checkTester(malformedRejected, {
  valid: [
    ...refusedCases(malformed, [400, 402]),
    // Any other client error still refuses a header that is not a payment, if less precisely.
    ...[401, 403, 404, 422].map((status) => ({ name: `refused with ${status}, less precisely`, artifacts: malformed(answered(status)), messageId: 'rejectedOther' as const, data: { status } })),
  ],
  // Every 4xx refuses it: only an informational status is left over as an odd answer.
  invalid: unrefusedCases(malformed, { unexpected: 103 }),
  skip: [{ name: 'nothing sent', artifacts: { malformed: attempt('malformed', null, { notSent: 'attacks disabled' }) }, messageId: 'notSent' }],
});
