import { checkTester } from '../../../test/helpers/checkTester.js';
import { fetched, registrationDoc } from '../../../test/registry/artifacts.js';
import * as x402Support from './x402-support.js';

const file = (document: unknown) => ({ registryFile: fetched(document) });
const { x402Support: _, ...without } = registrationDoc();

checkTester(x402Support, {
  valid: [{ name: 'x402Support: true', artifacts: file(registrationDoc()), messageId: 'supported' }],
  invalid: [
    { name: 'false', artifacts: file(registrationDoc({ x402Support: false })), status: 'fail', messageId: 'false' },
    { name: 'missing', artifacts: file(without), status: 'fail', messageId: 'missing' },
    { name: 'a non-boolean', artifacts: file(registrationDoc({ x402Support: 'true' })), status: 'fail', messageId: 'notBoolean' },
    { name: 'lowercase x402support', artifacts: file({ ...without, x402support: true }), status: 'warn', messageId: 'lowercase' },
    { name: 'the {enabled} object', artifacts: file(registrationDoc({ x402Support: { enabled: true } })), status: 'warn', messageId: 'object' },
    { name: 'lowercase x402support: false', artifacts: file({ ...without, x402support: false }), status: 'fail', messageId: 'false' },
  ],
  skip: [{ name: 'no document', artifacts: { registryFile: { ...fetched(registrationDoc()), json: null } }, messageId: 'noDocument' }],
});
