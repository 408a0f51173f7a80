import { expect } from 'vitest';
import { exchange, v2Response } from '../../../test/helpers/artifacts.js';
import { checkTester } from '../../../test/helpers/checkTester.js';
import * as status402 from './status-402.js';

const got = (status: number | null, headers: Record<string, string> = {}, method = 'GET') => ({
  unpaid: exchange({ status, headers, request: { url: 'https://api.example.com/weather', method, headers: {}, bodyBytes: 0 } }),
});

/** Each other status, with the messageId naming its likely cause. */
const CAUSES = [
  [200, 'served'],
  [204, 'served'],
  [401, 'authGate'],
  [403, 'authGate'],
  [404, 'notFound'],
  [400, 'validation'],
  [422, 'validation'],
  [429, 'rateLimited'],
  [302, 'redirect'],
  [500, 'serverError'],
  [503, 'serverError'],
  [410, 'other'],
] as const;

checkTester(status402, {
  valid: [{ name: 'a 402', artifacts: { unpaid: v2Response() }, messageId: 'paymentRequired' }],
  invalid: [
    ...CAUSES.map(([status, messageId]) => ({ name: `HTTP ${status}`, artifacts: got(status), status: 'fail' as const, messageId, evidence: expect.stringContaining(`HTTP ${status}`) })),
    { name: '405, suggesting a method from the Allow header', artifacts: got(405, { allow: 'OPTIONS, POST' }), status: 'fail', messageId: 'methodNotAllowed', message: expect.stringContaining('-X POST') },
    { name: '405 without Allow, suggesting GET for a POST', artifacts: got(405, {}, 'POST'), status: 'fail', messageId: 'methodNotAllowed', message: expect.stringContaining('-X GET') },
    { name: 'the v2 permit2 412, only a warning', artifacts: got(412), status: 'warn', messageId: 'permit2Allowance' },
    {
      name: "an obol SIWX-gated route's 401: an auth gate, with its realm",
      artifacts: got(401, { 'www-authenticate': 'SIWX realm="obol-stack agent", nonce="abc"' }),
      status: 'fail',
      messageId: 'siwxGate',
      data: { realm: 'obol-stack agent' },
      evidence: expect.stringContaining('WWW-Authenticate: SIWX'),
    },
    { name: 'SIWX beside other challenges (obol MPP): still the SIWX realm', artifacts: got(401, { 'www-authenticate': 'Payment realm="stripe", SIWX realm=obol' }), status: 'fail', messageId: 'siwxGate', data: { realm: 'obol' } },
    { name: 'a 401 Bearer challenge stays a plain auth gate', artifacts: got(401, { 'www-authenticate': 'Bearer realm="api"' }), status: 'fail', messageId: 'authGate' },
  ],
  skip: [{ name: 'no response', artifacts: { unpaid: exchange({ status: null, error: { code: 'dns', message: 'ENOTFOUND' } }) }, messageId: 'noResponse' }],
});
