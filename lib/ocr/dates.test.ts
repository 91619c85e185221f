import { describe, expect, it } from 'vitest';
import { findDates } from './dates';

const today = new Date('2025-06-30T00:00:00Z');
const isoIn = (line: string) => findDates(line, today).map((d) => d.iso);

describe('findDates', () => {
  it.each([
    ['Date : 25/12/2018 8:13:39 PM', '2018-12-25'],
    ['23-01-2019', '2019-01-23'],
    ['TARIKH: 16-03-24', '2024-03-16'],
    ['30.04.2017 (SUN)', '2017-04-30'],
    ['5/3/2018', '2018-03-05'],
    ['2018-03-23 12:01', '2018-03-23'],
    ['05 Mar 2018 18:24', '2018-03-05'],
    ['12 Jan 2018', '2018-01-12'],
    ['12-JAN-18', '2018-01-12'],
    ['17 Ogos 2023', '2023-08-17'],
    ['5 Mac 2024', '2024-03-05'],
    ['3 Disember 2024', '2024-12-03'],
    ['1 Julai 2022', '2022-07-01'],
    ['Mei 9, 2023', '2023-05-09'],
    ['Sep 21, 2019', '2019-09-21'],
    ['DATE 25 / 12 / 2018', '2018-12-25'],
  ])('reads %s', (line, iso) => {
    expect(isoIn(line)).toEqual([iso]);
  });

  it('reads day first, and month first only when day first is impossible', () => {
    expect(isoIn('04/05/2020')).toEqual(['2020-05-04']);
    expect(isoIn('12/28/2017')).toEqual(['2017-12-28']);
  });

  it.each([
    ['an impossible date', '31/02/2020'],
    ['a date in the future', '01/01/2027'],
    ['a time', '12:33:59'],
    ['an amount', 'TOTAL 12.50'],
    ['a phone number', 'TEL 03-5121 3881'],
    ['a year before 2000', '12/05/1998'],
  ])('ignores %s', (_name, line) => {
    expect(isoIn(line)).toEqual([]);
  });
});
