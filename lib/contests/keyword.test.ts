import { describe, expect, it } from 'vitest';
import { compactKeyword, keywordProblem, normalizeKeyword } from './keyword';

describe('contest keywords', () => {
  it('match whatever the case, spacing, punctuation, hashtag or emoji', () => {
    const target = compactKeyword('MASUK RAYA');
    for (const variant of ['masuk raya', 'Masuk  Raya', ' MASUK RAYA! ', '#MasukRaya', 'masuk-raya', 'masukraya', 'MASUK RAYA 🎉', 'ＭＡＳＵＫ ＲＡＹＡ']) {
      expect(compactKeyword(variant), variant).toBe(target);
    }
    for (const other of ['masuk', 'masuk raya bila?', 'raya masuk', 'MASUK RAYA2']) expect(compactKeyword(other), other).not.toBe(target);
  });

  it('are stored upper case with single spaces', () => {
    expect(normalizeKeyword('  masuk   raya! ')).toBe('MASUK RAYA');
  });

  it('cannot be a consent word, which the consent step would take first', () => {
    for (const word of ['YA', 'yes', 'ok', 'STOP', 'Start', 'join stop', 'tidak']) expect(keywordProblem(word), word).toMatch(/consent reply/);
    expect(keywordProblem('MASUK RAYA')).toBeNull();
    expect(keywordProblem('start raya?'), 'customers would type it without the question mark').toMatch(/consent reply/);
    expect(keywordProblem('🎉')).toMatch(/letters or digits/);
  });
});
