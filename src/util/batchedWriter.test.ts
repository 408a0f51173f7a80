import { afterEach, describe, expect, it, vi } from 'vitest';
import { batchedWriter } from './batchedWriter.js';

afterEach(() => vi.useRealTimers());

describe('batchedWriter', () => {
  it('writes lines in order, in one write per batch: at the size limit, after the delay, and on flush', () => {
    vi.useFakeTimers();
    const writes: string[] = [];
    const out = batchedWriter((t) => writes.push(t), 10, 50);
    out.write('aaaa\n');
    out.write('bbbb\n');
    expect(writes).toEqual(['aaaa\nbbbb\n']);
    out.write('c\n');
    vi.advanceTimersByTime(49);
    expect(writes).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(writes).toEqual(['aaaa\nbbbb\n', 'c\n']);
    out.write('d\n');
    out.flush();
    out.flush();
    vi.advanceTimersByTime(100);
    expect(writes).toEqual(['aaaa\nbbbb\n', 'c\n', 'd\n']);
  });
});
