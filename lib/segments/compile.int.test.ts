import { asc } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { customers } from '@/db/schema';
import { useTestDatabase } from '@/lib/testing/database';
import { type TwoTenants, createTwoTenants } from '@/lib/testing/isolation';
import { bornOnOrBefore, segmentCondition } from './compile';
import { type FilterTree, segmentCriteriaSchema } from './filter-schema';

const test = useTestDatabase();
// Saturday 21 November 2026, 10:00 in Kuala Lumpur.
const NOW = new Date('2026-11-21T02:00:00Z');
let t: TwoTenants;

type Row = Partial<typeof customers.$inferInsert> & { name: string };
const rows: Row[] = [
  // 36 today; big spender in Selangor.
  { name: 'Aisyah', gender: 'F', maritalStatus: 'married', state: 'MY-10', tier: 'gold', consentStatus: 'granted', dateOfBirth: '1990-11-21', totalSpent: '2500.00', purchaseCount: 5, icHash: 'h1', lastPurchaseAt: new Date('2026-11-10T04:00:00Z'), lastInteractionAt: new Date('2026-11-20T04:00:00Z'), createdAt: new Date('2026-01-01T00:00:00+08:00') },
  // 35 until tomorrow.
  { name: 'Badrul', gender: 'M', maritalStatus: 'single', state: 'MY-14', tier: 'silver', consentStatus: 'withdrawn', dateOfBirth: '1990-11-22', totalSpent: '600.50', purchaseCount: 3, icHash: 'h2', lastPurchaseAt: new Date('2026-08-01T04:00:00Z'), lastInteractionAt: new Date('2026-08-01T04:00:00Z'), createdAt: new Date('2025-12-31T23:59:59+08:00') },
  // Nothing known but the name.
  { name: 'Chong', consentStatus: 'unknown', createdAt: new Date('2026-06-15T12:00:00+08:00') },
  // 18, pending, one purchase.
  { name: 'Devi', gender: 'F', maritalStatus: 'single', state: 'MY-07', consentStatus: 'pending', dateOfBirth: '2008-01-15', totalSpent: '45.90', purchaseCount: 1, lastPurchaseAt: new Date('2026-11-21T01:00:00Z'), lastInteractionAt: new Date('2026-11-21T01:00:00Z'), createdAt: new Date('2026-11-21T00:30:00+08:00') },
  // Anonymised customers never match a segment.
  { name: 'Anonymised customer', gender: 'F', consentStatus: 'withdrawn', anonymizedAt: new Date('2026-10-01T00:00:00Z') },
];

beforeAll(async () => {
  t = await createTwoTenants(test.db);
  await test.db.insert(customers).values(rows.map((r) => ({ tenantId: t.a.tenantId, ...r })));
  // The other tenant's Aisyah-alike must never appear.
  await test.db.insert(customers).values({ tenantId: t.b.tenantId, name: 'Other tenant', gender: 'F', state: 'MY-10', totalSpent: '9999.00', consentStatus: 'granted' });
});

async function matching(filter: unknown): Promise<string[]> {
  const { filter: tree } = segmentCriteriaSchema.parse({ filter });
  const found = await test.db.select({ name: customers.name }).from(customers).where(segmentCondition(t.a.tenantId, tree as FilterTree, NOW)).orderBy(asc(customers.name));
  return found.map((r) => r.name);
}

