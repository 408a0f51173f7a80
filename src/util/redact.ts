/**
 * Private keys must never reach a report, a log line or an error message. A 32-byte hex
 * string could be a key, a transaction hash or a nonce; only registered secrets and values
 * labelled as keys are removed, so that hashes stay visible as evidence.
 */
const registered = new Map<string, RegExp>();

/** Remember a secret so that every later redaction removes it, with or without 0x, in any case. */
export function registerSecret(secret: string): void {
  const bare = secret.trim().toLowerCase().replace(/^0x/, '');
  if (bare.length < 16 || !/^[0-9a-z]+$/.test(bare)) return;
  registered.set(bare, new RegExp(`(0x)?${bare}`, 'gi'));
  if (!/^[0-9a-f]+$/.test(bare) || bare.length % 2 !== 0) return;
  // The same key in the other encodings a library or an error could print it in.
  const bytes = Buffer.from(bare, 'hex');
  const forms = [BigInt(`0x${bare}`).toString(), bytes.toString('base64'), bytes.toString('base64url'), Buffer.from(bare).toString('base64'), Buffer.from(`0x${bare}`).toString('base64')];
  for (const form of forms) {
    const body = form.replace(/=+$/, '');
    if (body.length >= 16) registered.set(body, new RegExp(body.replace(/[+/]/g, '\\$&'), 'g'));
  }
}

const labelled = /((?:private[_ -]?key|secret|mnemonic)["']?\s*[:=]\s*["']?)(0x)?[0-9a-fA-F]{64}/gi;

export function redactSecrets(text: string): string {
  let out = text.replace(labelled, '$1[redacted]');
  for (const pattern of registered.values()) out = out.replace(pattern, '[redacted]');
  return out;
}
