import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { customers, purchases, tenants, tierChanges, users } from '@/db/schema';
import { expectStatsMatchPurchases } from '@/lib/purchases/test-helpers';
import { useTestDatabase } from '@/lib/testing/database';
import { DEMO_BUSINESS, demoLogins, seedDemo } from './demo';
import { seedDemoPurchases } from './demo-purchases';

const test = useTestDatabase();

describe('seedDemo purchases', () => {
  it('gives the demo customers purchases, every tier and a tier history, and adds nothing when run again', async () => {
    await seedDemo(test.db);
    const [tenant] = await test.db.select().from(tenants).where(eq(tenants.name, DEMO_BUSINESS));
    const [owner] = await test.db.select().from(users).where(eq(users.email, demoLogins.owner.email));
    const ctx = { tenantId: tenant!.id, tenantName: tenant!.name, role: 'owner' as const, userId: owner!.id, apiKeyId: null };

    const rows = await test.db.select().from(customers).where(eq(customers.tenantId, tenant!.id));
    expect(new Set(rows.map((c) => c.tier))).toEqual(new Set(['bronze', 'silver', 'gold', 'platinum']));
    expect(rows.every((c) => c.purchaseCount >= 2)).toBe(true);
    for (const c of rows.slice(0, 5)) await expectStatsMatchPurchases(test.db, ctx, c.id);
    expect(await test.db.$count(tierChanges, eq(tierChanges.tenantId, tenant!.id))).toBeGreaterThanOrEqual(6);

    const before = await test.db.$count(purchases, eq(purchases.tenantId, tenant!.id));
    await seedDemoPurchases(test.db, ctx);
    expect(await test.db.$count(purchases, eq(purchases.tenantId, tenant!.id))).toBe(before);
    const withItems = await test.db.select().from(purchases).where(and(eq(purchases.tenantId, tenant!.id), eq(purchases.source, 'manual'))).limit(1);
    expect(withItems[0]?.items.length).toBeGreaterThan(0);
  });
});
