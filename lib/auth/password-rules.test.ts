import { describe, expect, it } from 'vitest';
import { PASSWORD_RULES, passwordSchema } from './password-rules';

function problems(password: string): string[] {
  return passwordSchema.safeParse(password).error?.issues.map((i) => i.message) ?? [];
}

describe('passwordSchema', () => {
  it.each(['Kedai-runcit-2024', 'sayang 2 kamu', 'kataLaluan99', 'ñandúñandú9'])('accepts %j', (password) => {
    expect(problems(password)).toEqual([]);
  });

  it.each([
    ['abc12', 'Use at least 10 characters.'],
    [`a1${'x'.repeat(127)}`, 'Use at most 128 characters.'],
    ['1234567890123', 'Include at least one letter.'],
    ['abcdefghijkl', 'Include at least one number.'],
    ['Password123', 'This password is too common. Choose another.'],
    ['SEMBANG123', 'This password is too common. Choose another.'],
  ])('rejects %j: %s', (password, message) => {
    expect(problems(password)).toEqual([message]);
  });

  it('accepts exactly 10 and 128 characters', () => {
    expect(problems('abcdefghi1')).toEqual([]);
    expect(problems(`a1${'x'.repeat(126)}`)).toEqual([]);
  });

  it('states the rules the schema enforces', () => {
    expect(PASSWORD_RULES).toMatch(/10 characters/);
    expect(PASSWORD_RULES).toMatch(/letter/);
    expect(PASSWORD_RULES).toMatch(/number/);
  });
});
