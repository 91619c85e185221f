import { describe, expect, it } from 'vitest';
import { ageOn } from '@/lib/mykad';
import { dateOfBirthRange, yearsBefore } from './age-range';

// Every date of birth from `from` for `days` days, as YYYY-MM-DD.
function datesFrom(from: string, days: number): string[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  return Array.from({ length: days }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
}

describe('yearsBefore', () => {
  it('keeps the day, and moves 29 February to the 28th in common years', () => {
    expect(yearsBefore('2026-07-15', 30)).toBe('1996-07-15');
    expect(yearsBefore('2024-02-29', 1)).toBe('2023-02-28');
    expect(yearsBefore('2024-02-29', 4)).toBe('2020-02-29');
    expect(yearsBefore('2000-02-29', 100)).toBe('1900-02-28');
  });
});

describe('dateOfBirthRange', () => {
  // Midnight and late evening in Malaysia, on a leap day, the day before and after it.
  const moments = ['2024-02-28T16:00:00Z', '2024-02-29T15:59:59Z', '2025-02-28T16:30:00Z', '2026-01-01T10:00:00Z', '2027-03-01T00:00:00Z'];

  it.each(moments)('holds exactly the births whose age is in range on %s', (iso) => {
    const now = new Date(iso);
    const births = [...datesFrom('1995-01-01', 800), ...datesFrom('2019-12-01', 500)];
    for (const [min, max] of [[0, 5], [5, 7], [29, 30], [30, 30], [18, 120]] as const) {
      const range = dateOfBirthRange({ min, max }, now);
      for (const dob of births) {
        const age = ageOn(dob, now);
        const inRange = dob <= range.bornOnOrBefore && (range.bornAfter === null || dob > range.bornAfter);
        expect(inRange, `${dob} is ${age} on ${iso}, range ${min}–${max}`).toBe(age >= min && age <= max);
      }
    }
  });

  it('leaves the lower bound open without a maximum age', () => {
    expect(dateOfBirthRange({ min: 18 }, new Date('2026-05-10T12:00:00Z'))).toEqual({ bornOnOrBefore: '2008-05-10', bornAfter: null });
  });
});
