import { describe, expect, it } from 'vitest';
import { ageOn, findMyKadNumber, maskMyKad, maskMyKadNumbers, parseMyKad, todayInMalaysia } from './mykad';
import { malaysianStates } from './places';

// 21 Nov 2026, 10:00 in Kuala Lumpur.
const NOW = new Date('2026-11-21T02:00:00Z');

function ok(input: string, now = NOW) {
  const result = parseMyKad(input, now);
  if (!result.ok) throw new Error(`expected ${input} to parse: ${result.message.en}`);
  return result.value;
}

function error(input: string, now = NOW) {
  const result = parseMyKad(input, now);
  if (result.ok) throw new Error(`expected ${input} to be refused`);
  return result;
}

describe('parseMyKad', () => {
  it('reads the seed example 901231-01-1234 (the seed wrongly made it 2090 and Johor-by-digit)', () => {
    expect(ok('901231-01-1234')).toEqual({
      icNumber: '901231011234',
      formatted: '901231-01-1234',
      dateOfBirth: '1990-12-31',
      gender: 'F',
      placeCode: '01',
      state: 'MY-01',
      stateName: 'Johor',
      birthCountry: null,
    });
  });

  it.each([
    ['901231011234', '1990-12-31'],
    ['901231 01 1234', '1990-12-31'],
    [' 901231-01-1234 ', '1990-12-31'],
  ])('accepts %j with or without dashes and spaces', (input, dateOfBirth) => {
    expect(ok(input).dateOfBirth).toBe(dateOfBirth);
  });

  describe('century', () => {
    it.each([
      ['871003-10-5123', '1987-10-03'],
      ['050101-14-0021', '2005-01-01'],
      ['000101-14-0021', '2000-01-01'],
      ['261121-14-0021', '2026-11-21'],
      ['261122-14-0021', '1926-11-22'],
      ['991231-14-0021', '1999-12-31'],
    ])('%s was born on %s', (input, dateOfBirth) => {
      expect(ok(input).dateOfBirth).toBe(dateOfBirth);
    });

    it('decides "today" in Malaysia, not in UTC', () => {
      // 21 Nov 2026 20:00 UTC is already 22 Nov in Kuala Lumpur.
      expect(ok('261122-14-0021', new Date('2026-11-21T20:00:00Z')).dateOfBirth).toBe('2026-11-22');
      expect(ok('261122-14-0021', new Date('2026-11-21T15:59:59Z')).dateOfBirth).toBe('1926-11-22');
    });
  });

  describe('dates', () => {
    it.each([
      ['000229-14-0021', '2000-02-29'],
      ['040229-14-0021', '2004-02-29'],
      ['960229-14-0021', '1996-02-29'],
    ])('29 February in a leap year: %s', (input, dateOfBirth) => {
      expect(ok(input).dateOfBirth).toBe(dateOfBirth);
    });

    it.each(['010229-14-0021', '970229-14-0021', '900230-14-0021', '901301-14-0021', '900001-14-0021', '900100-14-0021', '900431-14-0021'])(
      'refuses %s: not a calendar date',
      (input) => {
        const result = error(input);
        expect(result.error).toBe('date');
        expect(result.message.en).toMatch(/not a real date/);
        expect(result.message.ms).toMatch(/bukan tarikh yang sah/);
      },
    );
  });

  describe('gender is the parity of the last digit', () => {
    it.each([
      ['901231-01-1231', 'M'],
      ['901231-01-1239', 'M'],
      ['901231-01-1230', 'F'],
      ['901231-01-1238', 'F'],
      // The seed read the 8th character of the dashed string (here an odd 1) — wrong.
      ['901231-11-2224', 'F'],
    ])('%s is %s', (input, gender) => {
      expect(ok(input).gender).toBe(gender);
    });
  });

  describe('place of birth', () => {
    const codes: Array<[string, string]> = [
      ['01', 'MY-01'], ['21', 'MY-01'], ['22', 'MY-01'], ['23', 'MY-01'], ['24', 'MY-01'],
      ['02', 'MY-02'], ['25', 'MY-02'], ['26', 'MY-02'], ['27', 'MY-02'],
      ['03', 'MY-03'], ['28', 'MY-03'], ['29', 'MY-03'],
      ['04', 'MY-04'], ['30', 'MY-04'],
      ['05', 'MY-05'], ['31', 'MY-05'], ['59', 'MY-05'],
      ['06', 'MY-06'], ['32', 'MY-06'], ['33', 'MY-06'],
      ['07', 'MY-07'], ['34', 'MY-07'], ['35', 'MY-07'],
      ['08', 'MY-08'], ['36', 'MY-08'], ['37', 'MY-08'], ['38', 'MY-08'], ['39', 'MY-08'],
      ['09', 'MY-09'], ['40', 'MY-09'],
      ['10', 'MY-10'], ['41', 'MY-10'], ['42', 'MY-10'], ['43', 'MY-10'], ['44', 'MY-10'],
      ['11', 'MY-11'], ['45', 'MY-11'], ['46', 'MY-11'],
      ['12', 'MY-12'], ['47', 'MY-12'], ['48', 'MY-12'], ['49', 'MY-12'],
      ['13', 'MY-13'], ['50', 'MY-13'], ['51', 'MY-13'], ['52', 'MY-13'], ['53', 'MY-13'],
      ['14', 'MY-14'], ['54', 'MY-14'], ['55', 'MY-14'], ['56', 'MY-14'], ['57', 'MY-14'],
      ['15', 'MY-15'], ['58', 'MY-15'],
      ['16', 'MY-16'],
    ];

    it.each(codes)('code %s is state %s', (code, state) => {
      const value = ok(`900101-${code}-5555`);
      expect(value.state).toBe(state);
      expect(value.birthCountry).toBeNull();
    });

    it('knows all sixteen states by name, Perlis at 09 (the seed skipped it)', () => {
      expect(malaysianStates).toHaveLength(16);
      expect(ok('900101-09-5555').stateName).toBe('Perlis');
      expect(ok('900101-12-5555').stateName).toBe('Sabah');
      expect(ok('900101-13-5555').stateName).toBe('Sarawak');
      expect(ok('900101-16-5555').stateName).toBe('WP Putrajaya');
    });

    it.each([
      ['60', 'Brunei'], ['61', 'Indonesia'], ['62', 'Cambodia'], ['63', 'Laos'], ['64', 'Myanmar'],
      ['65', 'Philippines'], ['66', 'Singapore'], ['67', 'Thailand'], ['68', 'Vietnam'],
      ['71', 'Foreign country (before 2001)'], ['72', 'Foreign country (before 2001)'],
      ['74', 'China'], ['75', 'India'], ['76', 'Pakistan'], ['77', 'Saudi Arabia'], ['78', 'Sri Lanka'],
      ['79', 'Bangladesh'], ['83', 'Asia-Pacific'], ['84', 'South America'], ['85', 'Africa'], ['86', 'Europe'],
      ['87', 'Britain/Ireland'], ['88', 'Middle East'], ['89', 'Far East'], ['90', 'Caribbean/Central America'],
      ['91', 'North America'], ['92', 'Former USSR/Eastern Europe'], ['93', 'Other countries'], ['98', 'Stateless'],
      ['99', 'Other/unspecified'],
    ])('code %s is foreign: %s', (code, country) => {
      const value = ok(`900101-${code}-5555`);
      expect(value.state).toBeNull();
      expect(value.birthCountry).toBe(country);
    });

    it('code 82 is Malaysian with the state unknown', () => {
      expect(ok('900101-82-5555')).toMatchObject({ state: null, stateName: null, birthCountry: null });
    });

    it.each(['00', '17', '18', '19', '20', '69', '70', '73', '80', '81', '94', '95', '96', '97'])('code %s was never issued', (code) => {
      const result = error(`900101-${code}-5555`);
      expect(result.error).toBe('place_code');
      expect(result.message.en).toContain(`code ${code} has never been issued`);
    });
  });

  it.each(['', '90123101123', '9012310112345', '901231-01-123X', 'IC saya 901231011234', '901231_01_1234'])('refuses %j: not 12 digits', (input) => {
    expect(error(input).error).toBe('format');
  });
});

