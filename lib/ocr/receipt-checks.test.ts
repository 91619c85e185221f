import { describe, expect, it } from 'vitest';
import { extractReceipt } from './receipt';
import { textLines } from './test-helpers';

// Noisy OCR text where the total line itself was misread and the other figures say so.
const today = new Date('2025-06-30T00:00:00Z');
const read = (text: string, otherReads: string[] = []) =>
  extractReceipt(
    textLines(text),
    today,
    otherReads.map((t) => textLines(t)),
  );

describe('extractReceipt cross-checks on noisy text', () => {
  it('reads footer amounts whose decimal point was lost and trusts a subtotal and tax that fit the GST rate', () => {
    const { fields, checks } = read(`
SYL ROASTED DELIGHTS SDN. BHD.
Date: 06/03/2018
(T02) BRAISED PORK   2.0   7.00   14 00
Total Sales (Excluding GST) :   5142
Discount :   0.00
Total GST :   308
Rounding :   000
Total Sales (Inclusive of GST)   64.60
`);
    expect(fields).toMatchObject({ subtotal: '51.42', tax: '3.08', rounding: '0.00', total: '54.50' });
    expect(checks.breakdown).toBe(true);
  });

  it('keeps a total line that the figures cannot contradict', () => {
    const { fields } = read(`
KEDAI RUNCIT ALI
TARIKH : 5 Mac 2024
SUBTOTAL 36.35
JUMLAH BESAR 38.50
TUNAI 40.00
BAKI 1.50
`);
    expect(fields.total).toBe('38.50');
  });

  it('corrects one misread digit on the total line when subtotal, tax and rounding agree (English)', () => {
    const { fields } = read(`
PERNIAGAAN ZHENG HUI
Date: 12/02/2018
(Excluded GST) Sub Total (RM) :   106.10
Discount (RM) :   0.00
Total GST (RM) :   6.37
Rounding (RM) :   -0.02
Total (RM) : 112.46
CASH : 112.48
Change (RM) :   6.00
`);
    expect(fields.total).toBe('112.45');
  });

  it('corrects one misread digit on the total line when subtotal, SST and rounding agree (Malay)', () => {
    const { fields } = read(`
KEDAI RUNCIT ALI
TARIKH : 16-03-24
JUMLAH KECIL    20.00
SST 6%           1.20
PENGGENAPAN      0.00
JUMLAH BESAR    27.20
TUNAI           50.00
BAKI            28.80
`);
    expect(fields.total).toBe('21.20');
  });

  it('drops a stray digit in front of the total and the cash when the tax confirms the subtotal', () => {
    const { fields } = read(`
TEO HENG STATIONERY & BOOKS
Date: 23/01/2018
SUB-TOTAL(EX)   16.98
TOTAL TAX        1.02
ROUNDING         0.00
TOTAL          718.00
CASH           718.00
CHANGE           0.00
`);
    expect(fields.total).toBe('18.00');
  });

  it('works out an unreadable service charge from its rate and the tax on top of it', () => {
    const { fields, checks } = read(`
THREE STOOGES BISTRO & CAFE
Date: 03/03/2018
1 SUB TOTAL        150.00
SERVICE CHARGE 10%   15 0)
GST 6%
NET TOTAL         ( 14.9
CHANGE             5.10
`);
    expect(fields).toMatchObject({ total: '174.90', tax: '9.90' });
    expect(checks.breakdown).toBe(true);
  });

  it('takes the total another read agrees on when this read has one digit wrong, and the items say so', () => {
    const header = 'BOOK TA .K (TAMAN DAYA) SDN BHD\nNO.5, 55,57 & 59, JALAN SAGU 18,\nDate : 25/12/2018 8:13:39 PM\nKF MODELLING CLAY KIDDY FISH';
    const first = `${header}\n1 PC   9.000   0.00   9.00\nTotal (c) oo g 50\nRounding Adjustment 0.00\nRounded Total (RM): 9.60`;
    const second = `${header}\n1 PC   9.000   0.00   9.00\nTotal : 9.00\nRounding Adjustment 0.00\nRounded Total (RM): 9.00`;
    const { fields } = read(first, [second]);
    expect(fields.total).toBe('9.00');
    // The address's house numbers are no item.
    expect(fields.items).toEqual([{ name: 'KF MODELLING CLAY KIDDY FISH', quantity: 1, amount: '9.00' }]);
  });

  it('keeps a total line when a misread subtotal makes the sum one digit off', () => {
    // The subtotal 36.35 read as 36.45: the 6% SST still fits it to a sen, but the rounding
    // does not fit the sum, so the total line is trusted over three figures.
    const { fields } = read(`
KEDAI RUNCIT ALI
TARIKH : 16-03-24
JUMLAH KECIL    36.45
SST 6%           2.18
PENGGENAPAN     -0.03
JUMLAH BESAR    38.50
`);
    expect(fields.total).toBe('38.50');
  });

  it('reads a change amount whose zero was read as a letter', () => {
    const { fields } = read(`
KEDAI RUNCIT ALI
TOTAL   15.00
CASH    15.00
CHANGE  U.00
`);
    expect(fields).toMatchObject({ total: '15.00', change: '0.00' });
  });

  it('does not take a bare number on a payment line for an amount', () => {
    const { fields } = read(`
KEDAI RUNCIT ALI
TOTAL   15.00
CASH    700
`);
    expect(fields).toMatchObject({ total: '15.00', cash: null });
  });
});
