import { describe, expect, it } from 'vitest';
import { pickDate } from './receipt-date';
import { textLines } from './test-helpers';

const today = new Date('2025-06-30T00:00:00Z');
const pick = (text: string, otherReads: string[] = []) =>
  pickDate(
    textLines(text),
    today,
    otherReads.map((t) => textLines(t)),
  );

describe('pickDate', () => {
  it.each([
    ['Date : 25/12/2018 8:13:39 PM', '2018-12-25'],
    ['TARIKH: 23-01-19 10:02', '2019-01-23'],
    ['Tarikh 05 MAR 2018', '2018-03-05'],
    ['DATE 2024-03-16 12:01', '2024-03-16'],
    ['17 Ogos 2023 14:20', '2023-08-17'],
    ['30.04.2017 (SUN)', '2017-04-30'],
  ])('reads %s on a receipt', (line, iso) => {
    expect(pick(`KEDAI RUNCIT ALI\n${line}\nJUMLAH 12.50`)).toBe(iso);
  });

  it('takes the date from another read of the photo when this read garbled it', () => {
    expect(pick('KEDAI RUNCIT ALI\nDate  Tine Num\n18/03:18 15 17 06051\nTOTAL 86.00', ['KEDAI RUNCIT ALI\nDate  Tine Num\n18/03/18 15 17 06051\nTOTAL 86.00'])).toBe(
      '2018-03-18',
    );
  });

  it('prefers the date both reads agree on to one only this read has', () => {
    const first = 'PASAR MINI JIN SENG\nTAXIMY 002 150040   18/03/11\nTOTAL 28.60\n18/03/18 09:41';
    const second = 'PASAR MINI JIN SENG\nTOTAL 28.60\n18/03/18 09:41';
    expect(pick(first, [second])).toBe('2018-03-18');
  });

  it('corrects a misread year from a document number that starts with the date', () => {
    expect(pick('AEON CO. (M) BHD\nInvoice No: 2018030610100030493\n06/03/2016 20:01\nTOTAL 75.00')).toBe('2018-03-06');
  });

  it('keeps the printed date when a long number only looks like another date', () => {
    expect(pick('AEON CO. (M) BHD\nReceipt No: 20170115000123\nDate: 25/12/2018 20:01\nTOTAL 75.00')).toBe('2018-12-25');
  });

  it('finds no date on a receipt that has none', () => {
    expect(pick('KEDAI RUNCIT ALI\nTOTAL 12.50', ['KEDAI RUNCIT ALI\nTOTAL 12.50'])).toBeNull();
  });
});
