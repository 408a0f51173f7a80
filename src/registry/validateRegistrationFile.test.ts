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

  it('wants an address, in any case, at the end of agentRegistry', () => {
    const registry = (agentRegistry: string) => validateRegistrationFile({ ...current, registrations: [{ agentId: 1, agentRegistry }] }).issues.map((i) => i.path);
    expect(registry('eip155:84532:0x8004a818bfb912233c491871b3d84c89a494bd9e')).toEqual([]);
    expect(registry('eip155:84532:0x8004a818bfb912233c491871b3d84c89a494bd9')).toEqual(['registrations.0.agentRegistry']);
    expect(registry('eip155:84532:0x8004a818bfb912233c491871b3d84c89a494bd9e:1')).toEqual(['registrations.0.agentRegistry']);
  });
});
