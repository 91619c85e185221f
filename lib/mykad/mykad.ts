import { type BirthPlace, birthPlace } from './places';

export interface MyKad {
  // 12 digits, no separators.
  icNumber: string;
  // YYMMDD-PB-###G
  formatted: string;
  // YYYY-MM-DD
  dateOfBirth: string;
  gender: 'M' | 'F';
  placeCode: string;
  // ISO 3166-2:MY code of the birth state, or null (foreign or unknown state).
  state: `MY-${string}` | null;
  stateName: string | null;
  // Set for foreign place-of-birth codes.
  birthCountry: string | null;
}

export type MyKadError = 'format' | 'date' | 'place_code';

export type MyKadResult = { ok: true; value: MyKad } | { ok: false; error: MyKadError; message: { en: string; ms: string } };

const MYT = 'Asia/Kuala_Lumpur';

// Built once: a formatter costs far more to create than to use (a 10,000-row import checks
// 10,000 IC numbers).
const malaysianDate = new Intl.DateTimeFormat('en-CA', { timeZone: MYT, year: 'numeric', month: '2-digit', day: '2-digit' });

// Today's date in Malaysia as YYYY-MM-DD (a birthday starts at midnight MYT, not UTC).
export function todayInMalaysia(now: Date = new Date()): string {
  return malaysianDate.format(now);
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

function failure(error: MyKadError, en: string, ms: string): MyKadResult {
  return { ok: false, error, message: { en, ms } };
}

// Parses a MyKad number per DESIGN §6. Dashes and spaces are optional. The century is 20YY
// unless that date is still to come, then 19YY; the gender is the parity of the last digit.
export function parseMyKad(input: string, now: Date = new Date()): MyKadResult {
  const digits = input.trim().replace(/[\s-]/g, '');
  if (!/^\d{12}$/.test(digits)) {
    return failure(
      'format',
      'An IC number has 12 digits, like 901231-01-1234.',
      'Nombor IC mempunyai 12 digit, contohnya 901231-01-1234.',
    );
  }
  const yy = digits.slice(0, 2);
  const mm = digits.slice(2, 4);
  const dd = digits.slice(4, 6);
  const today = todayInMalaysia(now);
  const year = `20${yy}-${mm}-${dd}` > today ? 1900 + Number(yy) : 2000 + Number(yy);
  if (!isCalendarDate(year, Number(mm), Number(dd))) {
    const shown = `${dd}/${mm}/${year}`;
    return failure(
      'date',
      `The first six digits are the date of birth (YYMMDD), and ${shown} is not a real date.`,
      `Enam digit pertama ialah tarikh lahir (YYMMDD), dan ${shown} bukan tarikh yang sah.`,
    );
  }
  const placeCode = digits.slice(6, 8);
  const place: BirthPlace = birthPlace(placeCode);
  if (place.kind === 'never_issued') {
    return failure(
      'place_code',
      `Digits 7–8 are the place of birth, and code ${placeCode} has never been issued.`,
      `Digit 7–8 ialah kod tempat lahir, dan kod ${placeCode} tidak pernah dikeluarkan.`,
    );
  }
  return {
    ok: true,
    value: {
      icNumber: digits,
      formatted: `${digits.slice(0, 6)}-${placeCode}-${digits.slice(8)}`,
      dateOfBirth: `${year}-${mm}-${dd}`,
      gender: Number(digits[11]) % 2 === 1 ? 'M' : 'F',
      placeCode,
      state: place.kind === 'state' ? place.state.code : null,
      stateName: place.kind === 'state' ? place.state.name : null,
      birthCountry: place.kind === 'foreign' ? place.country : null,
    },
  };
}

// 901231-01-**** : the date and place stay readable, the serial and gender digit do not.
export function maskMyKad(icNumber: string): string {
  const digits = icNumber.replace(/[\s-]/g, '');
  return `${digits.slice(0, 6)}-${digits.slice(6, 8)}-****`;
}

// Whole years on `now`'s date in Malaysia.
export function ageOn(dateOfBirth: string, now: Date = new Date()): number {
  const today = todayInMalaysia(now);
  const years = Number(today.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return today.slice(5) < dateOfBirth.slice(5) ? years - 1 : years;
}

// The first thing in free text that looks like an IC number (12 digits, optionally as
// 6-2-4 groups with dashes or spaces); not validated.
const MYKAD_IN_TEXT = /(?<!\d)(\d{6})[\s-]?(\d{2})[\s-]?(\d{4})(?!\d)/;

export function findMyKadNumber(text: string): string | null {
  const match = MYKAD_IN_TEXT.exec(text);
  return match ? `${match[1]}${match[2]}${match[3]}` : null;
}

// Free text (a customer's message) with every valid IC number in it masked: the full number is
// shown only through a logged reveal. Twelve digits that are not a valid MyKad stay as they are.
export function maskMyKadNumbers(text: string, now: Date = new Date()): string {
  return text.replace(new RegExp(MYKAD_IN_TEXT.source, 'g'), (found, date: string, place: string, serial: string) =>
    parseMyKad(`${date}${place}${serial}`, now).ok ? maskMyKad(`${date}${place}${serial}`) : found,
  );
}
