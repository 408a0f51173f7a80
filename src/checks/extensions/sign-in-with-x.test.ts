import { challengeOf, target, v2PaymentRequired, v2Requirement, v2Response } from '../../../test/helpers/artifacts.js';
import { checkTester } from '../../../test/helpers/checkTester.js';
import * as signInWithX from './sign-in-with-x.js';

/** The declaration createSIWxResourceServerExtension fills in for https://api.example.com/weather. */
const declared = {
  info: { domain: 'api.example.com', uri: 'https://api.example.com/weather', version: '1', nonce: 'a1b2c3d4e5f6a7b8', issuedAt: '2026-11-25T12:00:00.000Z', expirationTime: '2026-11-25T12:05:00.000Z', statement: 'Sign in' },
  supportedChains: [{ chainId: 'eip155:84532', type: 'eip191' }],
  schema: { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', properties: {}, required: [] },
};
const withDeclaration = (value: unknown) => ({ target: target(), challenge: challengeOf(v2Response(v2PaymentRequired([v2Requirement()], { extensions: { 'sign-in-with-x': value } }))) });

checkTester(signInWithX, {
  valid: [{ name: 'bound to the origin', artifacts: withDeclaration(declared), messageId: 'valid', data: { domain: 'api.example.com' } }],
  invalid: [
    { name: 'another site\'s domain (a replayable sign-in)', artifacts: withDeclaration({ ...declared, info: { ...declared.info, domain: 'evil.example' } }), status: 'fail', messageId: 'invalid', reported: 'warn' },
    { name: 'no nonce', artifacts: withDeclaration({ ...declared, info: { ...declared.info, nonce: undefined } }), status: 'fail', messageId: 'invalid' },
    { name: 'a chain id that is not CAIP-2', artifacts: withDeclaration({ ...declared, supportedChains: [{ chainId: '84532', type: 'eip191' }] }), status: 'fail', messageId: 'invalid' },
    { name: 'issuedAt not a date', artifacts: withDeclaration({ ...declared, info: { ...declared.info, issuedAt: 'yesterday' } }), status: 'fail', messageId: 'invalid' },
  ],
  skip: [{ name: 'not declared', artifacts: { target: target(), challenge: challengeOf(v2Response()) }, messageId: 'absent' }],
});
