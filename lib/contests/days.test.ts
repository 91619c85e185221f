import { describe, expect, it } from 'vitest';
import { everyDay } from './days';

describe('everyDay', () => {
  it('lists every Malaysian day of the contest so far, empty days as 0', () => {
    const days = everyDay([{ day: '2026-04-02', entries: 5 }], new Date('2026-04-01T00:00:00+08:00'), new Date('2026-04-30T23:59:00+08:00'), new Date('2026-04-03T20:00:00+08:00'));
    expect(days).toEqual([
      { day: '2026-04-01', entries: 0 },
      { day: '2026-04-02', entries: 5 },
      { day: '2026-04-03', entries: 0 },
    ]);
  });

  it('stops at the end (exclusive) and keeps the latest days when too many', () => {
    const days = everyDay([], new Date('2026-04-01T00:00:00+08:00'), new Date('2026-04-04T00:00:00+08:00'), new Date('2026-06-01T00:00:00Z'));
    expect(days.map((d) => d.day)).toEqual(['2026-04-01', '2026-04-02', '2026-04-03']);
    expect(everyDay([], new Date('2026-01-01T00:00:00Z'), new Date('2026-12-31T00:00:00Z'), new Date('2026-12-31T00:00:00Z'), 10)).toHaveLength(10);
  });
});
