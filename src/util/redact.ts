/**
 * Private keys must never reach a report, a log line or an error message. A 32-byte hex
 * string could be a key, a transaction hash or a nonce; only registered secrets and values
 * labelled as keys are removed, so that hashes stay visible as evidence.
 */
const registered = new Map<string, RegExp>();

/** Remember a secret so that every later redaction removes it, with or without 0x, in any case. */
export function registerSecret(secret: string): void {
  const bare = secret.toLowerCase().replace(/^0x/, '');
  if (bare.length < 16 || !/^[0-9a-z]+$/.test(bare)) return;
  registered.set(bare, new RegExp(`(0x)?${bare}`, 'gi'));
}

const labelled = /((?:private[_ -]?key|secret|mnemonic)["']?\s*[:=]\s*["']?)(0x)?[0-9a-fA-F]{64}/gi;

export function redactSecrets(text: string): string {
  let out = text.replace(labelled, '$1[redacted]');
  for (const pattern of registered.values()) out = out.replace(pattern, '[redacted]');
  return out;
}
