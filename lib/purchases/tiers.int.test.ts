import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, customers, jobs, tierRules } from '@/db/schema';
import { provisionTenant } from '@/lib/tenants/provision';
import { useTestDatabase } from '@/lib/testing/database';
import { type MemberContext, addMember, createTestConversation, createTestTenant } from '@/lib/testing/factories';
import { saveTierSettings } from './save-tier-settings';
import { buy, customerRow, daysAgo, expectRecorded, tierHistory } from './test-helpers';
import { recomputeTiers } from './tier-recompute';
import { runDailyTierRecompute, startTierChain } from './tier-schedule';
import { getTierSettings, tierSettingsSchema } from './tier-settings';
import { addDays } from './tiers';

const test = useTestDatabase();
const DAY_MS = 86_400_000;

const defaults = { silver: '500', gold: '2000', platinum: '5000', basis: 'lifetime', tierUpMessage: 'false' } as const;

async function shopWithCustomers(spends: string[][]) {
  const shop = await createTestTenant(test.db, 'Kedai Tier');
  await provisionTenant(test.db, shop);
  const ids: string[] = [];
  for (const purchases of spends) {
    const { customerId } = await createTestConversation(test.db, shop);
    for (const spec of purchases) {
      const [total, ago] = spec.split('@');
      expectRecorded(await buy(test.db, shop, customerId, { total, date: daysAgo(Number(ago ?? 0)) }));
    }
    ids.push(customerId);
  }
  return { shop, ids };
}

const tiersOf = async (shop: MemberContext, ids: string[]) => Promise.all(ids.map(async (id) => (await customerRow(test.db, shop, id)).tier));

describe('tier rules', () => {
  it('are written at provisioning with the defaults, and a tenant without rows reads the defaults', async () => {
    const provisioned = await createTestTenant(test.db);
    await provisionTenant(test.db, provisioned);
    await provisionTenant(test.db, provisioned);
    const rows = await test.db.select({ tier: tierRules.tier, minSpend: tierRules.minSpend }).from(tierRules).where(eq(tierRules.tenantId, provisioned.tenantId));
    expect(Object.fromEntries(rows.map((r) => [r.tier, r.minSpend]))).toEqual({ bronze: '0.00', silver: '500.00', gold: '2000.00', platinum: '5000.00' });

    const bare = await createTestTenant(test.db);
    expect(await getTierSettings(test.db, bare.tenantId)).toEqual({ thresholds: { bronze: '0.00', silver: '500.00', gold: '2000.00', platinum: '5000.00' }, basis: 'lifetime', tierUpMessage: false });
  });
});

