import { expect } from 'vitest';
import { exchange, redirectHop, v2Response } from '../../../test/helpers/artifacts.js';
import { checkTester, including } from '../../../test/helpers/checkTester.js';
import * as redirects from './redirects.js';

const A = 'https://api.example.com';
const refusedHop = { ...redirectHop(`${A}/weather`, 'http://127.0.0.1/admin', 307), droppedHeaders: ['cookie', 'x-api-key'] };
const refusal = { code: 'forbidden-address' as const, message: '127.0.0.1 is loopback; a redirect away from a public origin must stay public (--allow-private)' };

checkTester(redirects, {
  valid: [{ name: 'no redirect', artifacts: { unpaid: v2Response() }, messageId: 'none' }],
  invalid: [
    {
      name: 'same-origin redirects, with the hop chain',
      artifacts: { unpaid: v2Response(undefined, { redirects: [redirectHop(`${A}/weather`, `${A}/weather/`, 301)] }) },
      status: 'warn',
      messageId: 'sameOrigin',
      evidence: expect.stringContaining(`301 ${A}/weather -> ${A}/weather/`),
    },
    {
      name: 'a cross-origin hop',
      artifacts: { unpaid: v2Response(undefined, { redirects: [redirectHop(`${A}/weather`, `${A}/v2/weather`), redirectHop(`${A}/v2/weather`, 'https://cdn.other.example/weather', 307)] }) },
      status: 'fail',
      messageId: 'crossOrigin',
      evidence: expect.stringContaining('(cross-origin)'),
    },
    {
      name: 'names (never shows) the request headers not carried across origins, and the refusal of a hop',
      artifacts: { unpaid: exchange({ status: null, redirects: [refusedHop], error: refusal }) },
      status: 'fail',
      messageId: 'crossOrigin',
      evidence: including('request headers not carried: cookie, x-api-key', 'forbidden-address: 127.0.0.1 is loopback'),
    },
    {
      name: 'a loop',
      artifacts: { unpaid: exchange({ status: 302, redirects: [redirectHop(`${A}/a`, `${A}/b`), redirectHop(`${A}/b`, `${A}/a`)], error: { code: 'redirect-loop', message: 'loop' } }) },
      status: 'fail',
      messageId: 'loop',
    },
    {
      name: 'too many redirects',
      artifacts: {
        unpaid: exchange({ status: 302, redirects: Array.from({ length: 6 }, (_, i) => redirectHop(`${A}/${i}`, `${A}/${i + 1}`)), error: { code: 'too-many-redirects', message: 'more than 5 redirects' } }),
      },
      status: 'fail',
      messageId: 'tooMany',
    },
    { name: 'an unusable Location', artifacts: { unpaid: exchange({ status: 302, error: { code: 'bad-redirect', message: 'unusable Location header: http://[' } }) }, status: 'fail', messageId: 'badLocation' },
    { name: 'a redirect status without a Location header', artifacts: { unpaid: exchange({ status: 302, headers: {} }) }, status: 'fail', messageId: 'missingLocation' },
  ],
  skip: [{ name: 'nothing answered and nothing redirected', artifacts: { unpaid: exchange({ status: null, error: { code: 'refused', message: 'ECONNREFUSED' } }) }, messageId: 'noResponse' }],
});
