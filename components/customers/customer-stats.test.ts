import { describe, expect, it } from 'vitest';
import { formatDuration } from './customer-stats';

describe('formatDuration', () => {
  it.each([
    [42, '42 s'],
    [240, '4 min'],
    [3600, '1 h'],
    [7500, '2 h 5 min'],
    [86_400 * 3 + 3600 * 4, '3 d 4 h'],
    [86_400, '1 d'],
  ])('%i s → %s', (seconds, expected) => {
    expect(formatDuration(seconds)).toBe(expected);
  });
});
