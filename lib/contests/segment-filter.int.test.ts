import { beforeAll, describe, expect, it } from 'vitest';
import { segmentCriteriaSchema } from '@/lib/segments/filter-schema';
import { countSegment } from '@/lib/segments/preview';
import { useTestDatabase } from '@/lib/testing/database';
import { type TwoTenants, createTwoTenants } from '@/lib/testing/isolation';
import { createTestConversation } from '@/lib/testing/factories';
import { createEntry, disqualifyEntry } from './entries';
import { createTestContest } from './test-helpers';

// The segment condition "Contest entered": { field: 'contestId', op: 'eq' | 'neq', value }.

const test = useTestDatabase();
let t: TwoTenants;
let contestId: string;

const count = (filter: unknown, ctx = t.a) => countSegment(test.db, ctx, segmentCriteriaSchema.parse({ filter }));

beforeAll(async () => {
  t = await createTwoTenants(test.db);
  const contest = await createTestContest(test.db, t.a, { maxEntriesPerCustomer: 3 });
  contestId = contest.id;
  const [entered, twice, banned] = await Promise.all([0, 1, 2].map(() => createTestConversation(test.db, t.a)));
  await createTestConversation(test.db, t.a);
  const enter = (customerId: string) => test.db.transaction((tx) => createEntry(tx, contest, { customerId, now: new Date() }));
  await enter(entered!.customerId);
  await enter(twice!.customerId);
  await enter(twice!.customerId);
  const bannedEntry = await enter(banned!.customerId);
  if (bannedEntry.outcome !== 'entered') throw new Error('no entry');
  await disqualifyEntry(test.db, t.a, contest.id, bannedEntry.entry.id, 'Staff member');
  await createTestConversation(test.db, t.b);
});

describe('segments: contest entered', () => {
  it('counts customers with a valid entry (once each), and the complement', async () => {
    expect(await count({ field: 'contestId', op: 'eq', value: contestId })).toBe(2);
    expect(await count({ field: 'contestId', op: 'neq', value: contestId })).toBe(2);
    expect(await count({ not: { field: 'contestId', op: 'eq', value: contestId } })).toBe(2);
  });

  it("another tenant's contest id matches nobody there", async () => {
    expect(await count({ field: 'contestId', op: 'eq', value: contestId }, t.b)).toBe(0);
  });

  it('asks for a contest when the value is not an id', () => {
    const parsed = segmentCriteriaSchema.safeParse({ filter: { field: 'contestId', op: 'eq', value: '' } });
    expect(parsed.success ? [] : parsed.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['filter.value', 'Choose a contest.']]);
    expect(segmentCriteriaSchema.safeParse({ filter: { field: 'contestId', op: 'gt', value: contestId } }).success).toBe(false);
  });
});
