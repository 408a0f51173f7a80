import { exchange, target } from '../../../test/helpers/artifacts.js';
import { checkTester } from '../../../test/helpers/checkTester.js';
import * as https from './https.js';

checkTester(https, {
  valid: [
    { name: 'https', artifacts: { target: target() }, messageId: 'https' },
    { name: 'a loopback target on plain http, exempt', artifacts: { target: target({ url: 'http://127.0.0.1:4021/weather', loopback: true }) }, messageId: 'loopbackExempt' },
  ],
  invalid: [
    { name: 'plain http on a public host', artifacts: { target: target({ url: 'http://api.example.com/weather' }) }, status: 'fail', messageId: 'plainHttp' },
    { name: 'an https URL that redirects down to http', artifacts: { target: target(), unpaid: exchange({ finalUrl: 'http://api.example.com/weather' }) }, status: 'fail', messageId: 'downgraded' },
  ],
  skip: [{ name: 'a target URL that does not parse', artifacts: { target: target({ url: 'not a url' }) }, messageId: 'invalidUrl', evidence: 'not a url' }],
});