describe('maskMyKad', () => {
  it('keeps the date and place, hides the last four digits', () => {
    expect(maskMyKad('901231011234')).toBe('901231-01-****');
    expect(maskMyKad('901231-01-1234')).toBe('901231-01-****');
  });
});

describe('ageOn', () => {
  it('counts whole years on the Malaysian calendar day', () => {
    expect(ageOn('1990-12-31', NOW)).toBe(35);
    expect(ageOn('1990-11-21', NOW)).toBe(36);
    expect(ageOn('1990-11-22', NOW)).toBe(35);
    // 16:00 UTC on the 21st is already the 22nd in Kuala Lumpur: the birthday has come.
    expect(ageOn('1990-11-22', new Date('2026-11-21T16:00:00Z'))).toBe(36);
  });

  it('a 29 February birthday counts from 1 March in a common year', () => {
    expect(ageOn('2000-02-29', new Date('2027-02-28T04:00:00Z'))).toBe(26);
    expect(ageOn('2000-02-29', new Date('2027-03-01T04:00:00Z'))).toBe(27);
  });
});

describe('findMyKadNumber', () => {
  it.each([
    ['IC saya 901231-01-1234 ya', '901231011234'],
    ['901231011234', '901231011234'],
    ['no ic: 901231 01 1234.', '901231011234'],
  ])('finds the number in %j', (text, expected) => {
    expect(findMyKadNumber(text)).toBe(expected);
  });

  it.each(['call 0123456789', '1234567890123', 'order 90123101123'])('finds nothing in %j', (text) => {
    expect(findMyKadNumber(text)).toBeNull();
  });
});

describe('maskMyKadNumbers', () => {
  const now = new Date('2026-06-01T00:00:00Z');

  it.each([
    ['IC saya 901231-01-1234 ya', 'IC saya 901231-01-**** ya'],
    ['901231011234', '901231-01-****'],
    ['mine 901231 01 1234, hers 850505-10-2222.', 'mine 901231-01-****, hers 850505-10-****.'],
  ])('masks every valid IC in %j', (text, expected) => {
    expect(maskMyKadNumbers(text, now)).toBe(expected);
  });

  it.each(['order 901331011234 (no 31st month)', 'code 901231001234 (never issued)', 'call 0123456789', 'no numbers'])('leaves %j alone', (text) => {
    expect(maskMyKadNumbers(text, now)).toBe(text);
  });
});

describe('todayInMalaysia', () => {
  it('is UTC+8', () => {
    expect(todayInMalaysia(new Date('2026-11-21T15:59:59Z'))).toBe('2026-11-21');
    expect(todayInMalaysia(new Date('2026-11-21T16:00:00Z'))).toBe('2026-11-22');
  });
});
