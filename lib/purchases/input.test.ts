import { describe, expect, it } from 'vitest';
import { addDays } from './tiers';
import { idempotencyKeySchema, purchaseInputSchema } from './input';
import { todayInMalaysia } from '@/lib/mykad';

const today = todayInMalaysia();
const issues = (input: unknown) => purchaseInputSchema.safeParse(input).error?.issues.map((i) => [i.path.join('.'), i.message]) ?? [];

describe('purchaseInputSchema', () => {
  it('normalises money, trims text, defaults the source to api and items to none', () => {
    expect(purchaseInputSchema.parse({ date: today, total: 45.9, merchant: '  Kedai Kopi ', tax: '2.6', rounding: '-0.02', receiptNumber: '' })).toEqual({
      date: today,
      total: '45.90',
      merchant: 'Kedai Kopi',
      tax: '2.60',
      rounding: '-0.02',
      receiptNumber: null,
      items: [],
      source: 'api',
    });
  });

  it('takes line items with a quantity (1 by default) and discounts as negative amounts', () => {
    const parsed = purchaseInputSchema.parse({ date: today, total: '12.00', items: [{ name: 'Kopi O', amount: '3.50' }, { name: 'Diskaun', quantity: 1, amount: '-1.50' }] });
    expect(parsed.items).toEqual([
      { name: 'Kopi O', quantity: 1, amount: '3.50' },
      { name: 'Diskaun', quantity: 1, amount: '-1.50' },
    ]);
  });

  it('refuses a total of zero or over a million, a future date (Malaysia time) and a date over 10 years old', () => {
    expect(issues({ date: today, total: '0.00' })).toEqual([['total', 'The total must be between 0.01 and 1000000.00.']]);
    expect(issues({ date: today, total: '1000000.01' })[0]?.[0]).toBe('total');
    expect(issues({ date: addDays(today, 1), total: '5' })).toEqual([['date', `The date is in the future (today in Malaysia is ${today}).`]]);
    expect(issues({ date: addDays(today, -11 * 366), total: '5' })).toEqual([['date', 'The date is more than 10 years ago; check the year.']]);
    expect(issues({ date: '14/03/2026', total: '5' })).toEqual([['date', 'Write the date as YYYY-MM-DD.']]);
    expect(issues({ date: today, total: '5', rounding: '1.00' })[0]?.[0]).toBe('rounding');
    expect(issues({ date: today, total: '5', source: 'fax' })[0]?.[0]).toBe('source');
  });
});

describe('idempotencyKeySchema', () => {
  it('takes printable ASCII up to 255 characters', () => {
    expect(idempotencyKeySchema.parse(' 6f1c-pos-42 ')).toBe('6f1c-pos-42');
    expect(idempotencyKeySchema.safeParse('a b').success).toBe(false);
    expect(idempotencyKeySchema.safeParse('x'.repeat(256)).success).toBe(false);
    expect(idempotencyKeySchema.safeParse('').success).toBe(false);
  });
});
