import { challengeOf, v1PaymentRequired, v1Requirement, v1Response, v2PaymentRequired, v2Requirement, v2Response } from '../../../test/helpers/artifacts.js';
import { checkTester } from '../../../test/helpers/checkTester.js';
import * as amountAtomic from './amount-atomic.js';

const v2 = (...amounts: unknown[]) => ({ challenge: challengeOf(v2Response(v2PaymentRequired(amounts.map((amount) => v2Requirement({ amount }))))) });

checkTester(amountAtomic, {
  valid: [
    { name: 'a v2 atomic amount', artifacts: v2('10000'), messageId: 'ok' },
    { name: 'a v1 atomic amount', artifacts: { challenge: challengeOf(v1Response()) } },
  ],
  invalid: [
    { name: 'a decimal string', artifacts: v2('0.01'), status: 'fail', messageId: 'decimal' },
    { name: 'a fractional JSON number', artifacts: v2(0.01), status: 'fail', messageId: 'decimal' },
    { name: 'an integer JSON number', artifacts: v2(10000), status: 'fail', messageId: 'notString' },
    { name: 'an exponent', artifacts: v2('1e4'), status: 'fail', messageId: 'notInteger' },
    { name: 'zero', artifacts: v2('0'), status: 'fail', messageId: 'zero' },
    { name: 'no amount', artifacts: v2(undefined), status: 'fail', messageId: 'missing' },
    { name: 'leading zeros', artifacts: v2('010000'), status: 'warn', messageId: 'leadingZero', evidence: 'accepts[0].amount = "010000"' },
    {
      name: 'a v1 amount over 18 digits',
      artifacts: { challenge: challengeOf(v1Response(v1PaymentRequired([v1Requirement({ maxAmountRequired: '1'.repeat(19) })]))) },
      status: 'warn',
      messageId: 'tooLongV1',
      data: { index: 0, field: 'maxAmountRequired', digits: 19 },
    },
    { name: 'an implausibly large price', artifacts: v2('10000000000'), status: 'warn', messageId: 'huge' },
    {
      name: 'every bad requirement, not just the first',
      artifacts: v2('010000', '0.01', '10000', '0'),
      status: 'fail',
      messageId: 'decimal',
      evidence: 'accepts[1].amount = "0.01"',
      findings: [
        { status: 'warn', messageId: 'leadingZero', evidence: 'accepts[0].amount = "010000"' },
        { status: 'fail', messageId: 'decimal', data: { index: 1, field: 'amount', value: '"0.01"' } },
        { status: 'fail', messageId: 'zero', evidence: 'accepts[3].amount = "0"' },
      ],
    },
  ],
  skip: [{ name: 'no requirements', artifacts: { challenge: challengeOf(v2Response(v2PaymentRequired([]))) }, messageId: 'none' }],
});
