import { describe, expect, it } from 'vitest';
import { redactSecrets, registerSecret } from './redact.js';

const KEY = '0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6';
const BARE = KEY.slice(2);
registerSecret(KEY);

describe('redactSecrets', () => {
  it('removes a registered secret with and without 0x, in any case', () => {
    for (const form of [KEY, BARE, BARE.toUpperCase(), `0x${BARE.toUpperCase()}`, `0X${BARE}`, KEY.replace(/[a-f]/g, (c, i: number) => (i % 2 ? c.toUpperCase() : c))]) {
      const out = redactSecrets(`key=${form}!`);
      expect(out.toLowerCase(), form).not.toContain(BARE);
      expect(out).toContain('[redacted]');
    }
  });

  it('removes every occurrence, inside JSON and URLs too', () => {
    const out = redactSecrets(`{"k":"${KEY}","again":"${BARE}"} https://signer.example/sign?key=${BARE}`);
    expect(out).toBe('{"k":"[redacted]","again":"[redacted]"} https://signer.example/sign?key=[redacted]');
  });

  it('a secret registered without 0x is removed with it too', () => {
    const other = 'aa11bb22cc33dd44ee55ff6600778899aa11bb22cc33dd44ee55ff6600778899';
    registerSecret(other.toUpperCase());
    expect(redactSecrets(`0x${other} and ${other}`)).toBe('[redacted] and [redacted]');
  });

  it('removes labelled keys it was never told about', () => {
    const unknown = 'cd'.repeat(32);
    expect(redactSecrets(`PRIVATE_KEY=0x${unknown}`)).toBe('PRIVATE_KEY=[redacted]');
    expect(redactSecrets(`X402_PRIVATE_KEY=${unknown}`)).toBe('X402_PRIVATE_KEY=[redacted]');
    expect(redactSecrets(`{"privateKey": "0x${unknown}"}`)).toBe('{"privateKey": "[redacted]"}');
    expect(redactSecrets(`private key: 0x${unknown}`)).toBe('private key: [redacted]');
    expect(redactSecrets(`secret='${unknown}'`)).toBe("secret='[redacted]'");
  });

  it('keeps transaction hashes, nonces and addresses (unregistered 32-byte hex) as evidence', () => {
    const tx = `0x${'9f'.repeat(32)}`;
    const text = `settled in ${tx}; {"transaction":"${tx}","nonce":"0x${'01'.repeat(32)}","payTo":"0x70997970C51812dc3A010C7d01b50e0d17dc79C8"}`;
    expect(redactSecrets(text)).toBe(text);
  });

  it('ignores secrets too short or not alphanumeric to match safely', () => {
    registerSecret('0xabc');
    registerSecret('not hex at all, with spaces');
    expect(redactSecrets('0xabc and not hex at all, with spaces')).toBe('0xabc and not hex at all, with spaces');
  });

  it('leaves text without secrets unchanged', () => {
    expect(redactSecrets('')).toBe('');
    expect(redactSecrets('HTTP 402 from https://api.example.com')).toBe('HTTP 402 from https://api.example.com');
  });
});
