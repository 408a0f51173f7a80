import { expect } from 'vitest';
import { b64, challengeOf, exchange, v1PaymentRequired, v1Requirement, v1Response, v2PaymentRequired, v2Requirement, v2Response } from '../../../test/helpers/artifacts.js';
import { checkTester } from '../../../test/helpers/checkTester.js';
import * as decode from './decode.js';

const header = (value: string) => {
  const unpaid = exchange({ headers: { 'payment-required': value } });
  return { unpaid, challenge: challengeOf(unpaid) };
};
const urlSafe = b64(v2PaymentRequired()).replace(/\+/g, '-').replace(/\//g, '_');
// Make sure the fixture really holds a URL-safe character.
const forcedUrlSafe = urlSafe.includes('-') || urlSafe.includes('_') ? urlSafe : `${urlSafe.slice(0, 4)}-${urlSafe.slice(5)}`;

checkTester(decode, {
  valid: [
    { name: 'a valid v2 header', artifacts: { challenge: challengeOf(v2Response()) }, messageId: 'ok' },
    { name: 'a valid v1 body', artifacts: { challenge: challengeOf(v1Response()) }, messageId: 'ok' },
    {
      name: 'v1 network names in a v2 challenge, mentioning them',
      artifacts: { challenge: challengeOf(v2Response(v2PaymentRequired([v2Requirement(), v2Requirement({ network: 'base-sepolia' })]))) },
      messageId: 'okTolerated',
      message: expect.stringContaining('base-sepolia'),
    },
  ],
  invalid: [
    ...[
      ['base64url', forcedUrlSafe],
      ['raw JSON', JSON.stringify(v2PaymentRequired())],
      ['garbage', '%%%'],
    ].map(([name, value]) => ({
      name: `a header that is ${name}, not base64`,
      artifacts: header(value),
      status: 'fail' as const,
      messageId: 'base64' as const,
      evidence: expect.stringContaining('PAYMENT-REQUIRED:'),
    })),
    { name: 'a base64 header holding no JSON', artifacts: header(b64('not json at all')), status: 'fail', messageId: 'headerJson' },
    {
      name: 'a body that is not JSON',
      artifacts: { challenge: challengeOf(exchange({ headers: { 'content-type': 'application/json' }, body: '{"x402Version": 1, accepts: [' })) },
      status: 'fail',
      messageId: 'bodyJson',
    },
    {
      name: 'a v2 schema issue, with the issues as evidence',
      artifacts: { challenge: challengeOf(v2Response(v2PaymentRequired([v2Requirement({ payTo: undefined })]))) },
      status: 'fail',
      messageId: 'schema',
      evidence: expect.stringContaining('payTo'),
    },
    {
      name: 'a v1 schema issue',
      artifacts: { challenge: challengeOf(v1Response(v1PaymentRequired([v1Requirement({ maxTimeoutSeconds: '60' })]))) },
      status: 'fail',
      messageId: 'schema',
    },
  ],
  skip: [{ name: 'no carrier', artifacts: { challenge: challengeOf(exchange({ body: '' })) }, messageId: 'noCarrier' }],
});
