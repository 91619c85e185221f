import { beforeAll, describe, expect, it } from 'vitest';
import { customers } from '@/db/schema';
import { seedBulkCustomers } from '@/db/seed/bulk-customers';
import { useTestDatabase } from '@/lib/testing/database';
import { createTestTenant } from '@/lib/testing/factories';
import { type TwoTenants, createTwoTenants } from '@/lib/testing/isolation';
import { COUNT_CAP, countCustomers, listCustomers } from './list';
import { customerListQuerySchema } from './list-query';

const test = useTestDatabase();
let t: TwoTenants;
// Every date below is relative to this moment (noon in Malaysia, 1 July 2026).
const now = new Date('2026-07-01T04:00:00.000Z');
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);
const ids: Record<string, string> = {};

// name → row; each is a distinct case for some filter or sort.
const people: Record<string, Partial<typeof customers.$inferInsert>> = {
  Aisyah: { phone: '+60123456789', state: 'MY-10', gender: 'F', maritalStatus: 'single', consentStatus: 'granted', dateOfBirth: '2000-07-01', lastInteractionAt: daysAgo(1), inboundCount: 5, outboundCount: 1 },
  'Tan Wei Ming': { phone: '+60198765432', state: 'MY-07', gender: 'M', maritalStatus: 'married', consentStatus: 'withdrawn', dateOfBirth: '1980-01-15', lastInteractionAt: daysAgo(40), inboundCount: 12, outboundCount: 9 },
  'priya a/p Raman': { phone: '+60161112222', state: 'MY-14', gender: 'F', maritalStatus: 'divorced', consentStatus: 'pending', dateOfBirth: '1995-12-31', lastInteractionAt: daysAgo(400), inboundCount: 1, outboundCount: 3 },
  'Kak Long 100%': { phone: '+60175550000', profileName: 'Kedai Kak Long', consentStatus: 'unknown', lastInteractionAt: null, inboundCount: 0, outboundCount: 0 },
  Alex: { phone: '+6591234567', birthCountry: 'Singapore', gender: 'NB', maritalStatus: 'widowed', consentStatus: 'granted', dateOfBirth: '2000-07-02', lastInteractionAt: daysAgo(7), inboundCount: 5, outboundCount: 2 },
};

const q = (params: Record<string, string> = {}) => customerListQuerySchema.parse(params);
const names = async (params: Record<string, string> = {}) => {
  const page = await listCustomers(test.db, t.a, q({ limit: '200', ...params }), now);
  return page.rows.map((r) => r.name);
};
const sorted = (list: string[]) => [...list].sort();

beforeAll(async () => {
  t = await createTwoTenants(test.db);
  let minute = 0;
  for (const [name, values] of Object.entries(people)) {
    minute += 1;
    const [row] = await test.db
      .insert(customers)
      .values({ tenantId: t.a.tenantId, name, createdAt: new Date(Date.UTC(2026, 0, 1, 0, minute)), ...values })
      .returning({ id: customers.id });
    ids[name] = row?.id ?? '';
  }
  // Another tenant's customer matches every filter A uses; it must never show.
  await test.db.insert(customers).values({ tenantId: t.b.tenantId, name: 'Aisyah of B', ...people.Aisyah });
});

describe('listCustomers filters', () => {
  it.each([
    [{ state: 'MY-10' }, ['Aisyah']],
    [{ state: 'MY-10,MY-14' }, ['Aisyah', 'priya a/p Raman']],
    [{ gender: 'F' }, ['Aisyah', 'priya a/p Raman']],
    [{ gender: 'NB,M' }, ['Alex', 'Tan Wei Ming']],
    [{ maritalStatus: 'widowed' }, ['Alex']],
    [{ consentStatus: 'granted' }, ['Aisyah', 'Alex']],
    [{ consentStatus: 'unknown,pending' }, ['Kak Long 100%', 'priya a/p Raman']],
    [{ state: 'MY-10', consentStatus: 'withdrawn' }, []],
  ])('%j', async (params, expected) => {
    expect(sorted(await names(params))).toEqual(sorted(expected));
  });

  it('filters by age in whole years in Malaysia, the day before and on a birthday, never matching an unknown age', async () => {
    // Aisyah turns 26 today (1 July); Alex turns 26 tomorrow.
    expect(sorted(await names({ ageMin: '26', ageMax: '26' }))).toEqual(['Aisyah']);
    expect(sorted(await names({ ageMax: '25' }))).toEqual(['Alex']);
    expect(sorted(await names({ ageMin: '30' }))).toEqual(['Tan Wei Ming', 'priya a/p Raman']);
    expect(sorted(await names({ ageMin: '0' }))).toEqual(sorted(['Aisyah', 'Alex', 'Tan Wei Ming', 'priya a/p Raman']));
  });

  it('filters by last interaction within N days, or none since a date (which includes never)', async () => {
    expect(sorted(await names({ lastInteractionWithinDays: '7' }))).toEqual(['Aisyah', 'Alex']);
    expect(sorted(await names({ lastInteractionWithinDays: '60' }))).toEqual(['Aisyah', 'Alex', 'Tan Wei Ming']);
    expect(sorted(await names({ lastInteractionBefore: '2026-06-01' }))).toEqual(sorted(['Kak Long 100%', 'Tan Wei Ming', 'priya a/p Raman']));
    expect(sorted(await names({ lastInteractionBefore: '2026-06-01', lastInteractionWithinDays: '60' }))).toEqual(['Tan Wei Ming']);
  });
});

