import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { Database } from '@/db';
import { type CampaignMessage, type Customer, campaignRecipients, campaigns, channels, customers, segments, templates } from '@/db/schema';
import { businessName, customerVariables, renderForCustomer } from '@/lib/campaigns/render';
import { localJobClient } from '@/lib/jobs/local-driver';
import { todayInMalaysia } from '@/lib/mykad';
import { recordPurchase } from '@/lib/purchases/record';
import { addDays } from '@/lib/purchases/tiers';
import type { TenantContext } from '@/lib/tenants/context';

// Two finished campaigns and one scheduled, as the dispatch and the status webhooks would have
// left them: every demo customer in the audience has a recipient row; those without consent
// were skipped with the reason; the rest went sent → delivered → read (a few failed, a few
// clicked), and a conversion is a real purchase within the attribution window after delivery.
// Seeding twice adds nothing: a tenant with campaigns is left alone.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

interface Finished {
  key: string;
  name: string;
  objective: string;
  type: 'marketing' | 'service';
  message: CampaignMessage;
  daysAgo: number;
  // Per consenting recipient, by position: what happened to the message.
  outcome: (i: number) => 'failed' | 'sent' | 'delivered' | 'read' | 'clicked' | 'converted';
}

const deepavali: Finished = {
  key: 'deepavali',
  name: 'Deepavali: Kopi O separuh harga',
  objective: 'Bring regulars in during the Deepavali week.',
  type: 'marketing',
  message: { text: 'Selamat Hari Deepavali, {{first_name}}! Kopi O ais separuh harga di {{business_name}} sepanjang minggu ini. Tunjukkan mesej ini di kaunter.' },
  daysAgo: 24,
  outcome: (i) => (i === 3 ? 'failed' : i % 9 === 8 ? 'sent' : i % 4 === 2 ? 'delivered' : i % 5 === 0 ? 'converted' : i % 3 === 0 ? 'clicked' : 'read'),
};

const menu = (promoTemplateId: string): Finished => ({
  key: 'menu',
  name: 'Menu baharu: nasi lemak rendang',
  objective: 'Tell customers who like our news about the new dish.',
  type: 'marketing',
  message: { templateId: promoTemplateId, parameters: ['{{first_name}}', 'nasi lemak rendang at RM 9.90'] },
  daysAgo: 9,
  outcome: (i) => (i % 7 === 6 ? 'delivered' : i % 4 === 1 ? 'converted' : i % 3 === 2 ? 'sent' : 'read'),
});

const reached = { failed: 0, sent: 1, delivered: 2, read: 3, clicked: 4, converted: 5 } as const;

