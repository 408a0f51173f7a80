import { describe, expect, it } from 'vitest';
import { escapeUnsafeText, hasUnsafeText, UNSAFE_TEXT } from './unsafeText.js';

describe('unsafe text', () => {
  const hostile = 'a\u001b[2Jb\u009bc\rd\u202ee\u2066f\u061cg\u2028h\u007f';

  it('finds every terminal control, C1, line separator and bidi character', () => {
    for (const ch of ['\u0000', '\u001b', '\r', '\n', '\t', '\u007f', '\u0085', '\u009b', '\u061c', '\u200e', '\u200f', '\u2028', '\u2029', '\u202a', '\u202e', '\u2066', '\u2069']) {
      expect(hasUnsafeText(`x${ch}y`), JSON.stringify(ch)).toBe(true);
    }
    expect(hasUnsafeText('plain text, ünïcode and emoji 🚀')).toBe(false);
  });

  it('is safe to call repeatedly (no global lastIndex state)', () => {
    expect([hasUnsafeText('\u001b'), hasUnsafeText('\u001b'), hasUnsafeText('\u001b')]).toEqual([true, true, true]);
    expect('\u001b\u001b'.replace(UNSAFE_TEXT, '?')).toBe('??');
  });

  it('escapes, keeping what the caller keeps, in the style it asks for', () => {
    const out = escapeUnsafeText(hostile);
    expect(hasUnsafeText(out)).toBe(false);
    expect(out).toBe('a\\x1b[2Jb\\x9bc\\x0dd\\u202ee\\u2066f\\u061cg\\u2028h\\x7f');
    expect(escapeUnsafeText('a\tb\nc', { keep: '\t' })).toBe('a\tb\\x0ac');
    expect(escapeUnsafeText('a\tb\u001b', { keep: '\t\n\r', unicode: true })).toBe('a\tb\\u001b');
  });
});
