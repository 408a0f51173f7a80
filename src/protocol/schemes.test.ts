import { describe, expect, it } from 'vitest';
import { isKnownScheme, schemeLookalike } from './schemes.js';

describe('schemes', () => {
  it('knows exact, upto, batch-settlement and auth-capture, spelled exactly', () => {
    expect(isKnownScheme('exact')).toBe(true);
    expect(isKnownScheme('batch-settlement')).toBe(true);
    expect(isKnownScheme('auth-capture')).toBe(true);
    expect(isKnownScheme('Exact')).toBe(false);
    expect(isKnownScheme('exactly')).toBe(false);
  });

  it('finds the scheme a misspelt name meant', () => {
    expect(schemeLookalike('Exact ')).toBe('exact');
    expect(schemeLookalike('batch_settlement')).toBe('batch-settlement');
    expect(schemeLookalike('AUTH_CAPTURE')).toBe('auth-capture');
    expect(schemeLookalike('exact')).toBeNull();
    expect(schemeLookalike('stream')).toBeNull();
  });
});
