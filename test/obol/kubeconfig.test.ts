/** Kubeconfig resolution in kubectl's order: --kubeconfig, KUBECONFIG (merged), ~/.kube/config, in-cluster; then --context. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { kubeconfigDir, kubeconfigYaml } from '../../fixtures/kube/kubeconfig.js';
import { ConfigError } from '../../src/errors.js';
import { resolveKubeConfig } from '../../src/kube/kubeconfig.js';

describe('resolveKubeConfig', () => {
  const files = kubeconfigDir();
  afterAll(() => files.cleanup());
  const a = files.write('a.yaml', [{ name: 'alpha', server: 'http://127.0.0.1:1001', namespace: 'llm' }, { name: 'shared', server: 'http://127.0.0.1:1002' }]);
  const b = files.write('b.yaml', [{ name: 'beta', server: 'http://127.0.0.1:2001' }, { name: 'shared', server: 'http://127.0.0.1:2002' }]);
  const home = join(files.dir, 'home');
  mkdirSync(join(home, '.kube'), { recursive: true });
  writeFileSync(join(home, '.kube', 'config'), kubeconfigYaml([{ name: 'homectx', server: 'http://127.0.0.1:3001' }]));
  const emptyHome = join(files.dir, 'empty-home');
  mkdirSync(emptyHome, { recursive: true });

  it('prefers --kubeconfig over KUBECONFIG and the home file', () => {
    const r = resolveKubeConfig({ kubeconfig: b, env: { KUBECONFIG: a, HOME: home } });
    expect([r.source, r.context, r.server]).toEqual(['flag', 'beta', 'http://127.0.0.1:2001']);
  });

  it('merges the KUBECONFIG list with the first file winning, skipping missing files', () => {
    const r = resolveKubeConfig({ env: { KUBECONFIG: [join(files.dir, 'missing.yaml'), a, b].join(delimiter), HOME: home } });
    expect([r.source, r.context, r.server, r.namespace]).toEqual(['KUBECONFIG', 'alpha', 'http://127.0.0.1:1001', 'llm']);
    expect(r.files).toEqual([a, b]);
    // "shared" is defined in both files: the first file's cluster wins.
    expect(resolveKubeConfig({ env: { KUBECONFIG: [a, b].join(delimiter) }, context: 'shared' }).server).toBe('http://127.0.0.1:1002');
    // A context only the second file has is still reachable.
    expect(resolveKubeConfig({ env: { KUBECONFIG: [a, b].join(delimiter) }, context: 'beta' }).server).toBe('http://127.0.0.1:2001');
  });

  it('falls back to ~/.kube/config, then to the in-cluster service account', () => {
    expect(resolveKubeConfig({ env: { HOME: home } }).source).toBe('home');
    const root = join(files.dir, 'pod');
    const sa = join(root, 'var/run/secrets/kubernetes.io/serviceaccount');
    mkdirSync(sa, { recursive: true });
    writeFileSync(join(sa, 'token'), 'pod-token');
    writeFileSync(join(sa, 'namespace'), 'x402\n');
    const r = resolveKubeConfig({ env: { HOME: emptyHome, KUBERNETES_SERVICE_HOST: '10.43.0.1', KUBERNETES_SERVICE_PORT: '443' }, inClusterRoot: root });
    expect([r.source, r.server, r.namespace]).toEqual(['in-cluster', 'https://10.43.0.1:443', 'x402']);
  });

  it('applies --context, and refuses unusable configurations with a ConfigError', () => {
    expect(resolveKubeConfig({ kubeconfig: a, context: 'shared', env: {} }).server).toBe('http://127.0.0.1:1002');
    const refusals: Array<[Parameters<typeof resolveKubeConfig>[0], RegExp]> = [
      [{ kubeconfig: a, context: 'nope', env: {} }, /--context nope: no such context .*known: alpha, shared/],
      [{ kubeconfig: join(files.dir, 'absent.yaml'), env: {} }, /--kubeconfig .*absent\.yaml: no such file/],
      [{ env: { KUBECONFIG: join(files.dir, 'absent.yaml') } }, /KUBECONFIG=.* names no existing file/],
      [{ env: { HOME: emptyHome } }, /^no kubeconfig/],
    ];
    for (const [params, message] of refusals) {
      expect(() => resolveKubeConfig(params)).toThrow(ConfigError);
      expect(() => resolveKubeConfig(params)).toThrow(message);
    }
    const broken = join(files.dir, 'broken.yaml');
    writeFileSync(broken, 'clusters: [\n');
    expect(() => resolveKubeConfig({ kubeconfig: broken, env: {} })).toThrow(/cannot read kubeconfig/);
  });
});
