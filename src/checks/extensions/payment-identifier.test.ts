import { declarePaymentIdentifierExtension } from '@x402/extensions/payment-identifier';
import { challengeOf, v2PaymentRequired, v2Requirement, v2Response } from '../../../test/helpers/artifacts.js';
import { checkTester } from '../../../test/helpers/checkTester.js';
import * as paymentIdentifier from './payment-identifier.js';

const withDeclaration = (declared: unknown) => ({ challenge: challengeOf(v2Response(v2PaymentRequired([v2Requirement()], { extensions: { 'payment-identifier': declared } }))) });
const official = declarePaymentIdentifierExtension(true);

checkTester(paymentIdentifier, {
  valid: [
    { name: 'declared with @x402/extensions (required)', artifacts: withDeclaration(official), messageId: 'valid', data: { required: 'true' } },
    { name: 'optional', artifacts: withDeclaration(declarePaymentIdentifierExtension(false)), messageId: 'valid' },
  ],
  invalid: [
    { name: 'required as a string', artifacts: withDeclaration({ ...official, info: { required: 'yes' } }), status: 'fail', messageId: 'invalid', reported: 'warn' },
    { name: 'an id too short for the format', artifacts: withDeclaration({ ...official, info: { required: false, id: 'x' } }), status: 'fail', messageId: 'invalid' },
    { name: 'no info at all', artifacts: withDeclaration({}), status: 'fail', messageId: 'invalid' },
  ],
  skip: [{ name: 'not declared', artifacts: { challenge: challengeOf(v2Response()) }, messageId: 'absent' }],
});
