import { todayInMalaysia } from '@/lib/mykad';

// `years` before a YYYY-MM-DD date; 29 February falls back to the 28th in common years, which
// matches ageOn (a 29 February birthday is reached on 1 March in those years).
export function yearsBefore(date: string, years: number): string {
  const year = Number(date.slice(0, 4)) - years;
  const monthDay = date.slice(5);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return `${String(year).padStart(4, '0')}-${monthDay === '02-29' && !leap ? '02-28' : monthDay}`;
}

// Ages (whole years in Malaysia, as ageOn counts them) as a date-of-birth range, so the filter
// is an index range: age ≥ min ⇔ born on or before `bornOnOrBefore`; age ≤ max ⇔ born after
// `bornAfter`.
export function dateOfBirthRange(ages: { min?: number; max?: number }, now: Date = new Date()): { bornOnOrBefore: string; bornAfter: string | null } {
  const today = todayInMalaysia(now);
  return {
    bornOnOrBefore: yearsBefore(today, ages.min ?? 0),
    bornAfter: ages.max === undefined ? null : yearsBefore(today, ages.max + 1),
  };
}
