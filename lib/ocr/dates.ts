// Dates as Malaysian receipts print them: day first (25/12/2018, 23-01-19, 30.04.2017),
// ISO (2018-03-23), or with an English or Malay month name (12 Jan 2018, 5 Mac 2018,
// 17 Ogos 2023, Disember 3, 2024).

export interface DateToken {
  iso: string;
  start: number;
  end: number;
}

const MONTHS: Record<string, number> = {
  JAN: 1, JANUARY: 1, JANUARI: 1,
  FEB: 2, FEBRUARY: 2, FEBRUARI: 2,
  MAR: 3, MARCH: 3, MAC: 3,
  APR: 4, APRIL: 4,
  MAY: 5, MEI: 5,
  JUN: 6, JUNE: 6,
  JUL: 7, JULY: 7, JULAI: 7,
  AUG: 8, AUGUST: 8, OGO: 8, OGOS: 8,
  SEP: 9, SEPT: 9, SEPTEMBER: 9,
  OCT: 10, OCTOBER: 10, OKT: 10, OKTOBER: 10,
  NOV: 11, NOVEMBER: 11,
  DEC: 12, DECEMBER: 12, DIS: 12, DISEMBER: 12,
};

const MONTH_WORD = '([A-Za-z]{3,9})\\.?';
const NUMERIC_DMY = /(?<![\w/.-])(\d{1,2})(\s?\/\s?|[.-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/]|[.-]\d)/g;
const NUMERIC_YMD = /(?<![\w/.-])(\d{4})([/.-])(\d{1,2})\2(\d{1,2})(?![\d/]|\.\d)/g;
const DAY_MONTH_YEAR = new RegExp(`(?<!\\d)(\\d{1,2})(?:ST|ND|RD|TH)?[\\s/.-]*${MONTH_WORD}[\\s/.,-]*(\\d{4}|\\d{2})(?!\\d)`, 'gi');
const MONTH_DAY_YEAR = new RegExp(`(?<![A-Za-z])${MONTH_WORD}\\s+(\\d{1,2}),?\\s+(\\d{4})(?!\\d)`, 'gi');

function monthNumber(word: string): number | null {
  const upper = word.toUpperCase();
  return MONTHS[upper] ?? null;
}

function isoDate(year: number, month: number, day: number, today: Date): string | null {
  const full = year < 100 ? 2000 + year : year;
  const date = new Date(Date.UTC(full, month - 1, day));
  if (date.getUTCFullYear() !== full || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  // Receipts are from this century and not from the future (a day of slack for time zones).
  if (full < 2000 || date.getTime() > today.getTime() + 86_400_000) return null;
  return date.toISOString().slice(0, 10);
}

// Day first unless that cannot be a date and month-first can (12/28/2017).
function dayFirst(a: number, b: number, year: number, today: Date): string | null {
  return isoDate(year, b, a, today) ?? (a <= 12 && b > 12 ? isoDate(year, a, b, today) : null);
}

export function findDates(line: string, today: Date = new Date()): DateToken[] {
  const found: DateToken[] = [];
  const add = (iso: string | null, start: number, length: number) => {
    if (iso && !found.some((f) => start < f.end && f.start < start + length)) found.push({ iso, start, end: start + length });
  };
  for (const m of line.matchAll(NUMERIC_YMD)) add(isoDate(Number(m[1]), Number(m[3]), Number(m[4]), today), m.index, m[0].length);
  for (const m of line.matchAll(NUMERIC_DMY)) add(dayFirst(Number(m[1]), Number(m[3]), Number(m[4]), today), m.index, m[0].length);
  for (const m of line.matchAll(DAY_MONTH_YEAR)) {
    const month = monthNumber(m[2]!);
    if (month) add(isoDate(Number(m[3]), month, Number(m[1]), today), m.index, m[0].length);
  }
  for (const m of line.matchAll(MONTH_DAY_YEAR)) {
    const month = monthNumber(m[1]!);
    if (month) add(isoDate(Number(m[3]), month, Number(m[2]), today), m.index, m[0].length);
  }
  return found.sort((a, b) => a.start - b.start);
}
