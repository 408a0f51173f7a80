import { getAddress } from 'viem';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.js';
import { ERROR_LINE_MAX, errorLine } from './errorLine.js';
import { registerSecret } from './redact.js';

// Anvil's well-known dev key #3.
const KEY = '0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6';
registerSecret(KEY);

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('did not throw');
}

describe('errorLine', () => {
  it("takes viem's shortMessage, not the multi-line message with docs and version", () => {
    const error = thrown(() => getAddress('0x123')) as Error;
    expect(error.message.split('\n').length).toBeGreaterThan(1);
    expect(errorLine(error)).toMatchInlineSnapshot(`"Address "0x123" is invalid."`);
  });

  it("takes a ProbeError's short line without its hints and details", () => {
    expect(errorLine(new ConfigError('the RPC does not answer', { hints: ['pass --rpc'], details: 'ECONNREFUSED' }))).toBe('the RPC does not answer');
  });

  it('keeps the first non-empty line of a message, with runs of whitespace made one space', () => {
    expect(errorLine(new Error('\n  first\tline  \r\nsecond line'))).toBe('first line');
    expect(errorLine('plain text\nmore')).toBe('plain text');
  });

  it('clips to one limit, marking the cut, and takes a smaller one when asked', () => {
    const line = errorLine(new Error('x'.repeat(5000)));
    expect(line).toHaveLength(ERROR_LINE_MAX);
    expect(line.endsWith('…')).toBe(true);
    expect(errorLine(new Error('abcdef'), { max: 4 })).toBe('abc…');
    expect(errorLine(new Error('abcd'), { max: 4 })).toBe('abcd');
  });

  it('never lets a key through, even one the cut would split or on a later line', () => {
    const bare = KEY.slice(2);
    const forms = [KEY, bare.toUpperCase(), BigInt(KEY).toString(), Buffer.from(bare, 'hex').toString('base64')];
    for (const form of forms) {
      // The key starts just before the limit: clipping first would leave a prefix redaction cannot match.
      const line = errorLine(new Error(`${'a'.repeat(ERROR_LINE_MAX - 20)} ${form} tail`));
      expect(line).not.toContain(form.slice(0, 16));
      // base64 padding may stay behind the [redacted] mark.
      expect(errorLine({ shortMessage: `signer said ${form}` })).toMatch(/^signer said \[redacted\]=*$/);
    }
    expect(errorLine(new Error(`ok\nprivate_key=${KEY}`))).toBe('ok');
    expect(errorLine(`private key: ${'cd'.repeat(32)}`)).toBe('private key: [redacted]');
  });

  it('reads whatever a library or a hostile value throws', () => {
    expect(errorLine('boom')).toBe('boom');
    expect(errorLine(42)).toBe('42');
    expect(errorLine(null)).toBe('null');
    expect(errorLine(undefined)).toBe('undefined');
    expect(errorLine({ message: '' })).toBe('[object Object]');
    expect(errorLine(Object.create(null))).toBe('unprintable error');
    const hostile = Object.defineProperty({}, 'message', { get: () => { throw new Error('gotcha'); } });
    expect(errorLine(hostile)).toBe('unprintable error');
  });
});