async function seedFinished(db: Database, ctx: TenantContext, channelId: string, audience: Customer[], plan: Finished, extra: { segmentId: string; templateBody?: string; business: string }) {
  const launchedAt = new Date(`${addDays(todayInMalaysia(), -plan.daysAgo)}T10:00:00+08:00`);
  const completedAt = new Date(launchedAt.getTime() + 6 * MINUTE);
  const [campaign] = await db
    .insert(campaigns)
    .values({ tenantId: ctx.tenantId, name: plan.name, objective: plan.objective, type: plan.type, channelId, status: 'completed', audience: { segmentIds: [extra.segmentId] }, message: plan.message, launchedAt, completedAt, createdByUserId: ctx.userId, createdAt: new Date(launchedAt.getTime() - 2 * HOUR), updatedAt: completedAt })
    .returning({ id: campaigns.id });
  if (!campaign) throw new Error('demo campaign was not created');
  let position = 0;
  for (const customer of audience) {
    const base = { tenantId: ctx.tenantId, campaignId: campaign.id, customerId: customer.id, queuedAt: launchedAt };
    if (customer.consentStatus !== 'granted') {
      await db.insert(campaignRecipients).values({ ...base, status: 'skipped', reason: customer.consentStatus === 'withdrawn' ? 'opted_out' : 'no_consent' });
      continue;
    }
    const i = position++;
    const outcome = plan.outcome(i);
    const step = reached[outcome];
    const sentAt = new Date(launchedAt.getTime() + 2_000 + i * 1_500);
    const deliveredAt = step >= 2 ? new Date(sentAt.getTime() + 3_000) : null;
    const readAt = step >= 3 ? new Date(sentAt.getTime() + (20 + ((i * 37) % 300)) * MINUTE) : null;
    const text = renderForCustomer(plan.message, plan.type, customerVariables(customer, extra.business), extra.templateBody).text;
    const [row] = await db
      .insert(campaignRecipients)
      .values({
        ...base,
        status: outcome === 'failed' ? 'failed' : step >= 3 ? 'read' : step === 2 ? 'delivered' : 'sent',
        ...(outcome === 'failed' ? { reason: 'undeliverable', errorCode: 131026, errorTitle: 'Message undeliverable', failedAt: sentAt, attempts: 1 } : { sentAt, attempts: 1 }),
        deliveredAt,
        readAt,
        clickedAt: step >= 4 && readAt ? new Date(readAt.getTime() + 2 * MINUTE) : null,
        renderedText: text,
      })
      .returning({ id: campaignRecipients.id });
    if (outcome !== 'converted' || !row || !deliveredAt) continue;
    // The purchase that converted them, two days after delivery.
    const bought = await recordPurchase(
      db,
      ctx,
      { customerId: customer.id, idempotencyKey: `demo-campaign:${plan.key}:${i}`, source: 'manual', date: addDays(todayInMalaysia(deliveredAt), 2), total: '18.50', merchant: 'Kedai Kopi Aisyah (Bangsar)', paymentMethod: 'DuitNow QR' },
      { jobs: localJobClient },
    );
    if (!bought.ok) throw new Error(`demo conversion ${plan.key}:${i} clashes with ${bought.existingPurchaseId}`);
    await db
      .update(campaignRecipients)
      .set({ convertedAt: new Date(`${bought.purchase.purchasedOn}T13:00:00+08:00`), conversionPurchaseId: bought.purchase.id })
      .where(and(eq(campaignRecipients.tenantId, ctx.tenantId), eq(campaignRecipients.id, row.id)));
  }
}

export async function seedDemoCampaigns(db: Database, ctx: TenantContext): Promise<void> {
  const [existing] = await db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.tenantId, ctx.tenantId)).limit(1);
  if (existing) return;
  const [channel] = await db.select({ id: channels.id }).from(channels).where(eq(channels.tenantId, ctx.tenantId)).orderBy(asc(channels.createdAt)).limit(1);
  const [promo] = await db.select().from(templates).where(and(eq(templates.tenantId, ctx.tenantId), eq(templates.name, 'weekly_promo'))).limit(1);
  if (!channel || !promo) throw new Error('the demo campaigns need the sandbox channel and the weekly_promo template');
  const people = await db
    .select()
    .from(customers)
    .where(and(eq(customers.tenantId, ctx.tenantId), isNotNull(customers.phone)))
    .orderBy(asc(customers.phone));
  const [everyone, consenting] = await db
    .insert(segments)
    .values([
      { tenantId: ctx.tenantId, name: 'Semua pelanggan WhatsApp', description: 'Everyone who has written to us.', criteria: { filter: { field: 'createdAt', op: 'notNull' } } },
      { tenantId: ctx.tenantId, name: 'Setuju terima promosi', description: 'Customers who agreed to marketing messages.', criteria: { filter: { field: 'consentStatus', op: 'eq', value: 'granted' } } },
    ])
    .returning({ id: segments.id });
  if (!everyone || !consenting) throw new Error('demo segments were not created');
  const business = await businessName(db, ctx.tenantId);
  await seedFinished(db, ctx, channel.id, people, deepavali, { segmentId: everyone.id, business });
  const granted = people.filter((c) => c.consentStatus === 'granted');
  await seedFinished(db, ctx, channel.id, granted, menu(promo.id), { segmentId: consenting.id, templateBody: promo.body, business });
  const start = new Date(`${addDays(todayInMalaysia(), 6)}T10:00:00+08:00`);
  await db.insert(campaigns).values({
    tenantId: ctx.tenantId,
    name: 'Jualan hujung tahun',
    objective: 'Clear the kek pandan stock before the new year.',
    type: 'marketing',
    channelId: channel.id,
    status: 'scheduled',
    audience: { segmentIds: [everyone.id] },
    message: { text: 'Hai {{first_name}}! Jualan hujung tahun di {{business_name}}: kek pandan 30% off, 26–31 Dis. Jumpa di kedai!' },
    scheduledAt: start,
    endsAt: new Date(start.getTime() + 12 * HOUR),
    createdByUserId: ctx.userId,
  });
}
