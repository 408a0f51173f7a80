import { describe, expect, it } from 'vitest';
import { hasAgentIdTemplate, isLoopbackHost, matchService, normalizeEndpoint } from './endpoints.js';

describe('normalizeEndpoint', () => {
  it('drops trailing slashes, the default port and the fragment; lowercases the host', () => {
    expect(normalizeEndpoint('HTTPS://Api.Example.com:443/weather/#x')).toBe('https://api.example.com/weather');
    expect(normalizeEndpoint('https://api.example.com/')).toBe('https://api.example.com');
    expect(normalizeEndpoint('https://api.example.com/a?b=1')).toBe('https://api.example.com/a?b=1');
    expect(normalizeEndpoint('ipfs://bafy')).toBeNull();
  });
});

describe('matchService', () => {
  const services = [
    { endpoint: 'https://api.example.com/' },
    { endpoint: 'https://api.example.com/services/qwen' },
    { endpoint: 'https://api.example.com/services/qwen/v1/chat/completions/' },
  ];
  it('prefers an exact listing, then a base path, then the origin', () => {
    expect(matchService(services, 'https://api.example.com/services/qwen/v1/chat/completions')?.kind).toBe('exact');
    expect(matchService(services.slice(0, 2), 'https://api.example.com/services/qwen/v1/models')?.kind).toBe('base');
    expect(matchService(services.slice(0, 1), 'https://api.example.com/x')?.kind).toBe('origin');
    expect(matchService(services, 'https://other.example.com/')).toBeNull();
  });
});

describe('templates and loopback', () => {
  it('spots {agentId} placeholders, raw or percent-encoded', () => {
    expect(hasAgentIdTemplate('https://a.example/agents/{agentId}')).toBe(true);
    expect(hasAgentIdTemplate('https://a.example/agents/%7BagentId%7D')).toBe(true);
    expect(hasAgentIdTemplate('https://a.example/agents/7')).toBe(false);
  });

  it('knows loopback hosts', () => {
    expect(['localhost', '127.0.0.1', '127.3.2.1', '[::1]', 'app.localhost'].every(isLoopbackHost)).toBe(true);
    expect(isLoopbackHost('10.0.0.1')).toBe(false);
  });
});
