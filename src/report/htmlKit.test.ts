import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { esc, link, priceChart, safeHref, SORT_SCRIPT, SORT_SCRIPT_HASH } from './htmlKit.js';

describe('htmlKit', () => {
  it("names the sort script's own sha256 in the CSP hash (a stale hash blocks the script)", () => {
    expect(SORT_SCRIPT_HASH).toBe(`sha256-${createHash('sha256').update(SORT_SCRIPT).digest('base64')}`);
  });

  it('escapes markup, quotes and backticks so a value cannot leave its text or attribute', () => {
    expect(esc('"><script>x</script>\'`&')).toBe('&quot;&gt;&lt;script&gt;x&lt;/script&gt;&#39;&#96;&amp;');
    expect(esc('a\u0000b\u001bc\u202ed')).toBe('a\\u0000b\\u001bc\\u202ed');
  });

  it('links only absolute http(s) URLs: every other scheme and trick is text', () => {
    expect(safeHref('https://example.com/a?b=1')).toBe('https://example.com/a?b=1');
    for (const hostile of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', ' javascript:alert(1)', 'data:text/html,<script>1</script>', 'vbscript:x', '//evil.example/x', '/relative', 'javascript&colon;alert(1)', 'file:///etc/passwd', '\u0000javascript:x']) {
      expect(safeHref(hostile), hostile).toBeNull();
    }
    expect(link('javascript:alert(1)')).toBe('javascript:alert(1)');
    expect(link('https://e.example/"onmouseover="x')).toBe('<a href="https://e.example/%22onmouseover=%22x" rel="noopener noreferrer nofollow" target="_blank">https://e.example/&quot;onmouseover=&quot;x</a>');
  });

  it('charts prices as bars whose counts add up, and one price as one bar', () => {
    const svg = priceChart([1, 2, 2, 3, 10].map((price, i) => ({ label: `s${i}`, price })), 'USDC');
    const counts = [...svg.matchAll(/<title>[^<]*: (\d+)<\/title>/g)].map((m) => Number(m[1]));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(5);
    expect(priceChart([{ label: 'a', price: 0.01 }], 'USDC').match(/<rect /g)).toHaveLength(1);
    expect(priceChart([], 'USDC')).toContain('No prices');
  });

  it('charts what a hostile scan or market can hand it without throwing: 300 000 prices, a span too small for a float step', () => {
    const many = priceChart(Array.from({ length: 300_000 }, (_, i) => ({ label: `s${i}`, price: i % 7 })), 'USDC');
    const counts = [...many.matchAll(/<title>[^<]*: (\d+)<\/title>/g)].map((m) => Number(m[1]));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(300_000);
    expect(priceChart([{ label: 'a', price: 0 }, { label: 'b', price: 5e-324 }], 'X').match(/<rect /g)).toHaveLength(1);
  });
});