describe('saveTierSettings', () => {
  it('refuses thresholds that do not rise, naming the field', async () => {
    const { shop } = await shopWithCustomers([]);
    await expect(saveTierSettings(test.db, shop, { ...defaults, gold: '400' })).rejects.toMatchObject({ name: 'ZodError', issues: [{ path: ['gold'], message: expect.stringContaining('Gold must start above Silver') }] });
    await expect(saveTierSettings(test.db, shop, { ...defaults, silver: '0' })).rejects.toMatchObject({ issues: [{ path: ['silver'] }] });
    expect(tierSettingsSchema.safeParse({ ...defaults, basis: 'weekly' }).error?.issues.map((i) => i.path)).toEqual([['basis']]);
  });

  it('is for owners and admins only', async () => {
    const { shop } = await shopWithCustomers([]);
    await expect(saveTierSettings(test.db, await addMember(test.db, shop, 'agent'), defaults)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(saveTierSettings(test.db, await addMember(test.db, shop, 'admin'), defaults)).resolves.toEqual({ changed: 0 });
  });

  it("recomputes every customer's tier under the new rules in one go, with history, and only this tenant's", async () => {
    const { shop, ids } = await shopWithCustomers([['100'], ['600'], ['2500'], []]);
    const other = await shopWithCustomers([['600']]);
    expect(await tiersOf(shop, ids)).toEqual(['bronze', 'silver', 'gold', 'bronze']);

    const result = await saveTierSettings(test.db, shop, { silver: '50', gold: '500', platinum: '2500.00', basis: 'lifetime', tierUpMessage: 'on' });

    expect(result).toEqual({ changed: 3 });
    expect(await tiersOf(shop, ids)).toEqual(['silver', 'gold', 'platinum', 'bronze']);
    expect(await tierHistory(test.db, shop, ids[0]!)).toEqual([['bronze', 'silver', '100.00']]);
    expect(await tierHistory(test.db, shop, ids[2]!)).toEqual([
      ['bronze', 'gold', '2500.00'],
      ['gold', 'platinum', '2500.00'],
    ]);
    expect(await getTierSettings(test.db, shop.tenantId)).toEqual({ thresholds: { bronze: '0.00', silver: '50.00', gold: '500.00', platinum: '2500.00' }, basis: 'lifetime', tierUpMessage: true });
    expect(await tiersOf(other.shop, other.ids)).toEqual(['silver']);
    const [audit] = await test.db.select().from(auditLog).where(and(eq(auditLog.tenantId, shop.tenantId), eq(auditLog.action, 'tier_settings.updated')));
    expect(audit?.metadata).toMatchObject({ tiersChanged: 3, after: { silver: '50.00', tierBasis: 'lifetime', tierUpMessage: true } });
  });

  it('on the last-12-months basis counts only purchases of the past 12 months for the tier, while the total stays lifetime', async () => {
    const { shop, ids } = await shopWithCustomers([['600@400'], ['300@400', '500@10']]);
    expect(await tiersOf(shop, ids)).toEqual(['silver', 'silver']);

    expect(await saveTierSettings(test.db, shop, { ...defaults, basis: 'last_12_months' })).toEqual({ changed: 1 });
    expect(await tiersOf(shop, ids)).toEqual(['bronze', 'silver']);
    expect((await customerRow(test.db, shop, ids[0]!)).totalSpent).toBe('600.00');
    expect(await tierHistory(test.db, shop, ids[0]!)).toEqual([
      ['bronze', 'silver', '600.00'],
      ['silver', 'bronze', '0.00'],
    ]);
    // A new purchase is judged on the same basis.
    const result = expectRecorded(await buy(test.db, shop, ids[0]!, { total: '450', date: daysAgo(1) }));
    expect(result.customer).toMatchObject({ totalSpent: '1050.00', tier: 'bronze' });
  });
});

describe('the daily tier job (last 12 months)', () => {
  it("lowers the tiers of customers whose purchases left the window, books tomorrow's run, and does nothing on the lifetime basis", async () => {
    const { shop, ids } = await shopWithCustomers([['600@360'], ['600@300'], ['100@360']]);
    await saveTierSettings(test.db, shop, { ...defaults, basis: 'last_12_months' });
    expect(await tiersOf(shop, ids)).toEqual(['silver', 'silver', 'bronze']);

    // Ten days on, the first customer's purchase is 370 days old.
    const later = new Date(Date.now() + 10 * DAY_MS);
    const day = addDays(daysAgo(0), 10);
    expect(await runDailyTierRecompute(test.db, { tenantId: shop.tenantId, day }, { now: later })).toBe(1);
    expect(await tiersOf(shop, ids)).toEqual(['bronze', 'silver', 'bronze']);
    expect(await runDailyTierRecompute(test.db, { tenantId: shop.tenantId, day }, { now: later })).toBe(0);
    const booked = await test.db.select().from(jobs).where(eq(jobs.dedupeKey, `tiers-daily:${shop.tenantId}:${addDays(day, 1)}`));
    expect(booked).toMatchObject([{ name: 'purchases/tiers.daily', runAt: new Date(`${addDays(day, 1)}T00:15:00+08:00`) }]);

    const lifetime = await shopWithCustomers([['600@360']]);
    expect(await recomputeTiers(test.db, lifetime.shop.tenantId, { now: later, scope: 'window_expired' })).toBe(0);
    expect(await tiersOf(lifetime.shop, lifetime.ids)).toEqual(['silver']);
  });

  it('starts one chain per tenant and day, however often it is started', async () => {
    const { shop } = await shopWithCustomers([]);
    const now = new Date();
    await startTierChain(test.db, shop.tenantId, now);
    await startTierChain(test.db, shop.tenantId, now);
    const rows = await test.db.select().from(jobs).where(and(eq(jobs.name, 'purchases/tiers.daily'), eq(jobs.dedupeKey, `tiers-daily:${shop.tenantId}:${daysAgo(0)}`)));
    expect(rows).toHaveLength(1);
  });

  it('recomputes set-based without touching customers whose tier is right', async () => {
    const { shop, ids } = await shopWithCustomers([['600'], ['10']]);
    const before = await Promise.all(ids.map((id) => customerRow(test.db, shop, id)));
    expect(await recomputeTiers(test.db, shop.tenantId, { now: new Date(), scope: 'all' })).toBe(0);
    const after = await test.db.select({ id: customers.id, updatedAt: customers.updatedAt }).from(customers).where(eq(customers.tenantId, shop.tenantId));
    expect(after.map((r) => r.updatedAt.getTime()).sort()).toEqual(before.map((r) => r.updatedAt.getTime()).sort());
  });
});
