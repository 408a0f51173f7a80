import { declarePaymentIdentifierExtension } from '@x402/extensions/payment-identifier';
import { challengeOf, v2PaymentRequired, v2Requirement, v2Response } from '../../../test/helpers/artifacts.js';
import { checkTester } from '../../../test/helpers/checkTester.js';
import { loadExtensionValidators, validatePaymentIdentifierDeclaration } from '../../gather/extensionValidation.js';
import * as paymentIdentifier from './payment-identifier.js';

const validators = (await loadExtensionValidators())!;
const challengeWith = (declared: unknown) => challengeOf(v2Response(v2PaymentRequired([v2Requirement()], { extensions: { 'payment-identifier': declared } })));
/** The 402 and, as the gatherer records it, what @x402/extensions made of the declaration. */
const withDeclaration = (declared: unknown) => ({
  challenge: challengeWith(declared),
  extensionValidation: { validator: '@x402/extensions@2.27.0', paymentIdentifier: validatePaymentIdentifierDeclaration(validators, declared) },
});
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
  skip: [
    { name: 'not declared', artifacts: { challenge: challengeOf(v2Response()) }, messageId: 'absent' },
    // A core install (--omit=optional): never a pass it could not judge.
    { name: 'declared, validator not installed', artifacts: { challenge: challengeWith(official), extensionValidation: { validator: null, install: '@x402/extensions@2.27.0' } }, messageId: 'unavailable', data: { install: '@x402/extensions@2.27.0' } },
    { name: 'declared, not validated (a saved run from before the validation artifact)', artifacts: { challenge: challengeWith(official) }, messageId: 'unjudged' },
  ],
});
