import { describe, expect, it } from 'vitest';
import { extractReceipt } from './receipt';
import { textLines } from './test-helpers';

const today = new Date('2025-06-30T00:00:00Z');
const read = (text: string) => extractReceipt(textLines(text), today);

const supermarketGst = `
AEON CO. (M) BHD (126926-H)
3RD FLR, AEON TEBRAU CITY
1, JALAN DESA TEBRAU, 81100 JOHOR BAHRU
GST ID : 002017394688
TAX INVOICE
Receipt No: 2018030610570
Date: 06/03/2018 15:42  Cashier: NURUL
1 PC * 8.90 GARDENIA BREAD          8.90 SR
2 X 5.50 MILO 1KG                  11.00 SR
TOTAL SALES (INCLUSIVE GST)        19.90
ROUNDING ADJ                        0.00
TOTAL                              19.90
CASH                               50.00
CHANGE                             30.10
GST SUMMARY     AMOUNT(RM)   TAX(RM)
SR @ 6%           18.77        1.13
TOTAL :           18.77        1.13
`;

const kedaiMalay = `
KEDAI RUNCIT ALI
ALI BIN HASSAN ENTERPRISE (SA0123456-X)
NO 12, JALAN MAWAR 3, TAMAN SRI MUDA
40400 SHAH ALAM, SELANGOR
TARIKH : 5 Mac 2024   MASA : 10:02
NO. RESIT : 202403050117
GULA PASIR 1KG      1     2.85
MINYAK MASAK 2KG    2    27.00
TEH BOH 250G        1     6.50
JUMLAH KECIL             36.35
CUKAI SST 6%              2.18
PENGGENAPAN              -0.03
JUMLAH BESAR             38.50
TUNAI                    40.00
BAKI                      1.50
TERIMA KASIH
`;

