import { describe, expect, it } from 'vitest';
import { dayKey, formatDayLabel, formatListTime, formatTime } from './format';

// 2026-03-02 09:30 in Kuala Lumpur (UTC+8).
const now = new Date('2026-03-02T01:30:00.000Z');

describe('inbox times', () => {
  it('groups by the Malaysian day, not the UTC one', () => {
    expect(dayKey('2026-03-01T16:30:00.000Z')).toBe('2026-03-02');
    expect(dayKey('2026-03-01T15:59:00.000Z')).toBe('2026-03-01');
  });

  it('shows Malaysian clock time', () => {
    expect(formatTime('2026-03-02T01:05:00.000Z')).toMatch(/^9:05\s?am$/i);
  });

  it('labels list times and day separators relative to today', () => {
    expect(formatListTime('2026-03-01T16:30:00.000Z', now)).toMatch(/^12:30\s?am$/i);
    expect(formatListTime('2026-03-01T10:00:00.000Z', now)).toBe('Yesterday');
    expect(formatListTime('2026-02-27T10:00:00.000Z', now)).toBe('Friday');
    expect(formatListTime('2026-01-15T10:00:00.000Z', now)).toBe('15 Jan 2026');
    expect(formatDayLabel('2026-03-02T00:00:00.000Z', now)).toBe('Today');
    expect(formatDayLabel('2026-03-01T00:00:00.000Z', now)).toBe('Yesterday');
    expect(formatDayLabel('2026-02-20T00:00:00.000Z', now)).toBe('Friday, 20 February 2026');
  });
});
