import { describe, expect, it } from 'vitest';
import { addDays } from '../tiers';
import { todayInMalaysia } from '@/lib/mykad';
import { suggestPurchaseMapping } from './fields';
import { normalizePurchaseRows, parseImportDate, resolvePurchaseColumns } from './rows';

describe('parseImportDate', () => {
  it('reads ISO and Malaysian day-first dates, and ignores a time', () => {
    expect(parseImportDate('2026-03-14')).toBe('2026-03-14');
    expect(parseImportDate('14/03/2026')).toBe('2026-03-14');
    expect(parseImportDate('4-3-2026')).toBe('2026-03-04');
    expect(parseImportDate('14.03.26')).toBe('2026-03-14');
    expect(parseImportDate('2026/3/4 10:15')).toBe('2026-03-04');
    expect(parseImportDate('2026-03-14T08:00:00+08:00')).toBe('2026-03-14');
  });

  it('refuses impossible dates and other writings', () => {
    for (const bad of ['31/02/2026', '03/14/2026', '2026-13-01', 'March 14', '14032026', '']) expect(parseImportDate(bad)).toBeNull();
  });
});

describe('suggestPurchaseMapping', () => {
  it('guesses English and Malay headers', () => {
    expect(suggestPurchaseMapping(['No. Telefon', 'Tarikh Belian', 'Jumlah (RM)', 'Cawangan', 'No. Resit', 'Kaedah Bayaran'])).toEqual({
      phone: 'No. Telefon',
      date: 'Tarikh Belian',
      total: 'Jumlah (RM)',
      merchant: 'Cawangan',
      receiptNumber: 'No. Resit',
      paymentMethod: 'Kaedah Bayaran',
    });
    expect(suggestPurchaseMapping(['customer_id', 'Date', 'Amount', 'Outlet', 'Invoice No'])).toEqual({ customerId: 'customer_id', date: 'Date', total: 'Amount', merchant: 'Outlet', receiptNumber: 'Invoice No' });
  });
});

describe('normalizePurchaseRows', () => {
  const headers = ['phone', 'date', 'total', 'merchant'];
  const { columns } = resolvePurchaseColumns(headers, suggestPurchaseMapping(headers));
  const rows = (lines: string[][]) => normalizePurchaseRows(lines.map((cells, i) => ({ row: i + 2, cells })), columns);
  const yesterday = addDays(todayInMalaysia(), -1);

  it('gives identical rows different keys, and the same file the same keys', () => {
    const line = ['012-345 6789', yesterday, '5.00', 'Kopi'];
    const first = rows([line, line]).rows;
    expect(first.map((r) => r.customer)).toEqual([{ phone: '+60123456789' }, { phone: '+60123456789' }]);
    expect(first[0]!.idempotencyKey).not.toBe(first[1]!.idempotencyKey);
    expect(rows([line, line]).rows.map((r) => r.idempotencyKey)).toEqual(first.map((r) => r.idempotencyKey));
  });

  it('reports every bad cell of a row once, with its column', () => {
    const { rows: good, issues } = rows([['', 'soon', '-1', '']]);
    expect(good).toEqual([]);
    expect(issues.map((i) => [i.column, i.message])).toEqual([
      ['phone', 'No phone number or customer id: say whose purchase it is.'],
      ['date', '“soon” is not a date; write 2026-03-14 or 14/03/2026.'],
      ['total', 'The total must be between 0.01 and 1000000.00.'],
    ]);
  });
});