describe('listCustomers search', () => {
  it.each([
    ['aisyah', ['Aisyah']],
    ['WEI', ['Tan Wei Ming']],
    ['kedai', ['Kak Long 100%']],
    ['100%', ['Kak Long 100%']],
    ['_', []],
    ['+60123456789', ['Aisyah']],
    ['60123456789', ['Aisyah']],
    ['012-345 6789', ['Aisyah']],
    ['(012) 3456789', ['Aisyah']],
    ['+65 9123 4567', ['Alex']],
    ['98765', ['Tan Wei Ming']],
    ['555', ['Kak Long 100%']],
    ['0123', ['Aisyah']],
    // Two digits are too few for a number: they are looked for in names.
    ['10', ['Kak Long 100%']],
  ])('finds %j', async (search, expected) => {
    expect(sorted(await names({ search }))).toEqual(sorted(expected));
  });

  it('keeps ?phone= as an exact look-up and refuses something that is not a number', async () => {
    expect(await names({ phone: '012-345 6789' })).toEqual(['Aisyah']);
    expect(await names({ phone: '+60111111111' })).toEqual([]);
    await expect(names({ phone: 'call me' })).rejects.toMatchObject({ code: 'validation', fieldErrors: [{ field: 'phone' }] });
  });
});

describe('listCustomers sorting', () => {
  it.each([
    [{}, ['Alex', 'Kak Long 100%', 'priya a/p Raman', 'Tan Wei Ming', 'Aisyah']],
    [{ sort: 'created', order: 'asc' }, ['Aisyah', 'Tan Wei Ming', 'priya a/p Raman', 'Kak Long 100%', 'Alex']],
    [{ sort: 'name' }, ['Aisyah', 'Alex', 'Kak Long 100%', 'priya a/p Raman', 'Tan Wei Ming']],
    [{ sort: 'name', order: 'desc' }, ['Tan Wei Ming', 'priya a/p Raman', 'Kak Long 100%', 'Alex', 'Aisyah']],
    [{ sort: 'lastInteraction' }, ['Aisyah', 'Alex', 'Tan Wei Ming', 'priya a/p Raman', 'Kak Long 100%']],
    [{ sort: 'lastInteraction', order: 'asc' }, ['Kak Long 100%', 'priya a/p Raman', 'Tan Wei Ming', 'Alex', 'Aisyah']],
    [{ sort: 'outbound' }, ['Tan Wei Ming', 'priya a/p Raman', 'Alex', 'Aisyah', 'Kak Long 100%']],
    [{ sort: 'outbound', order: 'asc' }, ['Kak Long 100%', 'Aisyah', 'Alex', 'priya a/p Raman', 'Tan Wei Ming']],
    // Youngest first, unknown age last either way.
    [{ sort: 'age' }, ['Alex', 'Aisyah', 'priya a/p Raman', 'Tan Wei Ming', 'Kak Long 100%']],
    [{ sort: 'age', order: 'desc' }, ['Tan Wei Ming', 'priya a/p Raman', 'Aisyah', 'Alex', 'Kak Long 100%']],
  ])('%j', async (params, expected) => {
    expect(await names(params)).toEqual(expected);
  });

  it('breaks ties by id, the same way in both directions', async () => {
    // Aisyah and Alex both have 5 inbound messages.
    const desc = await names({ sort: 'inbound' });
    const asc = await names({ sort: 'inbound', order: 'asc' });
    expect(desc[0]).toBe('Tan Wei Ming');
    expect(asc).toEqual([...desc].reverse());
  });
});

