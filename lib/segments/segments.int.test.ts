import { type SQL, asc, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { customers } from '@/db/schema';
import { type MemberContext, addMember, auditActions } from '@/lib/testing/factories';
import { useTestDatabase } from '@/lib/testing/database';
import { type TwoTenants, createTwoTenants } from '@/lib/testing/isolation';
import { type SegmentCriteria, segmentCriteriaSchema } from './filter-schema';
import { countSegment, previewSegment, segmentsAudience } from './preview';
import { segmentInputSchema } from './schema';
import { createSegment, deleteSegment, getSegment, listSegments, segmentJson, updateSegment } from './segments';
import { criteriaFromSimple } from './simple';

const test = useTestDatabase();
// Saturday 21 November 2026, 10:00 in Kuala Lumpur.
const NOW = new Date('2026-11-21T02:00:00Z');
let t: TwoTenants;
let agent: MemberContext;

const criteria = (filter: unknown): SegmentCriteria => segmentCriteriaSchema.parse({ filter });
const women = criteria({ field: 'gender', op: 'eq', value: 'F' });
const input = (name: string, c: SegmentCriteria = women) => segmentInputSchema.parse({ name, criteria: c });

// Women in Selangor aged 25–40 who spent RM 100 or more.
const typical = criteriaFromSimple({ spend: { min: 100 }, age: { min: 25, max: 40 }, genders: ['F'], states: ['MY-10'] });

beforeAll(async () => {
  t = await createTwoTenants(test.db);
  agent = await addMember(test.db, t.a, 'agent');
  const day = (d: number) => new Date(Date.UTC(2026, 0, d, 4));
  const match = Array.from({ length: 12 }, (_, i) => ({ name: `Match ${String(i + 1).padStart(2, '0')}`, totalSpent: `${100 + i}.00`, createdAt: day(i + 1) }));
  const base = { gender: 'F' as const, state: 'MY-10', dateOfBirth: '1990-06-15', totalSpent: '500.00', purchaseCount: 2, consentStatus: 'granted' as const };
  await test.db.insert(customers).values(
    [
      ...match,
      { name: 'Man in Selangor', gender: 'M' as const, createdAt: day(20) },
      { name: 'Woman in Johor', state: 'MY-01', createdAt: day(21) },
      { name: 'Spent 99.99', totalSpent: '99.99', createdAt: day(22) },
      { name: 'Aged 41', dateOfBirth: '1985-11-20', createdAt: day(23) },
      { name: 'Aged 24, 25 tomorrow', dateOfBirth: '2001-11-22', createdAt: day(24) },
      { name: 'Age unknown', dateOfBirth: null, createdAt: day(25) },
      { name: 'Anonymised', anonymizedAt: day(26), createdAt: day(26) },
    ].map((c) => ({ tenantId: t.a.tenantId, ...base, ...c })),
  );
  await test.db.insert(customers).values({ tenantId: t.b.tenantId, ...base, name: 'Other tenant' });
});

describe('segments', () => {
  it('creates, reads, lists (newest first), updates and deletes a segment, with an audit trail', async () => {
    const first = await createSegment(test.db, t.a, segmentInputSchema.parse({ name: '  Loyal women  ', description: 'For the Raya promotion', criteria: women }));
    const second = await createSegment(test.db, t.a, input('Second'));

    expect(segmentJson(await getSegment(test.db, t.a, first.id))).toEqual({
      id: first.id,
      name: 'Loyal women',
      description: 'For the Raya promotion',
      criteria: women,
      createdAt: first.createdAt.toISOString(),
      updatedAt: first.updatedAt.toISOString(),
    });
    const listed = (await listSegments(test.db, t.a, { limit: 100 })).map((s) => s.id);
    expect(listed.indexOf(second.id)).toBeLessThan(listed.indexOf(first.id));

    const spenders = criteria({ field: 'totalSpent', op: 'gte', value: 100 });
    const updated = await updateSegment(test.db, t.a, first.id, { description: null, criteria: spenders });
    expect(updated).toMatchObject({ name: 'Loyal women', description: null, criteria: spenders });
    expect(updated.updatedAt.getTime()).toBeGreaterThanOrEqual(first.updatedAt.getTime());
    expect(updated.createdAt).toEqual(first.createdAt);

    await deleteSegment(test.db, t.a, first.id);
    await expect(getSegment(test.db, t.a, first.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(deleteSegment(test.db, t.a, first.id)).rejects.toMatchObject({ code: 'not_found' });
    expect(await auditActions(test.db, t.a.tenantId)).toEqual(expect.arrayContaining(['segment.created', 'segment.updated', 'segment.deleted']));
  });

  it('keeps names unique in the tenant ignoring case, also when two saves race', async () => {
    const vip = await createSegment(test.db, t.a, input('VIP buyers'));
    await expect(createSegment(test.db, t.a, input('vip BUYERS'))).rejects.toMatchObject({ code: 'conflict', fieldErrors: [{ field: 'name', message: expect.stringContaining('“VIP buyers”') }] });
    // Another tenant may use the name.
    await expect(createSegment(test.db, t.b, input('VIP buyers'))).resolves.toMatchObject({ name: 'VIP buyers' });

    const other = await createSegment(test.db, t.a, input('Lapsed'));
    await expect(updateSegment(test.db, t.a, other.id, { name: 'Vip Buyers' })).rejects.toMatchObject({ code: 'conflict' });
    // Its own name in other letters is fine.
    expect((await updateSegment(test.db, t.a, vip.id, { name: 'VIP Buyers' })).name).toBe('VIP Buyers');

    // Several saves at once (on PostgreSQL over several connections, opened first so the saves
    // do overlap): exactly one wins.
    await Promise.all(Array.from({ length: 5 }, () => test.db.execute(sql`select pg_sleep(0.05)`)));
    const results = await Promise.allSettled(['Raced', 'RACED', 'raced', 'Raced', 'rAced', 'RaCed'].map((name) => createSegment(test.db, t.a, input(name))));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((r) => r.status === 'rejected')) expect(r.reason).toMatchObject({ code: 'conflict' });
  });

  it('lets agents read and preview but not change segments', async () => {
    const segment = await createSegment(test.db, t.a, input('Read by agents'));

    await expect(createSegment(test.db, agent, input('By an agent'))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(updateSegment(test.db, agent, segment.id, { name: 'Renamed' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(deleteSegment(test.db, agent, segment.id)).rejects.toMatchObject({ code: 'forbidden' });
    expect((await getSegment(test.db, agent, segment.id)).name).toBe('Read by agents');
    expect((await listSegments(test.db, agent, { limit: 100 })).map((s) => s.id)).toContain(segment.id);
    expect((await previewSegment(test.db, agent, women, NOW)).count).toBeGreaterThan(0);
  });

  it("answers not_found for another tenant's segment, whatever the action", async () => {
    const segment = await createSegment(test.db, t.a, input('Tenant A only'));

    await expect(getSegment(test.db, t.b, segment.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(updateSegment(test.db, t.b, segment.id, { name: 'Taken over' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(deleteSegment(test.db, t.b, segment.id)).rejects.toMatchObject({ code: 'not_found' });
    expect((await getSegment(test.db, t.a, segment.id)).name).toBe('Tenant A only');
  });
});

describe('previewSegment', () => {
  it('counts every match and shows the newest ten, never anonymised customers or another tenant', async () => {
    if (!typical) throw new Error('expected criteria');
    const preview = await previewSegment(test.db, t.a, typical, NOW);

    expect(preview.count).toBe(12);
    expect(preview.sample.map((c) => c.name)).toEqual(['Match 12', 'Match 11', 'Match 10', 'Match 09', 'Match 08', 'Match 07', 'Match 06', 'Match 05', 'Match 04', 'Match 03']);
    expect(preview.sample[0]).toMatchObject({ gender: 'F', state: 'MY-10', age: 36, totalSpent: '111.00', consentStatus: 'granted', icNumberMasked: null });
    expect(await countSegment(test.db, t.a, typical, NOW)).toBe(12);
  });

  it('answers zero and an empty sample when nobody matches', async () => {
    expect(await previewSegment(test.db, t.a, criteria({ field: 'state', op: 'eq', value: 'MY-15' }), NOW)).toEqual({ count: 0, sample: [] });
  });
});

describe('segmentsAudience', () => {
  const names = async (where: SQL) =>
    (await test.db.select({ name: customers.name }).from(customers).where(where).orderBy(asc(customers.name))).map((r) => r.name);

  it('is the customers in any of the segments, as one condition for INSERT … SELECT', async () => {
    const men = await createSegment(test.db, t.a, input('Audience: men', criteria({ field: 'gender', op: 'eq', value: 'M' })));
    const johor = await createSegment(test.db, t.a, input('Audience: Johor', criteria({ field: 'state', op: 'eq', value: 'MY-01' })));

    expect(await names(await segmentsAudience(test.db, t.a, [men.id, johor.id, men.id], NOW))).toEqual(['Man in Selangor', 'Woman in Johor']);
    expect(await names(await segmentsAudience(test.db, t.a, [men.id], NOW))).toEqual(['Man in Selangor']);
    expect(await names(await segmentsAudience(test.db, t.a, [], NOW))).toEqual([]);
  });

  it("refuses an unknown segment or another tenant's", async () => {
    const theirs = await createSegment(test.db, t.b, input('Theirs'));

    await expect(segmentsAudience(test.db, t.a, [theirs.id], NOW)).rejects.toMatchObject({ code: 'not_found', fieldErrors: [{ field: 'segmentIds' }] });
  });
});
