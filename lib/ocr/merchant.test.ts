import { describe, expect, it } from 'vitest';
import { pickMerchant } from './merchant';
import { textLines } from './test-helpers';
import type { OcrLine } from './types';

const name = (lines: OcrLine[]) => pickMerchant(lines)?.name ?? null;

describe('pickMerchant', () => {
  it('takes the registered company name (Sdn Bhd) over a logo line above it, whatever its case', () => {
    const lines: OcrLine[] = [
      { text: 'FUN 14,', confidence: 0.35 },
      { text: 'Morganfields', confidence: 0.6 },
      { text: '% Home of Sticky Bones #', confidence: 0.71 },
      { text: 'Timeless Kitchenette Sdn Bhd', confidence: 0.93 },
      { text: 'Company no  1174703-K', confidence: 0.41 },
      { text: 'Lot 50, Floor T2, Sky Avenue Genting Highlands', confidence: 0.82 },
    ];
    expect(name(lines)).toBe('Timeless Kitchenette Sdn Bhd');
  });

  it('takes the brand over the kind of business printed under it', () => {
    expect(name(textLines('THREE STOOGES\nBISTRO & CAFE\n109, JALAN SS21/37\nDAMANSARA UTAMA'))).toBe('THREE STOOGES');
  });

  it('skips what Tesseract read with very low confidence (a logo or a smudge)', () => {
    const lines: OcrLine[] = [
      { text: 'PACARDA j', confidence: 0.21 },
      { text: 'pt A DA pr', confidence: 0.56 },
      { text: 'YHM Aeon Tebrau City', confidence: 0.79 },
      { text: 'S117, Second Floor,', confidence: 0.93 },
      { text: '81100 Johor Bahru, Johor.', confidence: 0.9 },
    ];
    expect(name(lines)).toBe('YHM Aeon Tebrau City');
  });

  it('does not take a payment word or the items table header for the name', () => {
    const lines = textLines(`
CASH
ITEM QTY U/P AMOUNT
(001451637-M)
NO. 53, JALAN BESAR, 45600 BATANG BERJUNTAI
GST No. : 000683913854
TEO HENG STATIONERY & BOOKS
`);
    expect(name(lines)).toBe('TEO HENG STATIONERY & BOOKS');
  });
});
