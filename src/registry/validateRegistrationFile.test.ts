import { describe, expect, it } from 'vitest';
import { REGISTRATION_TYPE } from './abi.js';
import { validateRegistrationFile } from './validateRegistrationFile.js';

const current = { type: REGISTRATION_TYPE, name: 'A', services: [{ name: 'web', endpoint: 'https://a.example/' }], x402Support: true, active: true };

describe('validateRegistrationFile', () => {
  it('accepts the current format, unknown fields included', () => {
    const v = validateRegistrationFile({ ...current, updatedAt: 1, metadata: {} });
    expect(v).toMatchObject({ valid: true, legacy: [], issues: [], x402Support: true, servicesField: 'services' });
  });

  it('reads the stale forms as their current equivalents and lists them', () => {
    const v = validateRegistrationFile({ type: 'Agent', name: 'A', endpoints: [{ name: 'web', url: 'https://a.example/' }], x402support: { enabled: true }, supportedTrusts: ['reputation'] });
    expect(v.valid).toBe(true);
    expect(v.legacy).toEqual(['type-agent', 'endpoints', 'service-url', 'x402support-lowercase', 'x402support-object', 'supportedTrusts']);
    expect(v.services[0].endpoint).toBe('https://a.example/');
    expect(v.x402Support).toBe(true);
  });

  it('reports what still fails, by path', () => {
    const v = validateRegistrationFile({ ...current, services: [{ name: 'web', endpoint: 7 }], registrations: [{ agentId: -1, agentRegistry: 'x' }] });
    expect(v.valid).toBe(false);
    expect(v.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['services.0.endpoint', 'registrations.0.agentId', 'registrations.0.agentRegistry']));
    expect(validateRegistrationFile('text').isObject).toBe(false);
  });
});
