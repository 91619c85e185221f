import { describe, expect, it } from 'vitest';
import type { ContestJson } from '@/lib/contests/contests';
import { contestInputSchema } from '@/lib/contests/schema';
import { bodyFromDraft, draftFromContest, emptyDraft, errorsByField, inputIdOf } from './contest-draft';

describe('the contest form draft', () => {
  it('becomes an API body the create schema accepts, with Malaysian times', () => {
    const draft = { ...emptyDraft(), name: 'Raya', startsAt: '2026-04-01T00:00', endsAt: '2026-04-30T23:59', keyword: 'masuk raya', prizes: [{ name: 'Hamper', quantity: '3' }] };
    const parsed = contestInputSchema.parse(bodyFromDraft(draft));
    expect(parsed.startsAt.toISOString()).toBe('2026-03-31T16:00:00.000Z');
    expect(parsed.prizes).toEqual([{ name: 'Hamper', quantity: 3 }]);
    expect(parsed.entryMethod).toEqual({ type: 'keyword', keyword: 'masuk raya' });
    expect(parsed.requireConsent).toBe(true);
  });

  it('round-trips a saved contest', () => {
    const json: ContestJson = {
      id: 'x',
      name: 'Belanja',
      description: null,
      startsAt: '2026-04-01T01:30:00.000Z',
      endsAt: '2026-04-30T16:00:00.000Z',
      prizes: [{ name: 'Baucar', quantity: 2 }],
      maxEntriesPerCustomer: 1,
      termsUrl: null,
      entryMethod: { type: 'receipt', minSpend: '50.00' },
      requireConsent: true,
      segmentId: null,
      onePrizePerCustomer: true,
      claimInstructions: null,
      status: 'upcoming',
      entryCount: 0,
      createdAt: '2026-03-01T00:00:00.000Z',
      updatedAt: '2026-03-01T00:00:00.000Z',
    };
    const draft = draftFromContest(json);
    expect([draft.startsAt, draft.endsAt, draft.method, draft.minSpend, draft.prizes[0]?.quantity]).toEqual(['2026-04-01T09:30', '2026-05-01T00:00', 'receipt', '50.00', '2']);
    expect(contestInputSchema.parse(bodyFromDraft(draft)).startsAt.toISOString()).toBe(json.startsAt);
  });

  it('keeps the first message per field', () => {
    expect(errorsByField([{ field: 'name', message: 'a' }, { field: 'name', message: 'b' }, { field: 'prizes.0.name', message: 'c' }])).toEqual({ name: 'a', 'prizes.0.name': 'c' });
  });

  it('points each error at its control', () => {
    expect(['name', 'entryMethod.keyword', 'prizes.2.quantity', 'prizes.0.name', 'maxEntriesPerCustomer'].map(inputIdOf)).toEqual(['name', 'keyword', 'prize-2-quantity', 'prize-0', 'maxEntries']);
  });
});
