import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { campaignRecipients, campaigns, consentEvents, contestEntries, contests, customers, purchases } from '@/db/schema';
import { type TestConversation, addTestMessage, createTestChannel, createTestConversation } from '@/lib/testing/factories';
import type { MemberContext } from '@/lib/testing/factories';

// A small tenant whose every figure is worked out by hand in analytics.int.test.ts.
// Times are Malaysian (+08:00); 23:59 and 00:01 fall on different days.
export const FIXTURE_NOW = new Date('2026-03-10T12:00:00+08:00');
const at = (s: string) => new Date(`${s}+08:00`);

export interface AnalyticsFixture {
  channelX: string;
  channelY: string;
  c1: TestConversation;
  c2: TestConversation;
  c3: TestConversation;
}

export async function seedAnalyticsFixture(db: Database, ctx: MemberContext): Promise<AnalyticsFixture> {
  const channelX = await createTestChannel(db, ctx, 'Shop');
  const channelY = await createTestChannel(db, ctx, 'Support');
  const c1 = await createTestConversation(db, ctx, { name: 'Aminah', channelId: channelX });
  const c2 = await createTestConversation(db, ctx, { name: 'Bala', channelId: channelY });
  const c3 = await createTestConversation(db, ctx, { name: 'Chin', channelId: channelX });
  const profile = async (c: TestConversation, values: Partial<typeof customers.$inferInsert>) =>
    db.update(customers).set(values).where(and(eq(customers.tenantId, ctx.tenantId), eq(customers.id, c.customerId)));
  await profile(c1, { createdAt: at('2026-03-01T10:00:00'), gender: 'F', dateOfBirth: '1990-05-01', state: 'MY-10', maritalStatus: 'married', tier: 'silver', totalSpent: '45.90' });
  await profile(c2, { createdAt: at('2026-03-01T23:59:00'), gender: 'M', dateOfBirth: '2010-03-11', totalSpent: '20.05' });
  await profile(c3, { createdAt: at('2026-03-02T00:01:00'), totalSpent: '10.00' });

  const human = { sentByUserId: ctx.userId };
  await addTestMessage(db, ctx, c1, { direction: 'inbound', createdAt: at('2026-03-01T23:59:00') });
  await addTestMessage(db, ctx, c1, { direction: 'inbound', createdAt: at('2026-03-02T00:01:00') });
  await addTestMessage(db, ctx, c1, { direction: 'outbound', createdAt: at('2026-03-02T00:01:30') });
  await addTestMessage(db, ctx, c1, { direction: 'outbound', createdAt: at('2026-03-02T00:03:00'), ...human });
  await addTestMessage(db, ctx, c2, { direction: 'inbound', createdAt: at('2026-03-02T10:00:00') });
  await addTestMessage(db, ctx, c2, { direction: 'outbound', createdAt: at('2026-03-03T11:00:00'), ...human });

  const consent = (c: TestConversation, status: 'pending' | 'granted' | 'withdrawn', source: 'notice' | 'keyword', time: string) => ({
    tenantId: ctx.tenantId, customerId: c.customerId, status, source, occurredAt: at(time),
  });
  await db.insert(consentEvents).values([
    consent(c1, 'pending', 'notice', '2026-03-01T10:05:00'),
    consent(c1, 'granted', 'keyword', '2026-03-01T10:10:00'),
    consent(c3, 'pending', 'notice', '2026-03-02T01:00:00'),
    consent(c2, 'pending', 'notice', '2026-03-02T09:00:00'),
    consent(c2, 'withdrawn', 'keyword', '2026-03-02T09:30:00'),
    consent(c1, 'withdrawn', 'keyword', '2026-03-03T08:00:00'),
  ]);

  const purchase = (c: TestConversation, purchasedOn: string, total: string, merchant: string) => ({ tenantId: ctx.tenantId, customerId: c.customerId, source: 'manual' as const, purchasedOn, total, merchant });
  await db.insert(purchases).values([purchase(c1, '2026-03-02', '45.90', 'Kedai Ali'), purchase(c3, '2026-03-02', '10.00', ' kedai ali '), purchase(c2, '2026-03-03', '20.05', 'Mydin')]);

  const [contest] = await db
    .insert(contests)
    .values({ tenantId: ctx.tenantId, name: 'Raya draw', prizes: [{ name: 'Hamper', quantity: 1 }], startsAt: at('2026-03-01T00:00:00'), endsAt: at('2026-03-31T00:00:00'), entryMethod: { type: 'any_message' } })
    .returning({ id: contests.id });
  if (!contest) throw new Error('contest insert returned nothing');
  await db.insert(contestEntries).values([
    { tenantId: ctx.tenantId, contestId: contest.id, customerId: c1.customerId, code: 'RAYA-1', createdAt: at('2026-03-02T23:59:00') },
    { tenantId: ctx.tenantId, contestId: contest.id, customerId: c2.customerId, code: 'RAYA-2', createdAt: at('2026-03-03T00:01:00') },
    { tenantId: ctx.tenantId, contestId: contest.id, customerId: c3.customerId, code: 'RAYA-3', createdAt: at('2026-03-03T00:02:00'), status: 'disqualified' },
  ]);

  const [campaign] = await db
    .insert(campaigns)
    .values({ tenantId: ctx.tenantId, name: 'March promo', type: 'marketing', channelId: channelX, status: 'running', message: { text: 'Hi' }, launchedAt: at('2026-03-01T09:00:00') })
    .returning({ id: campaigns.id });
  if (!campaign) throw new Error('campaign insert returned nothing');
  const sent = at('2026-03-01T09:01:00');
  await db.insert(campaignRecipients).values([
    { tenantId: ctx.tenantId, campaignId: campaign.id, customerId: c1.customerId, status: 'read', sentAt: sent, deliveredAt: sent, readAt: sent, clickedAt: sent, convertedAt: sent },
    { tenantId: ctx.tenantId, campaignId: campaign.id, customerId: c2.customerId, status: 'delivered', sentAt: sent, deliveredAt: sent },
    { tenantId: ctx.tenantId, campaignId: campaign.id, customerId: c3.customerId, status: 'failed', failedAt: sent },
  ]);
  return { channelX, channelY, c1, c2, c3 };
}
