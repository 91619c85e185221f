import { describe, expect, it } from 'vitest';
import { nextDay, retentionJob, retentionRunAt } from './retention-schedule';

describe('retention schedule', () => {
  it('steps to the next day across month and year ends', () => {
    expect(nextDay('2026-02-28')).toBe('2026-03-01');
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
  });

  it('runs each day at 03:00 Malaysia time under a key naming the tenant and the day', () => {
    expect(retentionRunAt('2027-01-01').toISOString()).toBe('2026-12-31T19:00:00.000Z');
    expect(retentionJob('t-1', '2027-01-01')).toEqual({
      name: 'pdpa/retention.daily',
      data: { tenantId: 't-1', day: '2027-01-01' },
      runAt: new Date('2026-12-31T19:00:00.000Z'),
      dedupeKey: 'pdpa-retention:t-1:2027-01-01',
    });
  });
});