describe('extractReceipt', () => {
  it('reads an English GST receipt and confirms the total three ways', () => {
    const { fields, checks, confidence } = read(supermarketGst);
    expect(fields).toMatchObject({
      merchant: 'AEON CO. (M) BHD',
      address: '3RD FLR, AEON TEBRAU CITY 1, JALAN DESA TEBRAU, 81100 JOHOR BAHRU',
      date: '2018-03-06',
      total: '19.90',
      currency: 'MYR',
      rounding: '0.00',
      receiptNumber: '2018030610570',
      paymentMethod: 'cash',
      cash: '50.00',
      change: '30.10',
    });
    expect(fields.items).toEqual([
      { name: 'GARDENIA BREAD', quantity: 1, amount: '8.90' },
      { name: 'MILO 1KG', quantity: 2, amount: '11.00' },
    ]);
    expect(checks).toEqual({ cashChange: true, breakdown: null, items: true });
    expect(confidence).toBeGreaterThanOrEqual(0.8);
  });

  it('reads a Malay receipt: JUMLAH BESAR, CUKAI, PENGGENAPAN, TUNAI, BAKI and a Malay month', () => {
    const { fields, checks } = read(kedaiMalay);
    expect(fields).toMatchObject({
      merchant: 'KEDAI RUNCIT ALI',
      address: 'NO 12, JALAN MAWAR 3, TAMAN SRI MUDA 40400 SHAH ALAM, SELANGOR',
      date: '2024-03-05',
      total: '38.50',
      subtotal: '36.35',
      tax: '2.18',
      rounding: '-0.03',
      receiptNumber: '202403050117',
      paymentMethod: 'cash',
      cash: '40.00',
      change: '1.50',
    });
    expect(fields.items).toEqual([
      { name: 'GULA PASIR 1KG', quantity: 1, amount: '2.85' },
      { name: 'MINYAK MASAK 2KG', quantity: 2, amount: '27.00' },
      { name: 'TEH BOH 250G', quantity: 1, amount: '6.50' },
    ]);
    expect(checks).toEqual({ cashChange: true, breakdown: true, items: true });
  });

  it('does not take the GST summary table total or the subtotal for the amount paid', () => {
    const { fields } = read(`
TEO HENG STATIONERY & BOOKS
Receipt No.: CS1801/26821   Date: 17/01/2018
9555017370017  1  26.00  26.00
SUB-TOTAL (EX)     26.00
TOTAL TAX           1.56
ROUNDING           -0.01
TOTAL              27.55
CASH               27.55
CHANGE              0.00
GST SUMMARY
TAX CODE  %   AMOUNT  TAX
SR       6.00  26.00  1.56
TOTAL :        26.00  1.56
`);
    expect(fields.total).toBe('27.55');
    expect(fields.subtotal).toBe('26.00');
    expect(fields.tax).toBe('1.56');
    expect(fields.receiptNumber).toBe('CS1801/26821');
  });

  it('lets the figures outvote a misread total line', () => {
    // OCR read the rounded total 9.00 as 9.60; the pre-rounding total, the zero rounding, the
    // item and cash − change all say 9.00.
    const { fields, checks } = read(`
BOOK TA.K (TAMAN DAYA) SDN BHD
Document No : TD01167104
Date : 25/12/2018 8:13:39 PM
9556939040118 KF MODELLING CLAY KIDDY FISH
1 PC * 9.000 0.00 9.00
Total : 9.00
Rour ding Adjustment : 0.00
Round: d Total (RM): 9.60
Cash 10.00
CHANGE 1.00
`);
    expect(fields.total).toBe('9.00');
    expect(fields.items).toEqual([{ name: 'KF MODELLING CLAY KIDDY FISH', quantity: 1, amount: '9.00' }]);
    expect(checks.cashChange).toBe(true);
  });

  it('survives OCR slips in the keywords', () => {
    const { fields } = read(`
KOPITIAM HENG HENG
DATE : 19/07/2023
MILO AIS 2 7.00
WANTAN MEE 1 8.00
SUBT0TAL 15.00
T0TAL 15.00
CA5H 20.00
CHANGF 5.00
`);
    expect(fields.total).toBe('15.00');
    expect(fields.cash).toBe('20.00');
    expect(fields.change).toBe('5.00');
  });

  it('reads two-line items: the name, then "qty @ price   amount"', () => {
    const { fields } = read(`
MR DIY
TARIKH : 16-03-24
BEKAS PLASTIK 2L
1 @ 3.90            3.90
SCOTCH TAPE 18MM
2 X 2.20            4.40
SUBTOTAL            8.30
SST (6%)            0.50
JUMLAH (RM)         8.80
TUNAI              10.00
BAKI                1.20
`);
    expect(fields.items).toEqual([
      { name: 'BEKAS PLASTIK 2L', quantity: 1, amount: '3.90' },
      { name: 'SCOTCH TAPE 18MM', quantity: 2, amount: '4.40' },
    ]);
    expect(fields.total).toBe('8.80');
    expect(fields.date).toBe('2024-03-16');
  });

  it('reads a card payment with service charge and no cash', () => {
    const { fields, checks } = read(`
RESTORAN SRI GANESH
INV NO: INV-21121
DATE: 12.06.2025
BANANA LEAF RICE 2 24.00
MANGO LASSI 2 12.00
SUBTOTAL 36.00
SERVICE CHARGE 10% 3.60
SST 6% 2.38
TOTAL 41.98
VISA **** 1234 41.98
`);
    expect(fields).toMatchObject({ total: '41.98', paymentMethod: 'card', receiptNumber: 'INV-21121', date: '2025-06-12', cash: null, change: null });
    expect(checks.breakdown).toBe(true);
  });

  it('falls back to cash − change when no total line is readable, with a lower confidence', () => {
    const clear = read(`
PASAR MINI JIN SENG
18/03/18
SAYUR 5.60
AYAM 23.00
TOTAL 28.60
CASH 50.00
CHANGE 21.40
`);
    const unreadable = read(`
PASAR MINI JIN SENG
18/03/18
SAYUR 5.60
AYAM 23.00
T~~ AL %
CASH 50.00
CHANGE 21.40
`);
    expect(clear.fields.total).toBe('28.60');
    expect(unreadable.fields.total).toBe('28.60');
    expect(unreadable.confidence).toBeLessThan(clear.confidence);
  });

  it('is less confident when the figures disagree with the total', () => {
    const agreeing = read(kedaiMalay);
    const disagreeing = read(kedaiMalay.replace('JUMLAH BESAR             38.50', 'JUMLAH BESAR             88.50'));
    expect(disagreeing.fields.total).not.toBe('88.50');
    expect(disagreeing.confidence).toBeLessThan(agreeing.confidence);
  });

  it('finds the shop name and address around company numbers, branch names and state lines', () => {
    const { fields } = read(`
(TESCO MUTIARA DAMANSARA)
HOME MASTER HARDWARE &
ELECTRICAL
(001451637-M)
NO.113G & 115G, JALAN SETIA GEMBILANG U13/BG
BANDAR SETIA ALAM, 40170 BANDAR SETIA ALAM,
SELANGOR.
GST Reg No. :001637511168
TAX INVOICE
Date: 22/12/2017
TOTAL 15.90
`);
    expect(fields.merchant).toBe('HOME MASTER HARDWARE & ELECTRICAL');
    expect(fields.address).toBe('NO.113G & 115G, JALAN SETIA GEMBILANG U13/BG BANDAR SETIA ALAM, 40170 BANDAR SETIA ALAM, SELANGOR.');
  });

  it('prefers the purchase date to an expiry date', () => {
    const { fields } = read(`
GUARDIAN
VOUCHER VALID UNTIL 31/12/2024
DATE: 02/11/2023
TOTAL 18.55
`);
    expect(fields.date).toBe('2023-11-02');
  });

  it('returns nulls, not guesses, for text that is no receipt', () => {
    const { fields, confidence } = read('Hello, boleh saya tanya harga?\nTerima kasih');
    expect(fields.total).toBeNull();
    expect(fields.date).toBeNull();
    expect(fields.items).toEqual([]);
    expect(confidence).toBe(0);
  });
});
