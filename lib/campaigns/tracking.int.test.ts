import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { campaignRecipients, consentEvents, customers, links, messages } from '@/db/schema';
import { buy, daysAgo } from '@/lib/purchases/test-helpers';
import { useTestDatabase } from '@/lib/testing/database';
import { type MemberContext, createTestTenant } from '@/lib/testing/factories';
import { applyStatuses } from '@/lib/whatsapp/ingest/apply-status';
import type { StatusValue } from '@/lib/whatsapp/types';
import { getCampaign } from './campaigns';
import { dispatchCampaign } from './dispatch';
import { recordLinkClick } from './links';
import { createCampaignChannel, createCampaignCustomers, fakeProvider, launchedCampaign, noWait, recipientRows } from './test-helpers';

const t = useTestDatabase();
let ctx: MemberContext;
let channelId: string;

beforeAll(async () => {
  ctx = await createTestTenant(t.db, 'Kedai Tracking');
  channelId = await createCampaignChannel(t.db, ctx);
});

// A campaign sent to `n` customers; answers its recipients with their messages' wamids.
async function sentCampaign(n: number, message = { text: 'Jualan! https://kedai.example/raya?x=1.' }) {
  const ids = await createCampaignCustomers(t.db, ctx, channelId, Array.from({ length: n }, () => ({ wroteHoursAgo: 1 })));
  const { ref } = await launchedCampaign(t.db, ctx, { name: `C ${crypto.randomUUID().slice(0, 6)}`, type: 'marketing', channelId, audience: { customerIds: ids }, message });
  const provider = fakeProvider();
  await dispatchCampaign(t.db, ref, { provider, sleep: noWait, origin: 'https://app.sembang.test' });
  const rows = await t.db
    .select({ id: campaignRecipients.id, customerId: campaignRecipients.customerId, wamid: messages.wamid })
    .from(campaignRecipients)
    .innerJoin(messages, eq(messages.id, campaignRecipients.messageId))
    .where(eq(campaignRecipients.campaignId, ref.campaignId));
  return { ref, rows, provider };
}

const status = (wamid: string, value: StatusValue, at: Date, errorCode: number | null = null) => ({
  channelId,
  update: { wamid, status: value, timestamp: at, recipientWaId: null, errorCode, errorTitle: errorCode ? `error ${errorCode}` : null },
});

describe('status webhooks', () => {
  it('move recipients forward only, in any order, and a late failure after delivery changes nothing', async () => {
    const { ref, rows } = await sentCampaign(3);
    const [a, b, c] = rows;
    const t0 = new Date('2026-11-20T10:00:00Z');
    const later = (s: number) => new Date(t0.getTime() + s * 1000);
    await t.db.transaction((tx) => applyStatuses(tx, ctx.tenantId, [status(a!.wamid!, 'read', later(5)), status(a!.wamid!, 'delivered', later(2)), status(b!.wamid!, 'delivered', later(1))]));
    await t.db.transaction((tx) => applyStatuses(tx, ctx.tenantId, [status(b!.wamid!, 'sent', later(0)), status(b!.wamid!, 'failed', later(3), 131000), status(c!.wamid!, 'failed', later(4), 131026)]));
    const byId = new Map((await recipientRows(t.db, ctx.tenantId, ref.campaignId)).map((r) => [r.id, r]));
    expect(byId.get(a!.id)).toMatchObject({ status: 'read', deliveredAt: later(2), readAt: later(5) });
    expect(byId.get(b!.id)).toMatchObject({ status: 'delivered', reason: null, errorCode: null });
    expect(byId.get(c!.id)).toMatchObject({ status: 'failed', reason: 'delivery_failed', errorCode: 131026 });
    const [undeliverable] = await t.db.select({ at: customers.undeliverableAt }).from(customers).where(eq(customers.id, c!.customerId));
    expect(undeliverable?.at).not.toBeNull();
    expect((await getCampaign(t.db, ctx, ref.campaignId)).stats).toMatchObject({ total: 3, sent: 2, delivered: 2, read: 1, failed: 1 });
  });

  it('a 131050 failure reported later withdraws marketing consent with an evidence row', async () => {
    const { rows } = await sentCampaign(1);
    await t.db.transaction((tx) => applyStatuses(tx, ctx.tenantId, [status(rows[0]!.wamid!, 'failed', new Date(), 131050)]));
    const [customer] = await t.db.select({ consent: customers.consentStatus }).from(customers).where(eq(customers.id, rows[0]!.customerId));
    expect(customer?.consent).toBe('withdrawn');
    const events = await t.db.select().from(consentEvents).where(eq(consentEvents.customerId, rows[0]!.customerId));
    expect(events).toMatchObject([{ status: 'withdrawn', source: 'meta_opt_out', keyword: 'error:131050' }]);
  });
});

