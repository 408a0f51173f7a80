/**
 * NDJSON lines written in batches: one write per line was a tenth of a scan's main thread
 * (stdout on a pipe is a synchronous write on Linux). A batch goes out at 64 KiB or 50 ms after
 * its first line, so a reader still sees lines as they come; `flush` writes what is left.
 */
export function batchedWriter(write: (text: string) => void, maxBytes = 64 * 1024, maxDelayMs = 50): { write: (line: string) => void; flush: () => void } {
  let pending: string[] = [];
  let size = 0;
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (pending.length === 0) return;
    const text = pending.join('');
    pending = [];
    size = 0;
    write(text);
  };
  return {
    write(line) {
      pending.push(line);
      size += line.length;
      if (size >= maxBytes) flush();
      else timer ??= setTimeout(flush, maxDelayMs);
    },
    flush,
  };
}
