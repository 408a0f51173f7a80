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
