import { describe, expect, it } from 'vitest';
import { type FingerprintInput, normalizeMerchant, normalizeReceiptNumber, receiptFingerprint } from './fingerprint';

const receipt: FingerprintInput = { customerId: 'c1', source: 'receipt', merchant: 'Kedai Kopi Aisyah Sdn. Bhd.', date: '2026-03-14', total: '45.90', receiptNumber: 'INV-00123' };

describe('normalizeMerchant', () => {
  it('ignores case, accents, punctuation, spacing, company suffixes and bracketed registration numbers', () => {
    const same = ['KEDAI KOPI AISYAH SDN BHD', 'Kedai Kopi Aisyah Sdn. Bhd. (123456-X)', 'kedai  kopi-aisyah', 'Kédai Kopi Aisyah Berhad', 'KEDAI KOPI AISYAH (M) SDN. BHD.'];
    for (const name of same) expect(normalizeMerchant(name)).toBe('KEDAIKOPIAISYAH');
    expect(normalizeMerchant('99 Speedmart')).toBe('99SPEEDMART');
    expect(normalizeMerchant(null)).toBe('');
  });

  it('keeps different shops apart', () => {
    expect(normalizeMerchant('Kedai Kopi Aisyah')).not.toBe(normalizeMerchant('Kedai Kopi Aishah'));
  });
});

describe('receiptFingerprint', () => {
  it('is the same for the same receipt however it was written or read', () => {
    const retyped = { ...receipt, merchant: 'KEDAI KOPI AISYAH', total: '45.9', receiptNumber: 'inv 00123' };
    expect(receiptFingerprint(retyped)).toBe(receiptFingerprint(receipt));
    expect(normalizeReceiptNumber('#INV-00123')).toBe('INV00123');
  });

  it('differs when the merchant, day, total or receipt number differs', () => {
    const base = receiptFingerprint(receipt);
    for (const change of [{ merchant: 'Kedai Lain' }, { date: '2026-03-15' }, { total: '45.95' }, { receiptNumber: 'INV-00124' }]) {
      expect(receiptFingerprint({ ...receipt, ...change })).not.toBe(base);
    }
  });

  it('with a receipt number is the same for every customer, so one receipt cannot be claimed twice', () => {
    expect(receiptFingerprint({ ...receipt, customerId: 'c2' })).toBe(receiptFingerprint(receipt));
    expect(receiptFingerprint({ ...receipt, source: 'api' })).toBe(receiptFingerprint(receipt));
  });

  it('for a receipt photo without a number compares the same customer only', () => {
    const noNumber = { ...receipt, receiptNumber: null };
    expect(receiptFingerprint(noNumber)).toMatch(/^[0-9a-f]{64}$/);
    expect(receiptFingerprint({ ...noNumber, customerId: 'c2' })).not.toBe(receiptFingerprint(noNumber));
  });

  it('is absent for a POS, manual or imported purchase without a receipt number', () => {
    for (const source of ['manual', 'api', 'import'] as const) {
      expect(receiptFingerprint({ ...receipt, source, receiptNumber: null })).toBeNull();
      expect(receiptFingerprint({ ...receipt, source, receiptNumber: ' - ' })).toBeNull();
    }
  });
});
