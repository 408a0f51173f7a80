import { describe, expect, it } from 'vitest';
import { fetched, registrationDoc } from '../../../test/registry/artifacts.js';
import { check, meta } from './active.js';

const run = (document: Record<string, unknown>) => check({ registryFile: fetched(document) });

describe(meta.id, () => {
  it('passes active: true', () => {
    expect(run(registrationDoc()).status).toBe('pass');
  });

  it('fails active: false and a non-boolean', () => {
    const out = run(registrationDoc({ active: false }));
    expect(out.status).toBe('fail');
    expect(out.messageId).toBe('inactive');
    expect(run(registrationDoc({ active: 'yes' })).messageId).toBe('notBoolean');
  });

  it('warns when active is missing', () => {
    const { active: _, ...without } = registrationDoc();
    expect(run(without).status).toBe('warn');
  });
});
