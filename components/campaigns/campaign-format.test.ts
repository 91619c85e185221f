import { describe, expect, it } from 'vitest';
import { emptyDraft } from './campaign-draft';
import { formatDuration, formatShortMalaysiaTime, progressPercent, scheduleSummary, triggerSummary } from './campaign-format';

describe('campaign words and numbers', () => {
  it('counts progress as the recipients no longer waiting, rounded down so 100 % means done', () => {
    expect(progressPercent({ total: 0, queued: 0 })).toBe(0);
    expect(progressPercent({ total: 3, queued: 1 })).toBe(66);
    expect(progressPercent({ total: 1000, queued: 1 })).toBe(99);
    expect(progressPercent({ total: 2, queued: 0 })).toBe(100);
  });

  it('says how long sending takes', () => {
    expect(formatDuration(0)).toBe('1 s');
    expect(formatDuration(42.2)).toBe('43 s');
    expect(formatDuration(61)).toBe('2 min');
    expect(formatDuration(3 * 3600 + 5 * 60)).toBe('3 h 5 min');
  });

  it('shows times in Malaysia whatever the browser’s zone', () => {
    expect(formatShortMalaysiaTime('2026-11-21T16:30:00Z')).toMatch(/^22 Nov,? 12:30\s?am$/i);
  });

  it('describes the schedule and the trigger', () => {
    const draft = { ...emptyDraft('c'), when: 'later' as const, startAt: '2026-11-22T09:00', endAt: '2026-11-22T21:00' };
    expect(scheduleSummary(draft)).toBe('Starts 2026-11-22 09:00 (Malaysia time); stops sending after 2026-11-22 21:00');
    expect(scheduleSummary({ ...draft, when: 'trigger', trigger: 'inactive', inactiveDays: '45', endAt: '' })).toBe('Automated: after 45 days without a message from the customer');
    expect(triggerSummary({ type: 'tier_up', tier: 'gold' })).toBe('When a customer reaches Gold');
  });
});
