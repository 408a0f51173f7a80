import { describe, expect, it } from 'vitest';
import { ConfigError, KubeError, ProbeError, SandboxError, SpendGuardError, UsageError } from './errors.js';
import { registerSecret } from './util/redact.js';

const KEY = '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d';
registerSecret(KEY);

describe('ProbeError', () => {
  it('builds a message of short line, hints and Details:', () => {
    const error = new ProbeError('cannot read the ServiceOffer', {
      hints: ['Check that the CRD is installed: kubectl get crd serviceoffers.obol.org', 'Pass -n <namespace>.'],
      details: 'GET /apis/obol.org/v1alpha1/namespaces/x/serviceoffers/y: 404 Not Found',
    });
    expect(error.message).toMatchInlineSnapshot(`
      "cannot read the ServiceOffer
      Check that the CRD is installed: kubectl get crd serviceoffers.obol.org
      Pass -n <namespace>.
      Details: GET /apis/obol.org/v1alpha1/namespaces/x/serviceoffers/y: 404 Not Found"
    `);
    expect(error.shortMessage).toMatchInlineSnapshot(`"cannot read the ServiceOffer"`);
    expect(error.name).toBe('ProbeError');
    expect(error).toBeInstanceOf(Error);
  });

  it('is just the short line when there is nothing else', () => {
    const error = new UsageError('--timeout must be a positive integer, got "abc"');
    expect(error.message).toMatchInlineSnapshot(`"--timeout must be a positive integer, got "abc""`);
    expect(error.hints).toEqual([]);
    expect(error.details).toBeUndefined();
  });

  it('subclasses carry their own name and stay ProbeErrors', () => {
    const errors = [new UsageError('u'), new ConfigError('c'), new SandboxError('s'), new KubeError('k'), new SpendGuardError('g')];
    expect(errors.map((e) => e.name)).toEqual(['UsageError', 'ConfigError', 'SandboxError', 'KubeError', 'SpendGuardError']);
    for (const e of errors) expect(e).toBeInstanceOf(ProbeError);
  });

  it('keeps the cause', () => {
    const cause = new Error('ECONNREFUSED');
    expect(new ConfigError('the RPC does not answer', { cause }).cause).toBe(cause);
  });

  it('never carries a registered secret in shortMessage, message, details or hints', () => {
    const bare = KEY.slice(2);
    const error = new ConfigError(`bad key ${KEY}`, {
      hints: [`the key ${bare.toUpperCase()} is not funded`],
      details: `env X402_KEY=${KEY}; also 0X${bare.toUpperCase()}`,
    });
    for (const text of [error.shortMessage, error.message, error.details ?? '', ...error.hints, String(error.stack)]) {
      expect(text.toLowerCase()).not.toContain(bare);
    }
    expect(error.message).toMatchInlineSnapshot(`
      "bad key [redacted]
      the key [redacted] is not funded
      Details: env X402_KEY=[redacted]; also [redacted]"
    `);
  });

  it('redacts a labelled key it was never told about', () => {
    const unregistered = 'ab'.repeat(32);
    const error = new ConfigError(`PRIVATE_KEY=0x${unregistered} is malformed`);
    expect(error.shortMessage).toBe('PRIVATE_KEY=[redacted] is malformed');
  });
});
