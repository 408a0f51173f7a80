import { expect } from 'vitest';

/** A key in every encoding output could carry it in: hex (any case, 0x or not), decimal, base64. */
export function keyForms(k: string): string[] {
  const bare = k.trim().replace(/^0x/i, '');
  const out = [bare, bare.toLowerCase(), bare.toUpperCase()];
  if (/^[0-9a-fA-F]{64}$/.test(bare)) {
    const bytes = Buffer.from(bare, 'hex');
    out.push(BigInt(`0x${bare}`).toString(), bytes.toString('base64').replace(/=+$/, ''), bytes.toString('base64url'), Buffer.from(bare.toLowerCase()).toString('base64').replace(/=+$/, ''));
  }
  return out.filter((f) => f.length >= 16);
}

export function expectNoKeyIn(text: string, key: string): void {
  for (const form of keyForms(key)) expect(text.includes(form), `the private key leaked (as ${form.slice(0, 6)}…)`).toBe(false);
}
