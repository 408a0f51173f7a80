import { describe, expect, it } from 'vitest';
import { fetched, registrationDoc } from '../../../test/registry/artifacts.js';
import { check, meta } from './x402-support.js';

const run = (document: Record<string, unknown>) => check({ registryFile: fetched(document) });

describe(meta.id, () => {
  it('passes x402Support: true', () => {
    expect(run(registrationDoc()).status).toBe('pass');
  });

  it('fails false, missing and non-boolean values', () => {
    const { x402Support: _, ...without } = registrationDoc();
    expect(run(registrationDoc({ x402Support: false })).messageId).toBe('false');
    expect(run(without).messageId).toBe('missing');
    expect(run(registrationDoc({ x402Support: 'true' })).messageId).toBe('notBoolean');
    expect(run(without).status).toBe('fail');
  });

  it('warns on lowercase x402support and the {enabled} object', () => {
    const { x402Support: _, ...without } = registrationDoc();
    const lower = run({ ...without, x402support: true });
    expect(lower.status).toBe('warn');
    expect(lower.messageId).toBe('lowercase');
    expect(run(registrationDoc({ x402Support: { enabled: true } })).messageId).toBe('object');
    expect(run({ ...without, x402support: false }).status).toBe('fail');
  });
});
