import { declareDiscoveryExtension } from '@x402/extensions/bazaar';
import { challengeOf, v2PaymentRequired, v2Requirement, v2Response } from '../../../test/helpers/artifacts.js';
import { checkTester } from '../../../test/helpers/checkTester.js';
import * as bazaar from './bazaar.js';

const withExtensions = (extensions: unknown) => ({ challenge: challengeOf(v2Response(v2PaymentRequired([v2Requirement()], { extensions }))) });
const declared = declareDiscoveryExtension({ input: { city: 'Berlin' }, inputSchema: { properties: { city: { type: 'string' } }, required: ['city'] }, output: { example: { temperature: 20 } } });
/** As the 402 carries it: bazaarResourceServerExtension fills in the route's method at request time. */
const official = { bazaar: { ...declared.bazaar, info: { ...declared.bazaar.info, input: { ...declared.bazaar.info.input, method: 'GET' } } } };

checkTester(bazaar, {
  valid: [{ name: 'declared with @x402/extensions', artifacts: withExtensions(official), messageId: 'valid' }],
  invalid: [
    { name: 'an info that breaks its own schema', artifacts: withExtensions({ bazaar: { ...official.bazaar, info: { input: { type: 'http', method: 'GET', queryParams: { city: 42 } } } } }), status: 'fail', messageId: 'invalid', reported: 'warn' },
    { name: 'an input type the spec does not know', artifacts: withExtensions({ bazaar: { info: { input: { type: 'carrier-pigeon' } }, schema: {} } }), status: 'fail', messageId: 'invalid' },
    { name: 'not an object', artifacts: withExtensions({ bazaar: 'yes' }), status: 'fail', messageId: 'invalid' },
  ],
  skip: [{ name: 'no Bazaar extension: a note', artifacts: withExtensions({ other: {} }), messageId: 'absent' }],
});
