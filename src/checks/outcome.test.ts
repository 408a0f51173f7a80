import { describe, expect, it } from 'vitest';
import { renderMessage } from './outcome.js';

describe('renderMessage', () => {
  const cases: [string, Record<string, string | number | boolean | null | undefined>, string][] = [
    ['no placeholders', { a: 1 }, 'no placeholders'],
    ['expected {expected}, got {actual}', { expected: '0.01', actual: 10 }, 'expected 0.01, got 10'],
    ['{a}{b}{a}', { a: 'x', b: true }, 'xtruex'],
    ['{unknown} stays, {nil} stays, {undef} stays', { nil: null, undef: undefined }, '{unknown} stays, {nil} stays, {undef} stays'],
    ['{a-b} and {} and {{a}} are not all placeholders', { a: 'A' }, '{a-b} and {} and {A} are not all placeholders'],
    ['a value that looks like one: {v}', { v: '{w}', w: 'no' }, 'a value that looks like one: {w}'],
    ['{0} and {x_1}', { 0: 'zero', x_1: 'one' }, 'zero and one'],
  ];
  it.each(cases)('%s', (template, data, expected) => {
    expect(renderMessage(template, data)).toBe(expected);
    // Twice: the second call uses the template split the first one kept.
    expect(renderMessage(template, data)).toBe(expected);
  });
});

describe('renderMessage against hostile templates and data', () => {
  // The one-regex form it replaced: the split cache must render exactly as it did.
  const reference = (template: string, data: Record<string, unknown>) =>
    template.replace(/\{(\w+)\}/g, (whole, key: string) => {
      const value = Object.hasOwn(data, key) ? data[key] : undefined;
      return value === undefined || value === null ? whole : String(value);
    });

  it("leaves prototype names it has no data for as they are: {__proto__}, {constructor}, {toString}", () => {
    expect(renderMessage('{__proto__} {constructor} {toString} {hasOwnProperty}', {})).toBe('{__proto__} {constructor} {toString} {hasOwnProperty}');
    expect(renderMessage('{constructor}', { constructor: 'own' })).toBe('own');
  });

  it('renders 3000 random templates as the regex form did, the second time from the cache too', () => {
    let seed = 7;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const alphabet = ['{', '}', 'a', 'b', '_', '1', '-', ' ', '$&', '$1', 'é'];
    const names = ['a', 'b', 'ab', '_1', 'a1', '__proto__', 'constructor'];
    for (let i = 0; i < 3000; i++) {
      const template = Array.from({ length: next(24) }, () => alphabet[next(alphabet.length)]).join('');
      const data: Record<string, string | number | boolean | null | undefined> = {};
      for (const name of names) if (next(2)) Object.defineProperty(data, name, { value: [null, undefined, 0, false, '{a}', '$&', 'x'][next(7)], enumerable: true });
      expect(renderMessage(template, data), template).toBe(reference(template, data));
      expect(renderMessage(template, data), template).toBe(reference(template, data));
    }
  });
});
