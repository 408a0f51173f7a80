import { describe, expect, it } from 'vitest';
import { exchange, redirectHop, v2Response } from '../../../test/helpers/artifacts.js';
import { check, meta } from './redirects.js';

const A = 'https://api.example.com';

describe(meta.id, () => {
  it('passes when there is no redirect', () => {
    const out = check({ unpaid: v2Response() });
    expect(out.status).toBe('pass');
    expect(out.messageId).toBe('none');
  });

  it('warns on same-origin redirects, with the hop chain', () => {
    const out = check({ unpaid: v2Response(undefined, { redirects: [redirectHop(`${A}/weather`, `${A}/weather/`, 301)] }) });
    expect(out.status).toBe('warn');
    expect(out.messageId).toBe('sameOrigin');
    expect(out.evidence).toContain(`301 ${A}/weather -> ${A}/weather/`);
  });

  it('fails a cross-origin hop', () => {
    const hops = [redirectHop(`${A}/weather`, `${A}/v2/weather`), redirectHop(`${A}/v2/weather`, 'https://cdn.other.example/weather', 307)];
    const out = check({ unpaid: v2Response(undefined, { redirects: hops }) });
    expect(out.status).toBe('fail');
    expect(out.messageId).toBe('crossOrigin');
    expect(out.evidence).toContain('(cross-origin)');
  });

  it('names (never shows) the request headers not carried across origins, and the refusal of a hop', () => {
    const hop = { ...redirectHop(`${A}/weather`, 'http://127.0.0.1/admin', 307), droppedHeaders: ['cookie', 'x-api-key'] };
    const error = { code: 'forbidden-address' as const, message: '127.0.0.1 is loopback; a redirect away from a public origin must stay public (--allow-private)' };
    const out = check({ unpaid: exchange({ status: null, redirects: [hop], error }) });
    expect(out.status).toBe('fail');
    expect(out.messageId).toBe('crossOrigin');
    expect(out.evidence).toContain('request headers not carried: cookie, x-api-key');
    expect(out.evidence).toContain('forbidden-address: 127.0.0.1 is loopback');
  });

  it('fails a loop, too many redirects and an unusable Location', () => {
    const loop = check({ unpaid: exchange({ status: 302, redirects: [redirectHop(`${A}/a`, `${A}/b`), redirectHop(`${A}/b`, `${A}/a`)], error: { code: 'redirect-loop', message: 'loop' } }) });
    expect([loop.status, loop.messageId]).toEqual(['fail', 'loop']);
    const hops = Array.from({ length: 6 }, (_, i) => redirectHop(`${A}/${i}`, `${A}/${i + 1}`));
    const many = check({ unpaid: exchange({ status: 302, redirects: hops, error: { code: 'too-many-redirects', message: 'more than 5 redirects' } }) });
    expect([many.status, many.messageId]).toEqual(['fail', 'tooMany']);
    const bad = check({ unpaid: exchange({ status: 302, error: { code: 'bad-redirect', message: 'unusable Location header: http://[' } }) });
    expect([bad.status, bad.messageId]).toEqual(['fail', 'badLocation']);
  });

  it('fails a redirect status without a Location header', () => {
    const out = check({ unpaid: exchange({ status: 302, headers: {} }) });
    expect([out.status, out.messageId]).toEqual(['fail', 'missingLocation']);
  });

  it('skips when nothing answered and nothing redirected', () => {
    expect(check({ unpaid: exchange({ status: null, error: { code: 'refused', message: 'ECONNREFUSED' } }) }).status).toBe('skip');
  });
});