describe('tracked links', () => {
  it('each recipient gets their own /l/{code}; a click redirects to the URL, counts and marks the first click', async () => {
    const { ref, rows, provider } = await sentCampaign(2);
    const sentText = provider.sends[0]!.text;
    const match = /https:\/\/app\.sembang\.test\/l\/([A-Za-z0-9]{10})\./.exec(sentText);
    expect(match).not.toBeNull();
    expect(sentText).not.toContain('kedai.example');
    const codes = await t.db.select().from(links).where(eq(links.campaignId, ref.campaignId));
    expect(codes).toHaveLength(2);
    expect(new Set(codes.map((l) => l.recipientId))).toEqual(new Set(rows.map((r) => r.id)));
    expect(codes.every((l) => l.url === 'https://kedai.example/raya?x=1')).toBe(true);

    const code = match![1]!;
    expect(await recordLinkClick(t.db, code)).toBe('https://kedai.example/raya?x=1');
    const [first] = await t.db.select().from(links).where(eq(links.code, code));
    await recordLinkClick(t.db, code);
    const [link] = await t.db.select().from(links).where(eq(links.code, code));
    expect(link).toMatchObject({ clickCount: 2, firstClickedAt: first!.firstClickedAt });
    const [clicked] = await t.db.select().from(campaignRecipients).where(eq(campaignRecipients.id, link!.recipientId!));
    expect(clicked?.clickedAt).toEqual(first!.firstClickedAt);
    expect((await getCampaign(t.db, ctx, ref.campaignId)).stats.clicked).toBe(1);
    expect(await recordLinkClick(t.db, 'nosuchcode')).toBeNull();
  });
});

describe('conversions', () => {
  it('a purchase converts the latest delivery within the attribution window, and only once', async () => {
    const { ref, rows } = await sentCampaign(3);
    const [inWindow, tooOld, converted] = rows;
    const deliveredDaysAgo = async (recipientId: string, days: number) =>
      t.db.update(campaignRecipients).set({ status: 'delivered', deliveredAt: sql`now() - ${days}::int * interval '1 day'` }).where(eq(campaignRecipients.id, recipientId));
    await deliveredDaysAgo(inWindow!.id, 6);
    await deliveredDaysAgo(tooOld!.id, 8);
    await deliveredDaysAgo(converted!.id, 1);

    const p1 = await buy(t.db, ctx, inWindow!.customerId, { total: '25.00' });
    await buy(t.db, ctx, tooOld!.customerId, { total: '30.00' });
    // Bought before the delivery (receipt dated three days ago): not converted by it.
    await buy(t.db, ctx, converted!.customerId, { total: '40.00', date: daysAgo(3) });
    const byId = new Map((await recipientRows(t.db, ctx.tenantId, ref.campaignId)).map((r) => [r.id, r]));
    expect(byId.get(inWindow!.id)).toMatchObject({ conversionPurchaseId: p1.ok ? p1.purchase.id : 'x' });
    expect(byId.get(inWindow!.id)?.convertedAt).not.toBeNull();
    expect(byId.get(tooOld!.id)?.convertedAt).toBeNull();
    expect(byId.get(converted!.id)?.convertedAt).toBeNull();

    // A second purchase keeps the first conversion.
    await buy(t.db, ctx, inWindow!.customerId, { total: '5.00', receiptNumber: 'R-2' });
    const [again] = await t.db.select().from(campaignRecipients).where(and(eq(campaignRecipients.id, inWindow!.id)));
    expect(again?.conversionPurchaseId).toBe(p1.ok ? p1.purchase.id : 'x');
    expect((await getCampaign(t.db, ctx, ref.campaignId)).stats.converted).toBe(1);
  });
});
