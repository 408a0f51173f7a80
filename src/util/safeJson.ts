/**
 * JSON.stringify for values a seller controls: bigints as decimal strings, and never a throw.
 * A 100k-level nested array overflows the stack in JSON.stringify and in String() alike.
 */
export function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)) ?? String(value);
  } catch {
    if (Array.isArray(value)) return `[array of ${value.length}, too deeply nested to show]`;
    if (value && typeof value === 'object') return '{object too deeply nested to show}';
    return String(value);
  }
}
