import { describe, expect, it } from 'vitest';
import { exchange, target } from '../../../test/helpers/artifacts.js';
import { check, meta } from './https.js';

describe(meta.id, () => {
  it('passes https', () => {
    const out = check({ target: target() });
    expect(out.status).toBe('pass');
    expect(out.messageId).toBe('https');
  });

  it('passes a loopback target on plain http, saying it is exempt', () => {
    const out = check({ target: target({ url: 'http://127.0.0.1:4021/weather', loopback: true }) });
    expect(out.status).toBe('pass');
    expect(out.messageId).toBe('loopbackExempt');
  });

  it('fails plain http on a public host', () => {
    const out = check({ target: target({ url: 'http://api.example.com/weather' }) });
    expect(out.status).toBe('fail');
    expect(out.messageId).toBe('plainHttp');
  });

  it('fails an https URL that redirects down to http', () => {
    const out = check({ target: target(), unpaid: exchange({ finalUrl: 'http://api.example.com/weather' }) });
    expect(out.status).toBe('fail');
    expect(out.messageId).toBe('downgraded');
  });
});
