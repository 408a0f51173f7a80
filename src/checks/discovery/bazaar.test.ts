import { declareDiscoveryExtension } from '@x402/extensions/bazaar';
import { challengeOf, v2PaymentRequired, v2Requirement, v2Response } from '../../../test/helpers/artifacts.js';
import { checkTester } from '../../../test/helpers/checkTester.js';
import { loadExtensionValidators, validateBazaar } from '../../gather/extensionValidation.js';
import * as bazaar from './bazaar.js';

const validators = (await loadExtensionValidators())!;
const challengeWith = (extensions: unknown) => challengeOf(v2Response(v2PaymentRequired([v2Requirement()], { extensions })));
/** The 402 and, as the gatherer records it, what @x402/extensions made of its bazaar declaration. */
const withExtensions = (extensions: Record<string, unknown>) => ({
  challenge: challengeWith(extensions),
  ...(extensions.bazaar !== undefined && { extensionValidation: { validator: '@x402/extensions@2.27.0', bazaar: validateBazaar(validators, extensions.bazaar) } }),
});
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
  skip: [
    { name: 'no Bazaar extension: a note', artifacts: withExtensions({ other: {} }), messageId: 'absent' },
    // A core install (--omit=optional): never a pass it could not judge.
    { name: 'declared, validator not installed', artifacts: { challenge: challengeWith(official), extensionValidation: { validator: null, install: '@x402/extensions@2.27.0' } }, messageId: 'unavailable', data: { install: '@x402/extensions@2.27.0' } },
    { name: 'declared, not validated (a saved run from before the validation artifact)', artifacts: { challenge: challengeWith(official) }, messageId: 'unjudged' },
  ],
});
