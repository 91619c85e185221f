import { describe, expect, it } from 'vitest';
import { parseGender, parseMaritalStatus } from './profile';

describe('parseGender', () => {
  it.each([
    ['M', 'M'],
    ['m', 'M'],
    ['Male', 'M'],
    ['L', 'M'],
    ['lelaki', 'M'],
    ['F', 'F'],
    ['female.', 'F'],
    ['P', 'F'],
    ['PEREMPUAN', 'F'],
    ['NB', 'NB'],
    ['nb', 'NB'],
    ['Non-binary', 'NB'],
    ['nonbinary', 'NB'],
  ] as const)('%s → %s', (input, gender) => {
    expect(parseGender(input)).toBe(gender);
  });

  it('needs the whole reply to be the word', () => {
    expect(parseGender('I am M')).toBeNull();
    expect(parseGender('Malaysia')).toBeNull();
    expect(parseGender('')).toBeNull();
  });
});

describe('parseMaritalStatus', () => {
  it.each([
    ['SINGLE', 'single'],
    ['bujang', 'single'],
    ['Married', 'married'],
    ['BERKAHWIN', 'married'],
    ['kahwin', 'married'],
    ['DIVORCED', 'divorced'],
    ['bercerai', 'divorced'],
    ['WIDOWED', 'widowed'],
    ['Balu', 'widowed'],
    ['DUDA', 'widowed'],
    ['single!', 'single'],
  ] as const)('%s → %s', (input, status) => {
    expect(parseMaritalStatus(input)).toBe(status);
  });

  it('needs the whole reply to be the word', () => {
    expect(parseMaritalStatus('single origin coffee please')).toBeNull();
    expect(parseMaritalStatus('M')).toBeNull();
  });
});
