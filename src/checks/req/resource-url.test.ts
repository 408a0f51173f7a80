import { describe, expect, it } from 'vitest';
import { challengeV1, challengeV2, exchange, target, URL } from '../../../test/helpers/artifacts.js';
import { check, meta } from './resource-url.js';

const v2 = (url: unknown, probed = URL) => check({ challenge: challengeV2([{}], { resource: { url, description: 'Weather' } }), target: target({ url: probed }) });
const v1 = (resource: unknown, probed = URL) => check({ challenge: challengeV1([{}, { resource }]), target: target({ url: probed }) });

describe(meta.id, () => {
  it('passes a resource equal to the probed URL, v2 and v1', () => {
    expect(v2(URL).status).toBe('pass');
    expect(v1(URL).messageId).toBe('ok');
    expect(v2(`${URL}?city=paris`, `${URL}?city=paris`).status).toBe('pass');
  });

  it('fails http behind a TLS proxy (x402#636)', () => {
    const out = v2('http://api.example.com/weather');
    expect(out.status).toBe('fail');
    expect(out.messageId).toBe('httpBehindTls');
    expect(out.evidence).toContain('resource.url = "http://api.example.com/weather"');
  });

  it('fails another host, another path, a missing or relative resource, naming the v1 index', () => {
    const host = v1('https://localhost:3000/weather');
    expect(host.messageId).toBe('otherHost');
    expect(host.message).toContain('Requirement #1');
    expect(host.evidence).toContain('accepts[1].resource');
    expect(v2('https://api.example.com/other').messageId).toBe('otherPath');
    expect(v2(undefined).messageId).toBe('missing');
    expect(v2('/weather').messageId).toBe('notUrl');
    expect(v2('/weather').status).toBe('fail');
  });

  it('warns when the query string was dropped (legacy x402-express)', () => {
    const out = v1(URL, `${URL}?city=paris`);
    expect(out.status).toBe('warn');
    expect(out.messageId).toBe('queryDropped');
  });

  it('accepts the URL a redirect landed on', () => {
    const landed = 'https://api.example.com/v2/weather';
    const unpaid = exchange({ finalUrl: landed, redirects: [{ from: URL, to: landed, status: 308, crossOrigin: false }] });
    const challenge = challengeV2([{}], { resource: { url: landed } });
    expect(check({ challenge, target: target(), unpaid }).status).toBe('pass');
    expect(check({ challenge, target: target() }).messageId).toBe('otherPath');
  });

  it('skips when there are no requirements', () => {
    expect(check({ challenge: challengeV2([]), target: target() }).status).toBe('skip');
  });
});
