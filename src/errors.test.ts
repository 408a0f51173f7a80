import { describe, expect, it } from 'vitest';
import { ConfigError, InvalidAgentRefError, KubeError, ProbeError, SandboxError, SpendGuardError, UnknownNetworkError, UsageError } from './errors.js';
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

describe('one error class per repeated condition', () => {
  it('UnknownNetworkError: one line naming the flag and the value, a hint, and still a UsageError', () => {
    const error = new UnknownNetworkError('--expect-network', 'not-a-chain');
    expect(error.shortMessage).toMatchInlineSnapshot(`"--expect-network: unknown network "not-a-chain" (use a CAIP-2 id such as eip155:84532 or a v1 name such as base-sepolia)"`);
    expect(error.message).toMatchInlineSnapshot(`
      "--expect-network: unknown network "not-a-chain" (use a CAIP-2 id such as eip155:84532 or a v1 name such as base-sepolia)
      Any EVM chain is eip155:<chainId>; the v1 names are those of the x402 packages and obol-stack (base, base-sepolia, …)."
    `);
    expect(error).toBeInstanceOf(UsageError);
    expect([error.name, error.flag, error.network]).toEqual(['UnknownNetworkError', '--expect-network', 'not-a-chain']);
  });

  it('UnknownNetworkError quotes a hostile value as JSON (no line break reaches the terminal) and redacts a key in it', () => {
    const error = new UnknownNetworkError('--network', `x\n${KEY}`);
    expect(error.shortMessage).toMatchInlineSnapshot(`"--network: unknown network "x\\n[redacted]" (use a CAIP-2 id such as eip155:84532 or a v1 name such as base-sepolia)"`);
    expect(error.shortMessage).not.toContain('\n');
  });

  it('InvalidAgentRefError: the one line the CLI parser and parseAgentRef both throw', () => {
    const error = new InvalidAgentRefError('agent-7');
    expect(error.message).toMatchInlineSnapshot(`"--agent: cannot read "agent-7" (expected eip155:<chainId>:<registry>:<agentId>, <chainId>:<agentId>, an agent id, or auto)"`);
    expect(error).toBeInstanceOf(UsageError);
    expect([error.name, error.ref]).toEqual(['InvalidAgentRefError', 'agent-7']);
  });
});
