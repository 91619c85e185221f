import { and, eq, isNotNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { campaignRecipients, campaigns, purchases, tenants, users } from '@/db/schema';
import { getCampaign } from '@/lib/campaigns/campaigns';
import { useTestDatabase } from '@/lib/testing/database';
import { DEMO_BUSINESS, demoLogins, seedDemo } from './demo';
import { seedDemoCampaigns } from './demo-campaigns';

const test = useTestDatabase();

describe('seedDemo campaigns', () => {
  it('gives the demo two finished campaigns with consistent funnels and one scheduled, and adds nothing when run again', async () => {
    await seedDemo(test.db);
    const [tenant] = await test.db.select().from(tenants).where(eq(tenants.name, DEMO_BUSINESS));
    const [owner] = await test.db.select().from(users).where(eq(users.email, demoLogins.owner.email));
    const ctx = { tenantId: tenant!.id, tenantName: tenant!.name, role: 'owner' as const, userId: owner!.id, apiKeyId: null };
    const rows = await test.db.select().from(campaigns).where(eq(campaigns.tenantId, ctx.tenantId));
    expect(rows.map((c) => c.status).sort()).toEqual(['completed', 'completed', 'scheduled']);

    for (const row of rows.filter((c) => c.status === 'completed')) {
      const { stats } = await getCampaign(test.db, ctx, row.id);
      // A funnel: each step within the one before, and everyone accounted for.
      expect(stats.total).toBeGreaterThan(5);
      expect(stats.queued).toBe(0);
      expect(stats.sent + stats.failed + stats.skipped).toBe(stats.total);
      expect(stats.delivered).toBeLessThanOrEqual(stats.sent);
      expect(stats.read).toBeLessThanOrEqual(stats.delivered);
      expect(stats.clicked).toBeLessThanOrEqual(stats.read);
      expect(stats.converted).toBeGreaterThan(0);
      expect(stats.converted).toBeLessThanOrEqual(stats.delivered);
    }
    // Every conversion is a purchase by that recipient within 7 days after delivery.
    const conversions = await test.db
      .select({ deliveredAt: campaignRecipients.deliveredAt, purchasedOn: purchases.purchasedOn, buyer: purchases.customerId, recipient: campaignRecipients.customerId })
      .from(campaignRecipients)
      .innerJoin(purchases, eq(purchases.id, campaignRecipients.conversionPurchaseId))
      .where(and(eq(campaignRecipients.tenantId, ctx.tenantId), isNotNull(campaignRecipients.convertedAt)));
    expect(conversions.length).toBeGreaterThan(0);
    for (const c of conversions) {
      expect(c.buyer).toBe(c.recipient);
      const days = (Date.parse(`${c.purchasedOn}T00:00:00+08:00`) - c.deliveredAt!.getTime()) / 86_400_000;
      expect(days).toBeGreaterThan(0);
      expect(days).toBeLessThan(7);
    }

    const before = await test.db.$count(campaignRecipients, eq(campaignRecipients.tenantId, ctx.tenantId));
    await seedDemoCampaigns(test.db, ctx);
    expect(await test.db.$count(campaigns, eq(campaigns.tenantId, ctx.tenantId))).toBe(3);
    expect(await test.db.$count(campaignRecipients, eq(campaignRecipients.tenantId, ctx.tenantId))).toBe(before);
  });
});
