import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { hostOf, parseTargets } from './targets.js';

describe('parseTargets', () => {
  it('reads one URL per line, skipping blanks and # comments, keeping line numbers', () => {
    const text = '\uFEFF# sellers\r\nhttps://a.example/x\r\n\r\n   \n  http://127.0.0.1:8080/api?q=1  \n# done\n';
    expect(parseTargets(text)).toEqual([
      { url: 'https://a.example/x', line: 2 },
      { url: 'http://127.0.0.1:8080/api?q=1', line: 5 },
    ]);
  });

  it('keeps duplicates: the list is what the user asked for', () => {
    expect(parseTargets('https://a.example/\nhttps://a.example/\n')).toHaveLength(2);
  });

  it('names the line of a bad URL in a usage error', () => {
    expect(() => parseTargets('https://a.example/\nnot a url\n')).toThrow(UsageError);
    expect(() => parseTargets('https://a.example/\nnot a url\n')).toThrow(/line 2: not an absolute URL: "not a url"/);
  });

  it('rejects schemes other than http and https', () => {
    expect(() => parseTargets('ftp://a.example/file')).toThrow(/line 1: unsupported URL scheme ftp:/);
  });

  it('names the first bad lines and counts the rest', () => {
    const text = ['x1', 'https://ok.example/', 'x2', 'x3', 'x4', 'x5'].join('\n');
    let error: UsageError | undefined;
    try {
      parseTargets(text);
    } catch (e) {
      error = e as UsageError;
    }
    expect(error?.shortMessage).toMatch(/line 1: .*line 3: .*line 4: .*\(and 2 more bad lines\)/);
    expect(error?.details).toContain('line 6');
  });

  it('refuses an input with no URLs', () => {
    expect(() => parseTargets('# nothing\n\n')).toThrow(/no URLs/);
  });
});

describe('hostOf', () => {
  it('keys politeness by host name, across ports', () => {
    expect(hostOf('http://127.0.0.1:1/a')).toBe(hostOf('http://127.0.0.1:2/b'));
    expect(hostOf('https://API.Example.com/x')).toBe('api.example.com');
  });
});
