import { checkTester } from '../../../test/helpers/checkTester.js';
import { dataFile, fetched, registrationDoc, registryAgent } from '../../../test/registry/artifacts.js';
import type { RegistrationFetch } from '../../artifacts/index.js';
import * as uriResolves from './uri-resolves.js';

const judged = (registryFile: RegistrationFetch) => ({ registryAgent: registryAgent(), registryFile });
const base = fetched(registrationDoc());
const unanswered = (code: 'refused' | 'deadline', message: string): RegistrationFetch => ({
  ...base,
  json: null,
  exchange: { ...base.exchange!, status: null, error: { code, message } },
  error: { code: 'http', message: `${code}: ${message}` },
});

checkTester(uriResolves, {
  valid: [
    { name: 'an https file', artifacts: judged(fetched(registrationDoc())) },
    { name: 'a data: URI', artifacts: judged(dataFile(registrationDoc())), messageId: 'resolved' },
    { name: 'plain http on loopback', artifacts: judged(fetched(registrationDoc(), { url: 'http://127.0.0.1:8080/reg.json' })) },
  ],
  invalid: [
    ...(
      [
        ['an empty URI', { ...base, scheme: 'empty', exchange: null, json: null, error: { code: 'empty-uri', message: 'the agentURI is empty' } }, 'empty'],
        ['a bad scheme', { ...base, scheme: 'unsupported', exchange: null, json: null, error: { code: 'unsupported-scheme', message: 'ar:' } }, 'unsupportedScheme'],
        ['a bad data: URI', { ...base, scheme: 'data', exchange: null, json: null, error: { code: 'bad-data-uri', message: 'no comma' } }, 'badDataUri'],
        ['a URI that is no URL', { ...base, exchange: null, json: null, error: { code: 'bad-url', message: 'Invalid URL' } }, 'badUrl'],
        ['a dead host', unanswered('refused', 'ECONNREFUSED'), 'unreachable'],
        ['a fetch the run deadline cut', unanswered('deadline', 'cut by the run deadline after 1999 ms'), 'deadline'],
        ['a refused address', { ...base, json: null, exchange: { ...base.exchange!, status: null }, error: { code: 'forbidden-address', message: '10.0.0.5 is a private (RFC 1918) address' } }, 'forbidden'],
        ['a 404', fetched('Not Found', { status: 404 }), 'status'],
        ['an oversized file', { ...base, truncated: true, json: null }, 'tooLarge'],
      ] as const
    ).map(([name, file, messageId]) => ({ name, artifacts: judged(file as RegistrationFetch), status: 'fail' as const, messageId })),
    { name: 'plain http on a public host', artifacts: judged(fetched(registrationDoc(), { url: 'http://agent.example/reg.json' })), status: 'warn', messageId: 'plainHttp' },
  ],
});
