import { describe, expect, it } from 'vitest';
import { averageSpend, formatCents, formatRinggit, moneySchema, toCents } from './money';

describe('money', () => {
  it('reads decimal strings into sen and writes two places back', () => {
    expect(toCents('45.90')).toBe(4590);
    expect(toCents('45.9')).toBe(4590);
    expect(toCents('45')).toBe(4500);
    expect(toCents('-0.02')).toBe(-2);
    expect(toCents('45.901')).toBeNull();
    expect(toCents('4,590')).toBeNull();
    expect(formatCents(4590)).toBe('45.90');
    expect(formatCents(-2)).toBe('-0.02');
    expect(formatCents(100_000_000)).toBe('1000000.00');
  });

  it('accepts strings and JSON numbers, RM and thousands commas, within the bounds', () => {
    const total = moneySchema({ minCents: 1, maxCents: 1_000_000_00, label: 'total' });
    expect(total.parse('45.9')).toBe('45.90');
    expect(total.parse(45.9)).toBe('45.90');
    expect(total.parse('RM 1,234.50')).toBe('1234.50');
    expect(total.parse('1000000')).toBe('1000000.00');
    expect(total.safeParse('0').error?.issues[0]?.message).toBe('The total must be between 0.01 and 1000000.00.');
    expect(total.safeParse('1000000.01').success).toBe(false);
    expect(total.safeParse('-5').success).toBe(false);
    // A decimal comma is not a thousands separator: refused, never read as 4,590 ringgit.
    expect(total.safeParse('45,90').error?.issues[0]?.message).toContain('at most two decimal places');
    expect(total.safeParse(1e21).success).toBe(false);
    expect(total.safeParse(45.999).success).toBe(false);
  });

  it('averages in whole sen, rounding half up, and shows ringgit to people', () => {
    expect(averageSpend('100.00', 3)).toBe('33.33');
    expect(averageSpend('0.05', 2)).toBe('0.03');
    expect(averageSpend('0.00', 0)).toBe('0.00');
    expect(formatRinggit('1234.5')).toBe('RM 1,234.50');
  });
});
