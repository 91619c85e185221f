import { describe, expect, it } from 'vitest';
import { icLookupHash, sealIc, unsealIc } from './ic';

describe('sealIc', () => {
  it('never stores the number in clear, and opens again with the key', () => {
    const sealed = sealIc('901231-01-1234');
    expect(JSON.stringify(sealed)).not.toContain('901231011234');
    expect(sealed.icMasked).toBe('901231-01-****');
    expect(unsealIc(sealed.icEncrypted)).toBe('901231011234');
  });

  it('hashes the same number the same way with or without dashes, and different numbers differently', () => {
    expect(sealIc('901231-01-1234').icHash).toBe(icLookupHash('901231011234'));
    expect(icLookupHash('901231011234')).not.toBe(icLookupHash('901231011235'));
  });

  it('encrypts with a fresh IV each time', () => {
    expect(sealIc('901231011234').icEncrypted).not.toBe(sealIc('901231011234').icEncrypted);
  });
});
