import { describe, expect, it } from 'vitest';
import { classifyDocument } from './classify';
import { textLines } from './test-helpers';

describe('classifyDocument', () => {
  it('recognises a MyKad by its words and a valid number', () => {
    const result = classifyDocument(textLines('KAD PENGENALAN MALAYSIA  MyKad\n951012-14-1661\nZULKIFLI BIN MAT ZIN\nLELAKI\nWARGANEGARA'), 'dashed');
    expect(result.kind).toBe('ic_card');
    expect(result.confidence).toBeGreaterThan(0.7);
  });

  it('recognises a receipt by its amounts and keywords, in English or Malay', () => {
    const english = classifyDocument(textLines('SUBTOTAL 36.35\nTOTAL 38.50\nCASH 40.00\nCHANGE 1.50\n05/03/2024'), null);
    const malay = classifyDocument(textLines('JUMLAH KECIL 36.35\nJUMLAH BESAR 38.50\nTUNAI 40.00\nBAKI 1.50\nTERIMA KASIH'), null);
    expect(english.kind).toBe('receipt');
    expect(malay.kind).toBe('receipt');
    expect(english.confidence).toBeGreaterThan(0.6);
  });

  it('keeps a receipt a receipt when a registration number parses as a MyKad', () => {
    const result = classifyDocument(textLines('MR DIY\nCOMPANY NO. 200301380596\nTOTAL 6.47\nTUNAI 10.00\nBAKI 3.53'), 'plain');
    expect(result.kind).toBe('receipt');
  });

  it('answers unknown for anything else', () => {
    const result = classifyDocument(textLines('Selamat pagi! Promosi hujung minggu ini.'), null);
    expect(result).toMatchObject({ kind: 'unknown', confidence: 0 });
  });
});
