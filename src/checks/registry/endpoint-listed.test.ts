import { describe, expect, it } from 'vitest';
import { fetched, registrationDoc } from '../../../test/registry/artifacts.js';
import { target } from '../../../test/helpers/artifacts.js';
import { check, meta } from './endpoint-listed.js';

const run = (services: unknown, url = 'https://api.example.com/weather') => check({ target: target({ url }), registryFile: fetched(registrationDoc({ services })) });

describe(meta.id, () => {
  it('passes an exact listing, ignoring a trailing slash, host case and the default port', () => {
    expect(run([{ name: 'web', endpoint: 'https://api.example.com/weather' }]).messageId).toBe('listed');
    expect(run([{ name: 'web', endpoint: 'https://API.example.com:443/weather/' }]).status).toBe('pass');
    expect(run([{ name: 'web', endpoint: 'https://api.example.com/weather' }], 'https://api.example.com/weather/').status).toBe('pass');
  });

  it('passes a base path the endpoint sits under', () => {
    const out = run([{ name: 'web', endpoint: 'https://api.example.com/services/qwen' }], 'https://api.example.com/services/qwen/v1/chat/completions');
    expect(out.status).toBe('pass');
    expect(out.messageId).toBe('underBase');
  });

  it('fails when the URL is not listed, when the template is unsubstituted, and when no service is listed', () => {
    const other = run([{ name: 'web', endpoint: 'https://other.example.com/weather' }]);
    expect(other.status).toBe('fail');
    expect(other.messageId).toBe('notListed');
    const template = run([{ name: 'MCP', endpoint: 'https://api.example.com/agents/{agentId}/weather' }]);
    expect(template.status).toBe('fail');
    expect(template.messageId).toBe('template');
    expect(run([{ name: 'web', endpoint: 'http://api.example.com/weather' }]).messageId).toBe('notListed');
  });

  it('warns when only the bare origin is listed', () => {
    const out = run([{ name: 'web', endpoint: 'https://api.example.com/' }]);
    expect(out.status).toBe('warn');
    expect(out.messageId).toBe('originOnly');
  });
});
