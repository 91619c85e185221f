import { describe, expect, it } from 'vitest';
import { parseProfileReply } from './profile-reply';

describe('parseProfileReply', () => {
  it.each([
    ['901231-01-1234', '901231011234'],
    ['901231011234', '901231011234'],
    ['901231 01 1234', '901231011234'],
    ['My IC is 901231-01-1234, thanks', '901231011234'],
    ['IC: 050101-14-0021', '050101140021'],
  ])('finds the IC number in %j', (text, icNumber) => {
    expect(parseProfileReply(text)).toEqual({ icNumber });
  });

  it('takes a number of about IC length as an attempt, so the reply can say what is wrong', () => {
    expect(parseProfileReply('90123101123')).toEqual({ icNumber: '90123101123' });
    expect(parseProfileReply('No. IC 9012310112345')).toEqual({ icNumber: '9012310112345' });
    expect(parseProfileReply('90 1231 01 1234')).toEqual({ icNumber: '901231011234' });
  });

  it('leaves phone numbers and other numbers alone', () => {
    for (const text of ['0123456789', '012-345 6789', '01123456789', '60123456789', '+60123456789', 'RM 45', 'order 1042', '1234567']) {
      expect(parseProfileReply(text), text).toBeNull();
    }
  });

  it('reads gender and marital status when they are the whole message', () => {
    expect(parseProfileReply('F')).toEqual({ gender: 'F' });
    expect(parseProfileReply('Lelaki')).toEqual({ gender: 'M' });
    expect(parseProfileReply('non-binary')).toEqual({ gender: 'NB' });
    expect(parseProfileReply('BUJANG')).toEqual({ maritalStatus: 'single' });
    expect(parseProfileReply('p, berkahwin')).toEqual({ gender: 'F', maritalStatus: 'married' });
    expect(parseProfileReply('married F')).toEqual({ gender: 'F', maritalStatus: 'married' });
  });

  it('an IC with details takes both; other words beside an IC are ignored', () => {
    expect(parseProfileReply('901231-01-1234 F single')).toEqual({ icNumber: '901231011234', gender: 'F', maritalStatus: 'single' });
    expect(parseProfileReply('IC 901231-01-1234 M')).toEqual({ icNumber: '901231011234', gender: 'M' });
    expect(parseProfileReply('here it is 901231-01-1234 F')).toEqual({ icNumber: '901231011234' });
  });

  it('ordinary messages are not profile replies', () => {
    for (const text of ['M size please', 'single origin?', 'F F', 'hello', 'I am married to my work']) {
      expect(parseProfileReply(text), text).toBeNull();
    }
  });
});
