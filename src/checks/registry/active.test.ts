import { checkTester } from '../../../test/helpers/checkTester.js';
import { fetched, registrationDoc } from '../../../test/registry/artifacts.js';
import * as active from './active.js';

const file = (document: unknown) => ({ registryFile: fetched(document) });
const { active: _, ...withoutActive } = registrationDoc();

checkTester(active, {
  valid: [{ name: 'active: true', artifacts: file(registrationDoc()), messageId: 'active' }],
  invalid: [
    { name: 'active: false', artifacts: file(registrationDoc({ active: false })), status: 'fail', messageId: 'inactive' },
    { name: 'a non-boolean', artifacts: file(registrationDoc({ active: 'yes' })), status: 'fail', messageId: 'notBoolean' },
    { name: 'no active field', artifacts: file(withoutActive), status: 'warn', messageId: 'missing' },
  ],
  skip: [{ name: 'no document', artifacts: { registryFile: { ...fetched(registrationDoc()), json: null } }, messageId: 'noDocument' }],
});
