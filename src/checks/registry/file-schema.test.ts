import { checkTester } from '../../../test/helpers/checkTester.js';
import { fetched, registrationDoc } from '../../../test/registry/artifacts.js';
import * as fileSchema from './file-schema.js';

const file = (document: unknown) => ({ registryFile: fetched(document) });
const { services, x402Support, ...rest } = registrationDoc();

checkTester(fileSchema, {
  valid: [{ name: 'a current registration file', artifacts: file(registrationDoc()), messageId: 'valid' }],
  invalid: [
    ...(
      [
        ['broken JSON', '{"type": "https://eips.ethereum.org/EIPS/eip-8004#registration-v1", "name": ', 'notJson'],
        ['a non-object', [registrationDoc()], 'notObject'],
        ['no type', registrationDoc({ type: undefined }), 'type'],
        ['a wrong type', registrationDoc({ type: 'https://eips.ethereum.org/EIPS/eip-8004#registration-v2' }), 'type'],
        ['no name', registrationDoc({ name: '' }), 'name'],
        ['an empty services list', registrationDoc({ services: [] }), 'noServices'],
        ['no services', registrationDoc({ services: undefined }), 'noServices'],
        ['a service without endpoint', registrationDoc({ services: [{ name: 'web' }] }), 'service'],
        ['another invalid field', registrationDoc({ active: 'yes' }), 'invalid'],
      ] as const
    ).map(([name, doc, messageId]) => ({ name, artifacts: file(doc), status: 'fail' as const, messageId })),
    ...(
      [
        ['endpoints in place of services', { ...rest, x402Support, endpoints: services }, 'endpoints'],
        ['lowercase x402support', { ...rest, services, x402support: true }, 'lowercaseX402'],
        ['type "Agent"', registrationDoc({ type: 'Agent' }), 'typeAgent'],
        ['a service url in place of endpoint', registrationDoc({ services: [{ name: 'web', url: 'https://api.example.com/weather' }] }), 'serviceUrl'],
        ['x402Support as an object', registrationDoc({ x402Support: { enabled: true } }), 'x402Object'],
        ['supportedTrusts in place of supportedTrust', registrationDoc({ supportedTrusts: ['reputation'] }), 'supportedTrusts'],
      ] as const
    ).map(([name, doc, messageId]) => ({ name: `the stale form it still reads: ${name}`, artifacts: file(doc), status: 'warn' as const, messageId })),
    {
      name: 'every stale form, not just the first',
      artifacts: file(registrationDoc({ type: 'Agent', x402Support: { enabled: true } })),
      status: 'warn',
      messageId: 'typeAgent',
      findings: [
        { status: 'warn', messageId: 'typeAgent', evidence: 'stale forms: type-agent, x402support-object' },
        { status: 'warn', messageId: 'x402Object' },
      ],
    },
  ],
  skip: [{ name: 'no document', artifacts: { registryFile: { ...fetched(registrationDoc()), json: null } }, messageId: 'noDocument' }],
});
