import { and, eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { campaignRecipients, channelSendPacing, customers, media, messages, segments } from '@/db/schema';
import { recordConsentChange } from '@/lib/consent/record';
import { useTestDatabase } from '@/lib/testing/database';
import { type MemberContext, createTestTenant } from '@/lib/testing/factories';
import { getCampaign, loadCampaign } from './campaigns';
import { claimRecipients } from './claim';
import { dispatchCampaign } from './dispatch';
import { fanOutCampaign } from './fan-out';
import { createCampaignChannel, createCampaignCustomers, fakeProvider, launchedCampaign, noWait, recipientRows } from './test-helpers';

const t = useTestDatabase();
let ctx: MemberContext;

beforeAll(async () => {
  ctx = await createTestTenant(t.db, 'Kedai Dispatch');
});

const text = (channelId: string, customerIds: string[], extra: object = {}) => ({
  name: `Campaign ${crypto.randomUUID().slice(0, 6)}`,
  type: 'marketing' as const,
  channelId,
  audience: { customerIds },
  message: { text: 'Hai {{first_name}}!' },
  ...extra,
});

describe('fan-out', () => {
  it('queues each customer once across segments and hand-picked ids, minus exclusions, with the others skipped and why', async () => {
    const channelId = await createCampaignChannel(t.db, ctx);
    const ids = await createCampaignCustomers(t.db, ctx, channelId, [
      { gender: 'F', wroteHoursAgo: 1 },
      { gender: 'F', wroteHoursAgo: 1 },
      { gender: 'F', wroteHoursAgo: 1, consent: 'withdrawn' },
      { gender: 'M', wroteHoursAgo: 1, consent: 'pending' },
      { gender: 'F', wroteHoursAgo: 30 },
      { gender: 'F', wroteHoursAgo: 1, undeliverable: true },
    ]);
    const [women] = await t.db.insert(segments).values({ tenantId: ctx.tenantId, name: `W ${crypto.randomUUID()}`, criteria: { filter: { and: [{ field: 'gender', op: 'eq', value: 'F' }, { field: 'createdAt', op: 'withinDays', value: 1 }] } } }).returning();
    const [again] = await t.db.insert(segments).values({ tenantId: ctx.tenantId, name: `W2 ${crypto.randomUUID()}`, criteria: { filter: { field: 'gender', op: 'in', value: ['F'] } } }).returning();
    const { ref } = await launchedCampaign(t.db, ctx, {
      ...text(channelId, [ids[0]!, ids[3]!]),
      audience: { segmentIds: [women!.id, again!.id], customerIds: [ids[0]!, ids[3]!], excludeCustomerIds: [ids[1]!] },
    });
    const rows = await recipientRows(t.db, ctx.tenantId, ref.campaignId);
    const byCustomer = new Map(rows.map((r) => [r.customerId, r]));
    expect(rows).toHaveLength(5);
    expect(byCustomer.has(ids[1]!)).toBe(false);
    expect(byCustomer.get(ids[0]!)).toMatchObject({ status: 'queued', reason: null });
    expect(byCustomer.get(ids[2]!)).toMatchObject({ status: 'skipped', reason: 'opted_out' });
    expect(byCustomer.get(ids[3]!)).toMatchObject({ status: 'skipped', reason: 'no_consent' });
    expect(byCustomer.get(ids[4]!)).toMatchObject({ status: 'skipped', reason: 'window_closed' });
    expect(byCustomer.get(ids[5]!)).toMatchObject({ status: 'skipped', reason: 'undeliverable' });

    // A second fan-out (a retried launch job) adds nobody.
    expect(await fanOutCampaign(t.db, await loadCampaign(t.db, ctx, ref.campaignId))).toEqual({ queued: 0, skipped: 0 });
    expect((await getCampaign(t.db, ctx, ref.campaignId)).stats).toMatchObject({ total: 5, queued: 1, skipped: 4 });
  });
});

describe('dispatch', () => {
  it('sends each queued recipient once as a normal outbound message and completes the campaign', async () => {
    const channelId = await createCampaignChannel(t.db, ctx, { rate: 50 });
    const ids = await createCampaignCustomers(t.db, ctx, channelId, Array.from({ length: 12 }, (_, i) => ({ name: `Aminah ${i}`, wroteHoursAgo: 1 })));
    const { ref } = await launchedCampaign(t.db, ctx, text(channelId, ids));
    const provider = fakeProvider();
    const result = await dispatchCampaign(t.db, ref, { provider, sleep: noWait });
    expect(result).toMatchObject({ sent: 12, skipped: 0, failed: 0, status: 'completed', next: null });
    expect(provider.sends.map((s) => s.text)).toContain('Hai Aminah!\n\nBalas STOP untuk berhenti menerima promosi. Reply STOP to stop promotions.');
    const rows = await recipientRows(t.db, ctx.tenantId, ref.campaignId);
    expect(rows.every((r) => r.status === 'sent' && r.messageId && r.sentAt && r.attempts === 1)).toBe(true);
    const sentMessages = await t.db.select().from(messages).where(and(eq(messages.tenantId, ctx.tenantId), inArray(messages.id, rows.map((r) => r.messageId!))));
    expect(sentMessages).toHaveLength(12);
    expect(sentMessages[0]).toMatchObject({ direction: 'outbound', type: 'text', status: 'pending', content: { campaignId: ref.campaignId } });
    const view = await getCampaign(t.db, ctx, ref.campaignId);
    expect(view).toMatchObject({ status: 'completed', stats: { total: 12, sent: 12, queued: 0 } });
  });

  it('re-checks consent at the moment of sending: a STOP recorded mid-campaign is skipped, not sent', async () => {
    // 10/s: recipients are claimed two at a time, 200 ms ahead of their slots (real waits, ~1 s).
    const channelId = await createCampaignChannel(t.db, ctx, { rate: 10 });
    const ids = await createCampaignCustomers(t.db, ctx, channelId, Array.from({ length: 10 }, () => ({ wroteHoursAgo: 1 })));
    const { ref } = await launchedCampaign(t.db, ctx, text(channelId, ids));
    // Recipients are claimed in id order: the last one is claimed about 600 ms after the first send.
    const last = (await recipientRows(t.db, ctx.tenantId, ref.campaignId)).sort((x, y) => (x.id < y.id ? -1 : 1)).at(-1)!;
    const stopper = last.customerId;
    let stopped = false;
    // While the first message is being sent, the last customer in the queue replies STOP.
    const provider = fakeProvider(async () => {
      if (stopped) return;
      stopped = true;
      await recordConsentChange(t.db, { tenantId: ctx.tenantId, customerId: stopper, status: 'withdrawn', source: 'keyword', keyword: 'STOP' });
    });
    const result = await dispatchCampaign(t.db, ref, { provider });
    expect(result).toMatchObject({ sent: 9, skipped: 1, status: 'completed' });
    const [stopperRow] = (await recipientRows(t.db, ctx.tenantId, ref.campaignId)).filter((r) => r.customerId === stopper);
    expect(stopperRow).toMatchObject({ status: 'skipped', reason: 'opted_out', messageId: null });
    const [stopperPhone] = await t.db.select({ waId: customers.waId }).from(customers).where(eq(customers.id, stopper));
    expect(provider.sends.some((s) => s.to.waId === stopperPhone?.waId)).toBe(false);
  });

  it('waits for a STOP being recorded at the moment of the claim and honours it', async () => {
    const channelId = await createCampaignChannel(t.db, ctx);
    const [customerId] = await createCampaignCustomers(t.db, ctx, channelId, [{ wroteHoursAgo: 1 }]);
    const { ref } = await launchedCampaign(t.db, ctx, text(channelId, [customerId!]));
    const campaign = await loadCampaign(t.db, ctx, ref.campaignId);
    const withdraw = (db: typeof t.db) => recordConsentChange(db, { tenantId: ctx.tenantId, customerId: customerId!, status: 'withdrawn', source: 'keyword', keyword: 'STOP' });
    let claim: ReturnType<typeof claimRecipients>;
    if (process.env.TEST_DATABASE_URL) {
      // PostgreSQL: the STOP's transaction holds the customer's row while the claim starts; the
      // claim waits for it (FOR SHARE) and sees the withdrawal, not the consent it replaced.
      let release = () => {};
      const gate = new Promise<void>((resolve) => (release = resolve));
      const stop = t.db.transaction(async (tx) => {
        await withdraw(tx);
        await gate;
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      claim = claimRecipients(t.db, campaign, 10);
      setTimeout(release, 200);
      await stop;
    } else {
      // Embedded PGlite is one connection: statements never overlap, the STOP simply commits first.
      await withdraw(t.db);
      claim = claimRecipients(t.db, campaign, 10);
    }
    expect(await claim).toEqual({ sending: [], skipped: 1 });
    expect((await recipientRows(t.db, ctx.tenantId, ref.campaignId))[0]).toMatchObject({ status: 'skipped', reason: 'opted_out' });
  });

  it('sends nobody twice across two dispatchers at once, a retried job and a crash mid-batch', async () => {
    const channelId = await createCampaignChannel(t.db, ctx, { rate: 100 });
    const ids = await createCampaignCustomers(t.db, ctx, channelId, Array.from({ length: 40 }, () => ({ wroteHoursAgo: 1 })));
    const { ref } = await launchedCampaign(t.db, ctx, text(channelId, ids));
    // A dispatcher claims 5 and dies before sending (its recipients stay 'sending').
    const crashed = await claimRecipients(t.db, await loadCampaign(t.db, ctx, ref.campaignId), 5);
    expect(crashed.sending).toHaveLength(5);
    const provider = fakeProvider();
    const [a, b] = await Promise.all([dispatchCampaign(t.db, ref, { provider, sleep: noWait }), dispatchCampaign(t.db, ref, { provider, sleep: noWait })]);
    expect(a.sent + b.sent).toBe(35);
    // The retried job finds nothing to send; the crashed batch is still within its lease.
    const retried = await dispatchCampaign(t.db, ref, { provider, sleep: noWait });
    expect(retried).toMatchObject({ sent: 0, status: 'running' });
    expect(retried.next).not.toBeNull();
    // After the lease, the crashed batch is failed as unknown_outcome — never sent.
    await t.db.update(campaignRecipients).set({ nextAttemptAt: sql`now() - interval '1 second'` }).where(and(eq(campaignRecipients.campaignId, ref.campaignId), eq(campaignRecipients.status, 'sending')));
    expect(await dispatchCampaign(t.db, ref, { provider, sleep: noWait })).toMatchObject({ sent: 0, status: 'completed' });
    const waIds = provider.sends.map((s) => s.to.waId);
    expect(new Set(waIds).size).toBe(35);
    expect(waIds).toHaveLength(35);
    const rows = await recipientRows(t.db, ctx.tenantId, ref.campaignId);
    expect(rows.filter((r) => r.status === 'failed').map((r) => r.reason)).toEqual(Array(5).fill('unknown_outcome'));
  });

  it('paces sends by reserved slots: 50 at 20/s span 2.45 s, shared by two campaigns on one channel', async () => {
    const channelId = await createCampaignChannel(t.db, ctx, { rate: 20 });
    const ids = await createCampaignCustomers(t.db, ctx, channelId, Array.from({ length: 50 }, () => ({ wroteHoursAgo: 1 })));
    const one = await launchedCampaign(t.db, ctx, text(channelId, ids.slice(0, 25)));
    const two = await launchedCampaign(t.db, ctx, text(channelId, ids.slice(25)));
    const slots: number[] = [];
    const onSlot = (_: string, at: Date) => slots.push(at.getTime());
    const provider = fakeProvider();
    await Promise.all([dispatchCampaign(t.db, one.ref, { provider, sleep: noWait, onSlot }), dispatchCampaign(t.db, two.ref, { provider, sleep: noWait, onSlot })]);
    slots.sort((x, y) => x - y);
    expect(slots).toHaveLength(50);
    expect(slots[49]! - slots[0]!).toBeGreaterThanOrEqual(2450 - 0.01);
    const gaps = slots.slice(1).map((s, i) => s - slots[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(50 - 0.01);
    const [pacing] = await t.db.select().from(channelSendPacing).where(eq(channelSendPacing.channelId, channelId));
    expect(pacing!.nextSlotAt.getTime()).toBeGreaterThanOrEqual(Math.floor(slots[49]! + 50 - 1));
  });

  it('stops at the end time: the rest are skipped as campaign_ended and the campaign completes', async () => {
    const channelId = await createCampaignChannel(t.db, ctx);
    const ids = await createCampaignCustomers(t.db, ctx, channelId, Array.from({ length: 3 }, () => ({ wroteHoursAgo: 1 })));
    const { ref } = await launchedCampaign(t.db, ctx, text(channelId, ids, { endsAt: new Date(Date.now() + 60_000).toISOString() }));
    await t.db.execute(sql`update campaigns set ends_at = now() - interval '1 second' where id = ${ref.campaignId}`);
    const provider = fakeProvider();
    expect(await dispatchCampaign(t.db, ref, { provider, sleep: noWait })).toMatchObject({ sent: 0, status: 'completed' });
    expect((await recipientRows(t.db, ctx.tenantId, ref.campaignId)).map((r) => r.reason)).toEqual(Array(3).fill('campaign_ended'));
    expect(provider.sends).toHaveLength(0);
  });

  // campaign_recipients has no foreign key to customers: a customer deleted while a fan-out that
  // already read them is still inserting leaves a recipient behind, which must not hold the campaign open.
  it('skips a recipient whose customer is gone as customer_deleted and still completes the campaign', async () => {
    const channelId = await createCampaignChannel(t.db, ctx);
    const ids = await createCampaignCustomers(t.db, ctx, channelId, Array.from({ length: 3 }, () => ({ wroteHoursAgo: 1 })));
    const { ref } = await launchedCampaign(t.db, ctx, text(channelId, ids));
    await t.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('sembang.erasure', 'on', true)`);
      await tx.delete(customers).where(and(eq(customers.tenantId, ctx.tenantId), eq(customers.id, ids[0]!)));
    });
    const provider = fakeProvider();
    expect(await dispatchCampaign(t.db, ref, { provider, sleep: noWait })).toMatchObject({ sent: 2, skipped: 1, status: 'completed' });
    const gone = (await recipientRows(t.db, ctx.tenantId, ref.campaignId)).find((r) => r.customerId === ids[0]);
    expect(gone).toMatchObject({ status: 'skipped', reason: 'customer_deleted' });
    expect(provider.sends).toHaveLength(2);
  });

  it('sends an image with the text as its caption through the channel’s provider (the sandbox here)', async () => {
    const channelId = await createCampaignChannel(t.db, ctx);
    const ids = await createCampaignCustomers(t.db, ctx, channelId, [{ wroteHoursAgo: 1 }]);
    const [image] = await t.db.insert(media).values({ tenantId: ctx.tenantId, mimeType: 'image/jpeg', status: 'stored', storageKey: 'x/raya.jpg' }).returning();
    const { ref } = await launchedCampaign(t.db, ctx, text(channelId, ids, { message: { text: 'Raya {{first_name}}', mediaId: image!.id } }));
    expect(await dispatchCampaign(t.db, ref, { sleep: noWait })).toMatchObject({ sent: 1, status: 'completed' });
    const [row] = await recipientRows(t.db, ctx.tenantId, ref.campaignId);
    const [message] = await t.db.select().from(messages).where(eq(messages.id, row!.messageId!));
    expect(message).toMatchObject({ type: 'image', mediaId: image!.id, text: expect.stringMatching(/^Raya Customer\n\nBalas STOP/), wamid: expect.stringMatching(/^wamid\.sandbox\./) });
  });
});
