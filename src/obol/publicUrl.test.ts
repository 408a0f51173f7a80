import { describe, expect, it } from 'vitest';
import { buildOfferManifest, manifestYaml } from './manifest.js';
import { buildPublicUrl } from './publicUrl.js';

describe('buildPublicUrl', () => {
  it('prefixes the endpoint path with --base-url, else the tunnel URL, else the local gateway', () => {
    expect(buildPublicUrl({ endpoint: '/services/qwen', baseUrl: 'https://seller.example/', tunnelUrl: 'https://t.trycloudflare.com' })).toEqual({ url: 'https://seller.example/services/qwen/health', source: 'base-url', error: null });
    expect(buildPublicUrl({ endpoint: '/services/qwen', tunnelUrl: 'https://t.trycloudflare.com', path: '/v1/models' }).url).toBe('https://t.trycloudflare.com/services/qwen/v1/models');
    expect(buildPublicUrl({ endpoint: '/services/qwen/', path: '' })).toEqual({ url: 'http://obol.stack:8080/services/qwen', source: 'local-gateway', error: null });
    expect(buildPublicUrl({ endpoint: '/services/qwen', tunnelUrl: 'not a url', path: 'x' }).url).toBe('http://obol.stack:8080/services/qwen/x');
  });

  it('refuses a missing or unsafe endpoint and a bad --base-url', () => {
    expect(buildPublicUrl({ endpoint: undefined }).error).toMatch(/RoutePublished/);
    expect(buildPublicUrl({ endpoint: '/services/../admin' }).error).toMatch(/not a safe path/);
    expect(buildPublicUrl({ endpoint: '//evil.example/x' }).error).toMatch(/not a safe path/);
    expect(buildPublicUrl({ endpoint: 42 }).error).toMatch(/not a string/);
    expect(buildPublicUrl({ endpoint: '/services/a', baseUrl: 'ftp://x' }).error).toMatch(/--base-url/);
  });
});

describe('buildOfferManifest', () => {
  const common = { name: 'qwen', namespace: 'llm', price: '0.5', priceModel: 'perMTok' as const, payTo: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', network: 'base-sepolia', healthPath: '/health', register: false };

  it('writes the inference spec obol sell inference writes', () => {
    const m = buildOfferManifest({ ...common, kind: 'inference', model: 'qwen3:0.6b', upstreamService: 'ollama', upstreamPort: 11434 });
    expect(m).toEqual({
      apiVersion: 'obol.org/v1alpha1',
      kind: 'ServiceOffer',
      metadata: { name: 'qwen', namespace: 'llm' },
      spec: {
        type: 'inference',
        model: { name: 'qwen3:0.6b', runtime: 'ollama' },
        upstream: { service: 'ollama', namespace: 'llm', port: 11434, healthPath: '/health' },
        payment: { scheme: 'exact', network: 'base-sepolia', payTo: common.payTo, price: { perMTok: '0.5' } },
        path: '/services/qwen',
      },
    });
    expect(manifestYaml(m)).toContain('perMTok: "0.5"');
  });

  it('writes the http spec with maxTimeoutSeconds and registration', () => {
    const m = buildOfferManifest({ ...common, kind: 'http', name: 'api', namespace: 'default', priceModel: 'perRequest', price: '0.01', upstreamService: 'api', upstreamPort: 8080, maxTimeoutSeconds: 300, register: true, path: '/services/weather' });
    expect(m.spec).toMatchObject({ type: 'http', path: '/services/weather', registration: { enabled: true, name: 'api' }, payment: { maxTimeoutSeconds: 300, price: { perRequest: '0.01' } } });
    expect(m.spec?.model).toBeUndefined();
  });
});
