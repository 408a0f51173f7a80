import { describe, expect, it } from 'vitest';
import { BASE_SEPOLIA_USDC, PAY_TO } from '../../../test/helpers/artifacts.js';
import { NONCE, PAYER, receipt, session } from '../../../test/helpers/payment.js';
import { check, meta } from './settlement-onchain.js';

const EARLIER_NONCE = `0x${'02'.repeat(32)}`;

describe(meta.id, () => {
  it('passes when the receipt used this run\'s authorization and moved exactly the amount to payTo', () => {
    const out = check({ payment: session(), settlement: receipt() });
    expect(out.status).toBe('pass');
    expect(out.message).toContain(NONCE);
  });

  it('fails a made-up hash, a revert, another recipient and another amount', () => {
    expect(check({ payment: session(), settlement: receipt({ found: false, status: null, transfers: [], authorizations: [], error: 'not found' }) }).messageId).toBe('notFound');
    expect(check({ payment: session(), settlement: receipt({ status: 'reverted' }) }).messageId).toBe('reverted');
    const elsewhere = receipt({ transfers: [{ token: BASE_SEPOLIA_USDC, from: PAYER, to: '0x000000000000000000000000000000000000dEaD', value: '10000' }] });
    expect(check({ payment: session(), settlement: elsewhere }).messageId).toBe('wrongRecipient');
    const short = receipt({ transfers: [{ token: BASE_SEPOLIA_USDC, from: PAYER, to: PAY_TO, value: '9999' }] });
    const out = check({ payment: session(), settlement: short });
    expect(out.status).toBe('fail');
    expect(out.messageId).toBe('wrongAmount');
    expect(check({ payment: session(), settlement: receipt({ transfers: [] }) }).messageId).toBe('noTransfer');
  });

  it('fails a genuine but stale settlement: the same buyer, payTo and amount under another nonce', () => {
    const stale = receipt({ authorizations: [{ token: BASE_SEPOLIA_USDC, authorizer: PAYER, nonce: EARLIER_NONCE }] });
    const out = check({ payment: session(), settlement: stale });
    expect(out.status).toBe('fail');
    expect(out.messageId).toBe('otherAuthorization');
    expect(out.message).toContain(EARLIER_NONCE);
  });

  it('fails a transfer that used no authorization (a plain transfer), or another token\'s', () => {
    expect(check({ payment: session(), settlement: receipt({ authorizations: [] }) }).messageId).toBe('noAuthorization');
    const otherToken = receipt({ authorizations: [{ token: '0x000000000000000000000000000000000000bEEF', authorizer: PAYER, nonce: NONCE }] });
    expect(check({ payment: session(), settlement: otherToken }).messageId).toBe('noAuthorization');
  });

  it('fails, never skips, when the receipt could not be read: no RPC, or an RPC on another chain', () => {
    const unread = check({ payment: session(), settlement: receipt({ found: false, status: null, chainId: null, transfers: [], authorizations: [], error: 'no chain read: no --rpc was given' }) });
    expect(unread.status).toBe('fail');
    expect(unread.messageId).toBe('unverified');
    const otherChain = check({ payment: session(), settlement: receipt({ chainId: 1 }) });
    expect(otherChain.status).toBe('fail');
    expect(otherChain.messageId).toBe('wrongChain');
  });
});
