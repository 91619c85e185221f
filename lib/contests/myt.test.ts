import { describe, expect, it } from 'vitest';
import { fromMytLocal, toMytLocal } from './myt';

describe('contest times in Malaysian time', () => {
  it('shows an instant as the Malaysian wall clock, whatever the zone it came in', () => {
    expect(toMytLocal('2026-03-31T16:00:00.000Z')).toBe('2026-04-01T00:00');
    expect(toMytLocal('2026-04-30T23:59:00+08:00')).toBe('2026-04-30T23:59');
  });

  it('sends the wall clock back with +08:00, and round-trips', () => {
    expect(fromMytLocal('2026-04-01T00:00')).toBe('2026-04-01T00:00:00+08:00');
    expect(new Date(fromMytLocal(toMytLocal('2026-12-31T16:30:00.000Z'))).toISOString()).toBe('2026-12-31T16:30:00.000Z');
    expect(fromMytLocal(' ')).toBe('');
  });
});
