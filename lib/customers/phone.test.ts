import { describe, expect, it } from 'vitest';
import { fallbackCustomerName, toE164 } from './phone';

describe('toE164', () => {
  it.each([
    ['60123456789', '+60123456789'],
    ['+60 12-345 6789', '+60123456789'],
    ['012-345 6789', '+60123456789'],
    ['16505551234', '+16505551234'],
  ])('normalises %s to %s', (input, expected) => {
    expect(toE164(input)).toBe(expected);
  });

  it.each([null, '', 'hello', '123', '600000000000000'])('rejects %s', (input) => {
    expect(toE164(input)).toBeNull();
  });
});

describe('fallbackCustomerName', () => {
  it('uses the last four digits of the phone or WhatsApp id', () => {
    expect(fallbackCustomerName('+60123456789', null, null)).toBe('Customer 6789');
    expect(fallbackCustomerName(null, '60129998877', null)).toBe('Customer 8877');
  });

  it('falls back to the business-scoped user id when there is no number', () => {
    expect(fallbackCustomerName(null, null, 'MY.abcdWXYZ')).toBe('Customer WXYZ');
  });
});
