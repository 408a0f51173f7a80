import { challengeOf, exchange, v1PaymentRequired, v1Response, v2PaymentRequired, v2Response } from '../../../test/helpers/artifacts.js';
import { checkTester } from '../../../test/helpers/checkTester.js';
import * as version from './version.js';

const inHeader = (x402Version: unknown) => ({ challenge: challengeOf(v2Response(v2PaymentRequired(undefined, { x402Version }))) });

checkTester(version, {
  valid: [
    { name: 'v2 in the header', artifacts: inHeader(2), messageId: 'v2Header' },
    { name: 'v1 in the body', artifacts: { challenge: challengeOf(v1Response()) }, messageId: 'v1Body' },
  ],
  invalid: [
    { name: 'v1 in the PAYMENT-REQUIRED header', artifacts: { challenge: challengeOf(v2Response(v1PaymentRequired())) }, status: 'warn', messageId: 'v1InHeader' },
    { name: 'no version', artifacts: inHeader(undefined), status: 'fail', messageId: 'missing' },
    { name: 'a string version', artifacts: inHeader('2'), status: 'fail', messageId: 'string' },
    { name: 'an unknown version', artifacts: inHeader(3), status: 'fail', messageId: 'unknown' },
    {
      name: 'v2 carried only in the body',
      artifacts: { challenge: challengeOf(exchange({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(v2PaymentRequired()) })) },
      status: 'fail',
      messageId: 'v2InBody',
    },
  ],
  skip: [{ name: 'nothing decoded', artifacts: { challenge: challengeOf(exchange({ headers: { 'payment-required': '***' } })) }, messageId: 'noCarrier' }],
});
