import { describe, expect, it } from 'vitest';
import type { RegistrationFetch } from '../../artifacts/index.js';
import { dataFile, fetched, registrationDoc, registryAgent } from '../../../test/registry/artifacts.js';
import { check, meta } from './uri-resolves.js';

const run = (registryFile: RegistrationFetch) => check({ registryAgent: registryAgent(), registryFile });

describe(meta.id, () => {
  it('passes for an https file and a data: URI', () => {
    expect(run(fetched(registrationDoc())).status).toBe('pass');
    const out = run(dataFile(registrationDoc()));
    expect(out.status).toBe('pass');
    expect(out.messageId).toBe('resolved');
  });

  it('fails for an empty URI, a bad scheme, a bad data: URI, a dead host, a refused address, a 404 and an oversized file', () => {
    const base = fetched(registrationDoc());
    const cases: Array<[RegistrationFetch, string]> = [
      [{ ...base, scheme: 'empty', exchange: null, json: null, error: { code: 'empty-uri', message: 'the agentURI is empty' } }, 'empty'],
      [{ ...base, scheme: 'unsupported', exchange: null, json: null, error: { code: 'unsupported-scheme', message: 'ar:' } }, 'unsupportedScheme'],
      [{ ...base, scheme: 'data', exchange: null, json: null, error: { code: 'bad-data-uri', message: 'no comma' } }, 'badDataUri'],
      [{ ...base, json: null, exchange: { ...base.exchange!, status: null }, error: { code: 'http', message: 'refused: ECONNREFUSED' } }, 'unreachable'],
      [{ ...base, json: null, exchange: { ...base.exchange!, status: null }, error: { code: 'forbidden-address', message: '10.0.0.5 is a private (RFC 1918) address' } }, 'forbidden'],
      [fetched('Not Found', { status: 404 }), 'status'],
      [{ ...base, truncated: true, json: null }, 'tooLarge'],
    ];
    for (const [file, messageId] of cases) {
      const out = run(file);
      expect(out.status, messageId).toBe('fail');
      expect(out.messageId).toBe(messageId);
    }
  });

  it('warns about plain http on a public host, not on loopback', () => {
    expect(run(fetched(registrationDoc(), { url: 'http://agent.example/reg.json' })).status).toBe('warn');
    expect(run(fetched(registrationDoc(), { url: 'http://127.0.0.1:8080/reg.json' })).status).toBe('pass');
  });
});
