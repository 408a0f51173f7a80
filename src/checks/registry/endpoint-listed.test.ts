import { target } from '../../../test/helpers/artifacts.js';
import { checkTester } from '../../../test/helpers/checkTester.js';
import { fetched, registrationDoc } from '../../../test/registry/artifacts.js';
import * as endpointListed from './endpoint-listed.js';

const listing = (services: unknown, url = 'https://api.example.com/weather') => ({ target: target({ url }), registryFile: fetched(registrationDoc({ services })) });
const web = (endpoint: string) => [{ name: 'web', endpoint }];

checkTester(endpointListed, {
  valid: [
    { name: 'an exact listing', artifacts: listing(web('https://api.example.com/weather')), messageId: 'listed' },
    { name: 'ignoring a trailing slash, host case and the default port', artifacts: listing(web('https://API.example.com:443/weather/')) },
    { name: 'a probed URL with a trailing slash', artifacts: listing(web('https://api.example.com/weather'), 'https://api.example.com/weather/') },
    { name: 'a base path the endpoint sits under', artifacts: listing(web('https://api.example.com/services/qwen'), 'https://api.example.com/services/qwen/v1/chat/completions'), messageId: 'underBase' },
  ],
  invalid: [
    { name: 'another host', artifacts: listing(web('https://other.example.com/weather')), status: 'fail', messageId: 'notListed' },
    { name: 'an unsubstituted template', artifacts: listing([{ name: 'MCP', endpoint: 'https://api.example.com/agents/{agentId}/weather' }]), status: 'fail', messageId: 'template' },
    { name: 'another scheme', artifacts: listing(web('http://api.example.com/weather')), status: 'fail', messageId: 'notListed' },
    { name: 'no service at all', artifacts: listing([]), status: 'fail', messageId: 'noServices' },
    { name: 'only the bare origin', artifacts: listing(web('https://api.example.com/')), status: 'warn', messageId: 'originOnly' },
  ],
  skip: [{ name: 'no document', artifacts: { target: target(), registryFile: { ...fetched(registrationDoc()), json: null } }, messageId: 'noDocument' }],
});