describe('segment filter on customers', () => {
  it.each<[string, unknown, string[]]>([
    ['gender eq', { field: 'gender', op: 'eq', value: 'F' }, ['Aisyah', 'Devi']],
    ['gender neq keeps the unknown', { field: 'gender', op: 'neq', value: 'F' }, ['Badrul', 'Chong']],
    ['state in', { field: 'state', op: 'in', value: ['MY-10', 'MY-07'] }, ['Aisyah', 'Devi']],
    ['state nin keeps the unknown', { field: 'state', op: 'nin', value: ['MY-10', 'MY-07'] }, ['Badrul', 'Chong']],
    ['maritalStatus isNull', { field: 'maritalStatus', op: 'isNull' }, ['Chong']],
    ['tier notNull (everyone has a tier)', { field: 'tier', op: 'eq', value: 'bronze' }, ['Chong', 'Devi']],
    ['consentStatus in', { field: 'consentStatus', op: 'in', value: ['granted', 'pending'] }, ['Aisyah', 'Devi']],
    ['totalSpent gte a decimal string', { field: 'totalSpent', op: 'gte', value: '600.50' }, ['Aisyah', 'Badrul']],
    ['totalSpent gt', { field: 'totalSpent', op: 'gt', value: 600.5 }, ['Aisyah']],
    ['totalSpent between', { field: 'totalSpent', op: 'between', value: [45.9, 600.5] }, ['Badrul', 'Devi']],
    ['totalSpent lt includes zero spenders', { field: 'totalSpent', op: 'lt', value: 50 }, ['Chong', 'Devi']],
    ['purchaseCount eq', { field: 'purchaseCount', op: 'eq', value: 0 }, ['Chong']],
    ['purchaseCount lte', { field: 'purchaseCount', op: 'lte', value: 3 }, ['Badrul', 'Chong', 'Devi']],
    ['averageSpend gte (Aisyah 500, Badrul 200.17 per purchase)', { field: 'averageSpend', op: 'gte', value: 300 }, ['Aisyah']],
    ['averageSpend isNull: never bought', { field: 'averageSpend', op: 'isNull' }, ['Chong']],
    ['age eq 36 counts a birthday today', { field: 'age', op: 'eq', value: 36 }, ['Aisyah']],
    ['age eq 35: birthday tomorrow', { field: 'age', op: 'eq', value: 35 }, ['Badrul']],
    ['age gte', { field: 'age', op: 'gte', value: 36 }, ['Aisyah']],
    ['age gt', { field: 'age', op: 'gt', value: 35 }, ['Aisyah']],
    ['age lt', { field: 'age', op: 'lt', value: 36 }, ['Badrul', 'Devi']],
    ['age lte', { field: 'age', op: 'lte', value: 35 }, ['Badrul', 'Devi']],
    ['age between inclusive', { field: 'age', op: 'between', value: [18, 35] }, ['Badrul', 'Devi']],
    ['age neq keeps the unknown', { field: 'age', op: 'neq', value: 36 }, ['Badrul', 'Chong', 'Devi']],
    ['age isNull', { field: 'age', op: 'isNull' }, ['Chong']],
    ['hasIc true', { field: 'hasIc', op: 'eq', value: true }, ['Aisyah', 'Badrul']],
    ['hasIc false', { field: 'hasIc', op: 'eq', value: false }, ['Chong', 'Devi']],
    ['lastPurchaseAt withinDays', { field: 'lastPurchaseAt', op: 'withinDays', value: 30 }, ['Aisyah', 'Devi']],
    ['lastPurchaseAt olderThanDays leaves out never-bought', { field: 'lastPurchaseAt', op: 'olderThanDays', value: 30 }, ['Badrul']],
    ['lastInteractionAt isNull', { field: 'lastInteractionAt', op: 'isNull' }, ['Chong']],
    ['createdAt gte a MYT day', { field: 'createdAt', op: 'gte', value: '2026-01-01' }, ['Aisyah', 'Chong', 'Devi']],
    ['createdAt lt a MYT day', { field: 'createdAt', op: 'lt', value: '2026-01-01' }, ['Badrul']],
    ['createdAt lte a day includes that whole day', { field: 'createdAt', op: 'lte', value: '2025-12-31' }, ['Badrul']],
    ['createdAt gt a day starts the next day', { field: 'createdAt', op: 'gt', value: '2026-11-20' }, ['Devi']],
    ['createdAt between days inclusive', { field: 'createdAt', op: 'between', value: ['2026-01-01', '2026-06-15'] }, ['Aisyah', 'Chong']],
    ['createdAt gte an exact time', { field: 'createdAt', op: 'gte', value: '2026-11-21T00:30:00+08:00' }, ['Devi']],
  ])('%s', async (_, filter, expected) => {
    expect(await matching(filter)).toEqual(expected);
  });

  it('combines and / or / not, and not is the exact complement even over unknown values', async () => {
    const women = { field: 'gender', op: 'eq', value: 'F' };
    expect(await matching({ not: women })).toEqual(['Badrul', 'Chong']);
    expect(await matching({ and: [women, { field: 'age', op: 'gte', value: 30 }] })).toEqual(['Aisyah']);
    expect(await matching({ or: [{ field: 'state', op: 'eq', value: 'MY-14' }, { and: [women, { not: { field: 'hasIc', op: 'eq', value: true } }] }] })).toEqual(['Badrul', 'Devi']);
    expect(await matching({ not: { not: { field: 'state', op: 'eq', value: 'MY-10' } } })).toEqual(['Aisyah']);
  });

  it.each<[string, unknown]>([
    ['an or over unknowns', { or: [{ field: 'gender', op: 'eq', value: 'F' }, { field: 'state', op: 'eq', value: 'MY-14' }] }],
    ['an and over unknowns', { and: [{ field: 'maritalStatus', op: 'eq', value: 'single' }, { field: 'age', op: 'lt', value: 30 }] }],
    ['a nested not', { and: [{ not: { field: 'state', op: 'in', value: ['MY-10'] } }, { or: [{ field: 'totalSpent', op: 'gte', value: 45.9 }, { field: 'lastInteractionAt', op: 'isNull' }] }] }],
    ['averageSpend on a customer without purchases', { field: 'averageSpend', op: 'lt', value: 300 }],
  ])('not(%s) holds exactly the customers the filter leaves out', async (_, filter) => {
    const everyone = ['Aisyah', 'Badrul', 'Chong', 'Devi'];
    const inside = await matching(filter);
    const outside = await matching({ not: filter });
    expect([...inside, ...outside].sort()).toEqual(everyone);
  });

  it('treats values as parameters, never as SQL', async () => {
    expect(await matching({ field: 'createdAt', op: 'gte', value: "2026-01-01'; drop table customers; --" }).catch((e: Error) => e.message)).toMatch(/Invalid|date/i);
    expect(await matching({ field: 'gender', op: 'in', value: ['F'] })).toEqual(['Aisyah', 'Devi']);
  });
});

describe('bornOnOrBefore', () => {
  it('moves back whole years on the Malaysian calendar and clamps 29 February', () => {
    expect(bornOnOrBefore(36, NOW)).toBe('1990-11-21');
    expect(bornOnOrBefore(1, new Date('2028-02-29T04:00:00Z'))).toBe('2027-02-28');
    expect(bornOnOrBefore(4, new Date('2028-02-29T04:00:00Z'))).toBe('2024-02-29');
  });
});
