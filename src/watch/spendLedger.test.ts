import { describe, expect, it } from 'vitest';
import { atomicToScaled, emptyLedger, planPaidProbe, recordSpend, scaledToDecimal, toScaled } from './spendLedger.js';

describe('the daily spend cap', () => {
  it('converts decimals and atomic amounts exactly', () => {
    expect(scaledToDecimal(toScaled('0.05'))).toBe('0.05');
    expect(atomicToScaled('10000', 6)).toBe(toScaled('0.01'));
    expect(scaledToDecimal(toScaled('0.03') - atomicToScaled('10000', 6))).toBe('0.02');
    // Past the scale the amount rounds up: the cap errs on the safe side.
    expect(atomicToScaled('1', 40) > 0n).toBe(true);
  });

  it('lowers --max-amount to what is left, and skips once the last price would not fit', () => {
    let ledger = emptyLedger;
    const day = '2026-12-01';
    expect(planPaidProbe({ ledger, day, dailyCap: '0.025', maxAmount: '0.01', lastPrice: null })).toEqual({ pay: true, maxAmount: '0.01' });
    ledger = recordSpend(recordSpend(ledger, day, toScaled('0.01')), day, toScaled('0.01'));
    expect(planPaidProbe({ ledger, day, dailyCap: '0.025', maxAmount: '0.01', lastPrice: null })).toEqual({ pay: true, maxAmount: '0.005' });
    const skipped = planPaidProbe({ ledger, day, dailyCap: '0.025', maxAmount: '0.01', lastPrice: toScaled('0.01') });
    expect(skipped).toMatchObject({ pay: false });
    expect(skipped.pay === false && skipped.reason).toMatch(/spent 0.02 of --daily-cap 0.025 today \(UTC 2026-12-01\)/);
    ledger = recordSpend(ledger, day, toScaled('0.005'));
    expect(planPaidProbe({ ledger, day, dailyCap: '0.025', maxAmount: '0.01', lastPrice: null })).toMatchObject({ pay: false, reason: expect.stringMatching(/nothing left/) });
  });

  it('starts again on a new UTC day, keeping the total', () => {
    const ledger = recordSpend(emptyLedger, '2026-12-01', toScaled('0.025'));
    expect(planPaidProbe({ ledger, day: '2026-12-02', dailyCap: '0.025', maxAmount: '0.01', lastPrice: toScaled('0.01') })).toEqual({ pay: true, maxAmount: '0.01' });
    const next = recordSpend(ledger, '2026-12-02', toScaled('0.01'));
    expect(scaledToDecimal(next.spentToday)).toBe('0.01');
    expect(scaledToDecimal(next.spentTotal)).toBe('0.035');
  });
});
