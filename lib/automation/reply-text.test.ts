import { describe, expect, it } from 'vitest';
import { normalizeReply, replyWords } from './reply-text';

describe('normalizeReply', () => {
  it('ignores case, punctuation, emoji and extra spaces', () => {
    expect(normalizeReply('  ya!! 🙏 ')).toBe('YA');
    expect(normalizeReply('Tak.')).toBe('TAK');
    expect(normalizeReply('ok   where is\tmy order?')).toBe('OK WHERE IS MY ORDER');
    expect(normalizeReply('ＹＥＳ')).toBe('YES');
  });

  it('leaves nothing of a message without letters or digits', () => {
    expect(normalizeReply('👍🏽...')).toBe('');
    expect(replyWords('👍')).toEqual([]);
  });

  it('splits into whole words', () => {
    expect(replyWords('nonstop, stop-it')).toEqual(['NONSTOP', 'STOP', 'IT']);
  });
});