describe('listCustomers pages', () => {
  const sorts = ['created', 'name', 'lastInteraction', 'inbound', 'outbound', 'age'] as const;

  it.each(sorts.flatMap((sort) => (['asc', 'desc'] as const).map((order) => ({ sort, order }))))(
    'walks $sort $order two at a time forwards and back, the same rows as one page',
    async ({ sort, order }) => {
      const all = await names({ sort, order });
      const forward: string[][] = [];
      const cursors: (string | undefined)[] = [undefined];
      for (let cursor: string | undefined; ; ) {
        const page = await listCustomers(test.db, t.a, q({ sort, order, limit: '2', ...(cursor ? { cursor } : {}) }), now);
        forward.push(page.rows.map((r) => r.name));
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
        cursors.push(cursor);
      }
      expect(forward.flat()).toEqual(all);
      expect(forward.map((p) => p.length)).toEqual([2, 2, 1]);

      // Back from the last page: each previous page is the one seen on the way forward.
      const last = await listCustomers(test.db, t.a, q({ sort, order, limit: '2', cursor: cursors[2] ?? '' }), now);
      const middle = await listCustomers(test.db, t.a, q({ sort, order, limit: '2', cursor: last.prevCursor ?? '' }), now);
      expect(middle.rows.map((r) => r.name)).toEqual(forward[1]);
      const first = await listCustomers(test.db, t.a, q({ sort, order, limit: '2', cursor: middle.prevCursor ?? '' }), now);
      expect(first.rows.map((r) => r.name)).toEqual(forward[0]);
      expect(first.prevCursor).toBeNull();
      expect(first.nextCursor).not.toBeNull();
    },
  );

  it.each(sorts)('reads the same %s page whether it sorts every match or walks the sort index', async (sort) => {
    for (const order of ['asc', 'desc']) {
      const query = q({ sort, order, limit: '3' });
      const sorting = await listCustomers(test.db, t.a, query, now, { count: 5, capped: false });
      const walking = await listCustomers(test.db, t.a, query, now, { count: 5, capped: true });
      expect(walking).toEqual(sorting);
    }
  });

  it('has no previous page on the first page and no next page on the last', async () => {
    const page = await listCustomers(test.db, t.a, q({ limit: '10' }), now);
    expect(page).toMatchObject({ nextCursor: null, prevCursor: null });
  });

  it("refuses a cursor of another sort order and one it never issued", async () => {
    const { nextCursor } = await listCustomers(test.db, t.a, q({ sort: 'name', limit: '1' }), now);
    await expect(listCustomers(test.db, t.a, q({ sort: 'age', cursor: nextCursor ?? '' }), now)).rejects.toMatchObject({ code: 'validation', fieldErrors: [{ field: 'cursor' }] });
    await expect(listCustomers(test.db, t.a, q({ cursor: 'forged' }), now)).rejects.toMatchObject({ code: 'validation', fieldErrors: [{ field: 'cursor' }] });
  });
});

describe('countCustomers', () => {
  it('counts what the filters match, exactly up to the cap', async () => {
    expect(await countCustomers(test.db, t.a, q(), now)).toEqual({ count: 5, capped: false });
    expect(await countCustomers(test.db, t.a, q({ gender: 'F' }), now)).toEqual({ count: 2, capped: false });
  });

  it(`stops at ${COUNT_CAP.toLocaleString('en')} and says so`, async () => {
    const big = await createTestTenant(test.db, 'Kedai Besar');
    await seedBulkCustomers(test.db, { tenantId: big.tenantId, count: COUNT_CAP + 1 });

    expect(await countCustomers(test.db, big, q(), now)).toEqual({ count: COUNT_CAP, capped: true });
    // Past the cap the page walks the sort index: two pages of 50 are the first 100.
    const first = await listCustomers(test.db, big, q({ sort: 'name', limit: '50' }), now);
    const second = await listCustomers(test.db, big, q({ sort: 'name', limit: '50', cursor: first.nextCursor ?? '' }), now);
    const hundred = await listCustomers(test.db, big, q({ sort: 'name', limit: '100' }), now);
    expect([...first.rows, ...second.rows].map((r) => r.id)).toEqual(hundred.rows.map((r) => r.id));
    const lowered = hundred.rows.map((r) => r.name.toLowerCase());
    expect(lowered).toEqual([...lowered].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });
});

describe('seedBulkCustomers', () => {
  it('makes valid customers: E.164 numbers, known states and consent, masked ICs that match the profile', async () => {
    const tenant = await createTestTenant(test.db, 'Kedai Contoh');
    await seedBulkCustomers(test.db, { tenantId: tenant.tenantId, count: 2000 });
    const rows = (await listCustomers(test.db, tenant, { ...q(), limit: 2000 }, now)).rows;

    expect(rows).toHaveLength(2000);
    expect(new Set(rows.map((r) => r.phone)).size).toBe(2000);
    for (const r of rows) {
      expect(r.phone).toMatch(/^\+6011\d{8}$/);
      expect(r.state === null || /^MY-(0[1-9]|1[0-6])$/.test(r.state)).toBe(true);
      if (r.dateOfBirth) expect(r.icMasked?.slice(0, 6)).toBe(r.dateOfBirth.slice(2).replaceAll('-', ''));
      else expect(r.icMasked).toBeNull();
    }
    const share = (pred: (r: (typeof rows)[number]) => boolean) => rows.filter(pred).length / rows.length;
    expect(share((r) => r.consentStatus === 'granted')).toBeGreaterThan(0.5);
    expect(share((r) => r.dateOfBirth !== null)).toBeGreaterThan(0.5);
    const profiled = rows.filter((r) => r.dateOfBirth !== null);
    expect(profiled.filter((r) => r.state === 'MY-10').length / profiled.length).toBeGreaterThan(0.15);
  });
});
