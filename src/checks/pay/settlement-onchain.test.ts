import { describe, expect, it } from 'vitest';
import { BASE_SEPOLIA_USDC, PAY_TO } from '../../../test/helpers/artifacts.js';
import { PAYER, receipt, session } from '../../../test/helpers/payment.js';
import { check, meta } from './settlement-onchain.js';

describe(meta.id, () => {
  it('passes when the receipt moved exactly the amount to payTo', () => {
    expect(check({ payment: session(), settlement: receipt() }).status).toBe('pass');
  });

  it('fails a made-up hash, a revert, another recipient and another amount', () => {
    expect(check({ payment: session(), settlement: receipt({ found: false, status: null, transfers: [], error: 'not found' }) }).messageId).toBe('notFound');
    expect(check({ payment: session(), settlement: receipt({ status: 'reverted' }) }).messageId).toBe('reverted');
    const elsewhere = receipt({ transfers: [{ token: BASE_SEPOLIA_USDC, from: PAYER, to: '0x000000000000000000000000000000000000dEaD', value: '10000' }] });
    expect(check({ payment: session(), settlement: elsewhere }).messageId).toBe('wrongRecipient');
    const short = receipt({ transfers: [{ token: BASE_SEPOLIA_USDC, from: PAYER, to: PAY_TO, value: '9999' }] });
    const out = check({ payment: session(), settlement: short });
    expect(out.status).toBe('fail');
    expect(out.messageId).toBe('wrongAmount');
    expect(check({ payment: session(), settlement: receipt({ transfers: [] }) }).messageId).toBe('noTransfer');
  });

  it('skips when the RPC serves another chain', () => {
    expect(check({ payment: session(), settlement: receipt({ chainId: 1 }) }).status).toBe('skip');
  });
});
