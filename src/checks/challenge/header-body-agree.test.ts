import { expect } from 'vitest';
import {
  b64,
  challengeOf,
  exchange,
  headerAndBodyResponse,
  v1PaymentRequired,
  v1Requirement,
  v1Response,
  v2PaymentRequired,
  v2Requirement,
  v2Response,
} from '../../../test/helpers/artifacts.js';
import { allOf, checkTester, excluding, including } from '../../../test/helpers/checkTester.js';
import * as headerBodyAgree from './header-body-agree.js';

const both = (header: unknown, body: unknown) => ({ challenge: challengeOf(headerAndBodyResponse(header, body)) });

const amountInsteadOfMax = v1Requirement({ amount: '10000' });
delete amountInsteadOfMax.maxAmountRequired;
const noResource = v1Requirement();
delete noResource.resource;
const { x402Version: _, ...unversioned } = v2PaymentRequired();

checkTester(headerBodyAgree, {
  valid: [
    { name: 'a mirrored body', artifacts: both(v2PaymentRequired(), v2PaymentRequired()), messageId: 'agree' },
    { name: 'a header with a {} body (the reference v2 server)', artifacts: { challenge: challengeOf(v2Response()) }, messageId: 'headerOnly' },
    {
      name: 'a v1 body beside a v2 header on the same terms (v1 name = CAIP-2, checksum-insensitive)',
      artifacts: both(v2PaymentRequired(), v1PaymentRequired([v1Requirement({ payTo: v1Requirement().payTo!.toString().toLowerCase() })])),
      messageId: 'dualVersion',
    },
  ],
  invalid: [
    {
      name: 'a v1 body naming a CAIP-2 network beside a v2 header: legacy buyers cannot pay it (@faremeter/middleware 0.22)',
      artifacts: both(v2PaymentRequired(), v1PaymentRequired([v1Requirement({ network: 'eip155:84532' })])),
      status: 'warn',
      messageId: 'legacyBodyUnpayable',
      evidence: expect.stringContaining('"eip155:84532"'),
      message: allOf(including('"base-sepolia"'), excluding('pay alike')),
    },
    {
      name: 'a v1 body with amount in place of maxAmountRequired',
      artifacts: both(v2PaymentRequired(), v1PaymentRequired([amountInsteadOfMax])),
      status: 'warn',
      messageId: 'legacyBodyUnpayable',
      evidence: expect.stringContaining('maxAmountRequired'),
    },
    {
      name: 'a v1 body that is not a v1 PaymentRequired',
      artifacts: both(v2PaymentRequired(), v1PaymentRequired([noResource])),
      status: 'warn',
      messageId: 'legacyBodyUnpayable',
      evidence: expect.stringContaining('resource'),
    },
    { name: 'a v2 body mirroring accepts without x402Version (the v2 transport leaves the body to the server)', artifacts: both(v2PaymentRequired(), unversioned), status: 'warn', messageId: 'unversionedMirror' },
    { name: 'a bare accepts mirror', artifacts: both(v2PaymentRequired(), { accepts: [v2Requirement()] }), status: 'warn', messageId: 'unversionedMirror' },
    {
      name: 'an unversioned body that differs',
      artifacts: both(v2PaymentRequired(), { accepts: [v2Requirement({ amount: '20000' })] }),
      status: 'warn',
      messageId: 'unversionedDiffers',
      evidence: expect.stringContaining('"20000"'),
    },
    {
      name: 'a requirement that differs, naming the difference',
      artifacts: both(v2PaymentRequired(), v2PaymentRequired([v2Requirement({ amount: '20000' })])),
      status: 'fail',
      messageId: 'requirementDiffers',
      evidence: including('"10000"', '"20000"'),
    },
    {
      name: 'a v1 body on another network',
      artifacts: both(v2PaymentRequired(), v1PaymentRequired([v1Requirement({ network: 'base' })])),
      status: 'fail',
      messageId: 'requirementDiffers',
      evidence: expect.stringContaining('network'),
    },
    { name: 'versions that differ', artifacts: both(v2PaymentRequired(), v2PaymentRequired(undefined, { x402Version: '2' })), status: 'fail', messageId: 'versionDiffers' },
    {
      name: 'counts that differ',
      artifacts: both(v2PaymentRequired([v2Requirement(), v2Requirement({ network: 'eip155:8453' })]), v2PaymentRequired()),
      status: 'fail',
      messageId: 'countDiffers',
    },
    {
      name: 'every requirement that differs, then the count',
      artifacts: both(
        v2PaymentRequired([v2Requirement({ amount: '20000' }), v2Requirement(), v2Requirement({ payTo: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC' })]),
        v2PaymentRequired([v2Requirement(), v2Requirement(), v2Requirement(), v2Requirement()]),
      ),
      status: 'fail',
      messageId: 'requirementDiffers',
      findings: [
        { status: 'fail', messageId: 'requirementDiffers', data: { index: 0, field: 'amount/amount' } },
        { status: 'fail', messageId: 'requirementDiffers', data: { index: 2, field: 'payTo' } },
        { status: 'fail', messageId: 'countDiffers', data: { header: 3, body: 4 } },
      ],
    },
  ],
  skip: [
    { name: 'no header', artifacts: { challenge: challengeOf(v1Response()) }, messageId: 'noHeader' },
    { name: 'a header that does not decode', artifacts: { challenge: challengeOf(exchange({ headers: { 'payment-required': b64('not json') } })) }, messageId: 'headerNotDecoded' },
    { name: 'a body that claims JSON and does not parse', artifacts: both(v2PaymentRequired(), '{"x402Version": 1, accepts: ['), messageId: 'bodyNotDecoded' },
  ],
});
