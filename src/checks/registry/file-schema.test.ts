import { describe, expect, it } from 'vitest';
import { fetched, registrationDoc } from '../../../test/registry/artifacts.js';
import { check, meta } from './file-schema.js';

const run = (document: unknown) => check({ registryFile: fetched(document) });

describe(meta.id, () => {
  it('passes a current registration file', () => {
    const out = run(registrationDoc());
    expect(out.status).toBe('pass');
    expect(out.messageId).toBe('valid');
  });

  it('fails broken JSON, non-objects, a wrong type, no name, no services and a service without endpoint', () => {
    const cases: Array<[unknown, string]> = [
      ['{"type": "https://eips.ethereum.org/EIPS/eip-8004#registration-v1", "name": ', 'notJson'],
      [[registrationDoc()], 'notObject'],
      [registrationDoc({ type: undefined }), 'type'],
      [registrationDoc({ type: 'https://eips.ethereum.org/EIPS/eip-8004#registration-v2' }), 'type'],
      [registrationDoc({ name: '' }), 'name'],
      [registrationDoc({ services: [] }), 'noServices'],
      [registrationDoc({ services: undefined }), 'noServices'],
      [registrationDoc({ services: [{ name: 'web' }] }), 'service'],
      [registrationDoc({ active: 'yes' }), 'invalid'],
    ];
    for (const [doc, messageId] of cases) {
      const out = run(doc);
      expect(out.status, messageId).toBe('fail');
      expect(out.messageId).toBe(messageId);
    }
  });

  it('warns on the stale forms it still reads', () => {
    const { services, x402Support, ...rest } = registrationDoc();
    const cases: Array<[unknown, string]> = [
      [{ ...rest, x402Support, endpoints: services }, 'endpoints'],
      [{ ...rest, services, x402support: true }, 'lowercaseX402'],
      [registrationDoc({ type: 'Agent' }), 'typeAgent'],
      [registrationDoc({ services: [{ name: 'web', url: 'https://api.example.com/weather' }] }), 'serviceUrl'],
      [registrationDoc({ x402Support: { enabled: true } }), 'x402Object'],
    ];
    for (const [doc, messageId] of cases) {
      const out = run(doc);
      expect(out.status, messageId).toBe('warn');
      expect(out.messageId).toBe(messageId);
    }
  });

  it('skips when there is no document', () => {
    expect(check({ registryFile: { ...fetched(registrationDoc()), json: null } }).status).toBe('skip');
  });
});
