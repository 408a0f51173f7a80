import { expect } from 'vitest';
import { challengeV1, challengeV2, exchange, target, URL } from '../../../test/helpers/artifacts.js';
import { checkTester } from '../../../test/helpers/checkTester.js';
import * as resourceUrl from './resource-url.js';

const v2 = (url: unknown, probed = URL) => ({ challenge: challengeV2([{}], { resource: { url, description: 'Weather' } }), target: target({ url: probed }) });
const v1 = (resource: unknown, probed = URL) => ({ challenge: challengeV1([{}, { resource }]), target: target({ url: probed }) });
const LANDED = 'https://api.example.com/v2/weather';
const redirected = exchange({ finalUrl: LANDED, redirects: [{ from: URL, to: LANDED, status: 308, crossOrigin: false }] });

checkTester(resourceUrl, {
  valid: [
    { name: 'the probed URL (v2)', artifacts: v2(URL) },
    { name: 'the probed URL (v1)', artifacts: v1(URL), messageId: 'ok' },
    { name: 'the probed URL with its query', artifacts: v2(`${URL}?city=paris`, `${URL}?city=paris`) },
    { name: 'the URL a redirect landed on', artifacts: { challenge: challengeV2([{}], { resource: { url: LANDED } }), target: target(), unpaid: redirected } },
  ],
  invalid: [
    {
      name: 'http behind a TLS proxy (x402#636)',
      artifacts: v2('http://api.example.com/weather'),
      status: 'fail',
      messageId: 'httpBehindTls',
      evidence: expect.stringContaining('resource.url = "http://api.example.com/weather"'),
    },
    {
      name: 'another host, naming the v1 index',
      artifacts: v1('https://localhost:3000/weather'),
      status: 'fail',
      messageId: 'otherHost',
      message: expect.stringContaining('Requirement #1'),
      evidence: expect.stringContaining('accepts[1].resource'),
    },
    { name: 'another path', artifacts: v2('https://api.example.com/other'), status: 'fail', messageId: 'otherPath' },
    { name: 'a redirect target without the redirect', artifacts: { challenge: challengeV2([{}], { resource: { url: LANDED } }), target: target() }, status: 'fail', messageId: 'otherPath' },
    { name: 'no resource', artifacts: v2(undefined), status: 'fail', messageId: 'missing' },
    { name: 'a relative resource', artifacts: v2('/weather'), status: 'fail', messageId: 'notUrl' },
    { name: 'the query string dropped (legacy x402-express)', artifacts: v1(URL, `${URL}?city=paris`), status: 'warn', messageId: 'queryDropped' },
    { name: 'another query string', artifacts: v2(`${URL}?city=rome`, `${URL}?city=paris`), status: 'warn', messageId: 'queryDiffers' },
    { name: 'https while the probe used http', artifacts: v2(URL, 'http://api.example.com/weather'), status: 'warn', messageId: 'httpsWhileHttp' },
    {
      name: 'every bad v1 resource, not just the first',
      artifacts: { challenge: challengeV1([{ resource: '/weather' }, {}, { resource: 'https://localhost:3000/weather' }]), target: target() },
      status: 'fail',
      messageId: 'notUrl',
      findings: [
        { status: 'fail', messageId: 'notUrl', message: expect.stringContaining('Requirement #0') },
        { status: 'fail', messageId: 'otherHost', message: expect.stringContaining('Requirement #2') },
      ],
    },
  ],
  skip: [
    { name: 'no requirements', artifacts: { challenge: challengeV2([]), target: target() }, messageId: 'none' },
    { name: 'a probed URL that does not parse', artifacts: v2(URL, 'not a url'), messageId: 'badTarget' },
  ],
});
