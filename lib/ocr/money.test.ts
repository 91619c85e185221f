import { describe, expect, it } from 'vitest';
import { findMoney, formatCents } from './money';

const amounts = (line: string) => findMoney(line).map((t) => t.cents);

describe('findMoney', () => {
  it.each([
    ['TOTAL            45.90', [4590]],
    ['JUMLAH (RM)  RM 77.45', [7745]],
    ['Total Amount: $8.20', [820]],
    ['GRAND TOTAL  1,234.50', [123450]],
    ['1 PC  *  9.000   0.00   9.00', [0, 900]],
    ['Rounding Adj   -0.01', [-1]],
    ['PENGGENAPAN    0.02-', [-2]],
    ['Discount      (5.00)', [-500]],
    ['TOTAL   9.6O', [960]],
    ['CASH   50. 00', [5000]],
  ])('reads %s', (line, expected) => {
    expect(amounts(line)).toEqual(expected);
  });

  it.each([
    ['a date with dots', 'DATE 25.12.18'],
    ['a long date with dots', 'TARIKH 06.04.2024'],
    ['a code with a decimal point', 'SKU AB12.30'],
    ['a quantity without decimals', 'QTY 2'],
    ['a three-decimal unit price alone', 'PRICE 9.000'],
    ['a phone number', 'TEL: 03-3271 9872'],
  ])('ignores %s', (_name, line) => {
    expect(amounts(line)).toEqual([]);
  });

  it('does not read a dashed rule after an amount as a minus sign', () => {
    expect(amounts('TOTAL 9.00-------')).toEqual([900]);
  });
});

describe('formatCents', () => {
  it('writes two decimal places', () => {
    expect(formatCents(4590)).toBe('45.90');
    expect(formatCents(5)).toBe('0.05');
    expect(formatCents(-2)).toBe('-0.02');
    expect(formatCents(123450)).toBe('1234.50');
  });
});
