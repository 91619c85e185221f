import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, eachDay, previousRange } from './days';
import { RESPONSE_BUCKET_LIMITS, medianFromBuckets } from './response-buckets';

describe('medianFromBuckets', () => {
  it('answers the upper edge of the bucket holding the middle thread, or null without threads', () => {
    expect(medianFromBuckets(new Map())).toBeNull();
    // 1 thread within a minute, 1 within 2 minutes, 3 within 5 minutes: the 3rd of 5 is ≤ 5 min.
    expect(medianFromBuckets(new Map([[0, 1], [1, 1], [4, 3]]))).toBe(300);
    // An even count takes the lower middle.
    expect(medianFromBuckets(new Map([[1, 1], [3, 1]]))).toBe(120);
    expect(RESPONSE_BUCKET_LIMITS.at(-1)).toBe(86_400);
  });
});

describe('Malaysian day ranges', () => {
  it('counts days across months and gives the previous period of the same length', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(daysBetween('2026-03-01', '2026-03-31')).toBe(31);
    expect(eachDay('2026-12-31', '2027-01-02')).toEqual(['2026-12-31', '2027-01-01', '2027-01-02']);
    expect(previousRange({ from: '2026-03-01', to: '2026-03-31' })).toEqual({ from: '2026-01-29', to: '2026-02-28' });
  });
});
