import { describe, expect, it } from 'vitest';
import { readExtracted } from './extracted';

describe('readExtracted', () => {
  it('reads what a job stored, and anything unreadable as empty', () => {
    expect(readExtracted({ outcome: 'in_review', problems: ['x'], receipt: { merchant: 'A', date: null, total: '1.00', currency: 'MYR', items: [], tax: null, rounding: null, receiptNumber: null, paymentMethod: null, address: null } })).toMatchObject({
      outcome: 'in_review',
      problems: ['x'],
      receipt: { merchant: 'A', total: '1.00', subtotal: null },
    });
    expect(readExtracted(null)).toMatchObject({ steps: [], problems: [], icCard: null, receipt: null });
    expect(readExtracted({ outcome: 'nonsense' })).toMatchObject({ problems: [], receipt: null });
  });
});
