import { randomBytes, randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { conversations, customers, jobs, messages, webhookEvents } from '@/db/schema';
import { localJobClient } from '@/lib/jobs/local-driver';
import { useTestDatabase } from '@/lib/testing/database';
import { createSignedCloudChannel, createTestTenant, type MemberContext } from '@/lib/testing/factories';
import { signPayload } from '@/lib/whatsapp/webhook/signature';
import { acceptWebhookDelivery } from './accept-delivery';
import { processWebhookDeliveries, UnmatchedStatusError } from './process-delivery';
import { type Json, delivery, statusValue, textMessage, unix } from './test-payloads';

// Many stored deliveries processed by one job run, as the webhook's micro-batches queue them.

const t = useTestDatabase();
const appSecret = randomBytes(16).toString('hex');
let tenant: MemberContext;
let channelId: string;
let phoneNumberId: string;

const addChannel = (tenantId: string) => createSignedCloudChannel(t.db, tenantId, appSecret);

// Stores deliveries as the fast path would, without queueing their job: the test runs it.
async function store(values: Json[], receivedAt?: Date): Promise<string[]> {
  const rows = await t.db
    .insert(webhookEvents)
    .values(values.map((value) => ({ tenantId: tenant.tenantId, channelId, payload: JSON.parse(delivery(phoneNumberId, value)) as unknown, receivedAt })))
    .returning({ id: webhookEvents.id });
  return rows.map((r) => r.id);
}

const runBatch = (webhookEventIds: string[]) => processWebhookDeliveries(t.db, { tenantId: tenant.tenantId, webhookEventIds }, localJobClient);
const customerByWaId = async (waId: string) => (await t.db.select().from(customers).where(and(eq(customers.tenantId, tenant.tenantId), eq(customers.waId, waId))))[0];
const wamidsOf = async (waId: string) =>
  (await t.db.select({ wamid: messages.wamid }).from(messages).innerJoin(customers, eq(customers.id, messages.customerId)).where(and(eq(customers.tenantId, tenant.tenantId), eq(customers.waId, waId)))).map((m) => m.wamid!);
const messageByWamid = async (wamid: string) => (await t.db.select().from(messages).where(eq(messages.wamid, wamid)))[0];
const processedAt = async (ids: string[]) => (await t.db.select({ id: webhookEvents.id, at: webhookEvents.processedAt, error: webhookEvents.error }).from(webhookEvents).where(inArray(webhookEvents.id, ids)));

async function outbound(wamid: string) {
  const [customer] = await t.db.insert(customers).values({ tenantId: tenant.tenantId, name: 'Out', waId: `6019${randomUUID().replace(/\D/g, '').slice(0, 7)}` }).returning();
  const [conversation] = await t.db.insert(conversations).values({ tenantId: tenant.tenantId, channelId, customerId: customer!.id }).returning();
  await t.db.insert(messages).values({ tenantId: tenant.tenantId, channelId, conversationId: conversation!.id, customerId: customer!.id, direction: 'outbound', type: 'text', text: 'hi', status: 'pending', wamid });
}

beforeAll(async () => {
  tenant = await createTestTenant(t.db);
  ({ id: channelId, phoneNumberId } = await addChannel(tenant.tenantId));
});

describe('accepting deliveries together', () => {
  it('queues each tenant its own processing job, covering every stored delivery once', async () => {
    const other = await createTestTenant(t.db, 'Kedai Lain');
    const otherChannel = await addChannel(other.tenantId);
    const bodies = [delivery(phoneNumberId, textMessage('60121110001', 'a')), delivery(otherChannel.phoneNumberId, textMessage('60121110002', 'b')), delivery(phoneNumberId, textMessage('60121110003', 'c'))];
    const before = new Set((await t.db.select({ id: jobs.id }).from(jobs)).map((j) => j.id));
    await Promise.all(bodies.map((body) => acceptWebhookDelivery(t.db, body, signPayload(body, appSecret), localJobClient)));

    const queued = (await t.db.select().from(jobs).where(eq(jobs.name, 'whatsapp/webhook.received'))).filter((j) => !before.has(j.id));
    const stored = await t.db.select({ id: webhookEvents.id, tenantId: webhookEvents.tenantId }).from(webhookEvents).where(inArray(webhookEvents.channelId, [channelId, otherChannel.id]));
    for (const ctx of [tenant, other]) {
      const ids = queued.filter((j) => j.tenantId === ctx.tenantId).flatMap((j) => (j.payload as { webhookEventIds: string[] }).webhookEventIds);
      expect(ids.sort()).toEqual(stored.filter((e) => e.tenantId === ctx.tenantId).map((e) => e.id).sort());
    }
    expect(queued.every((j) => (j.payload as { tenantId: string }).tenantId === j.tenantId)).toBe(true);
  });
});

describe('processing a batch', () => {
  it('stores each message once, counts only new ones, keeps the newest preview and queues one automations job for the batch’s new messages', async () => {
    const first = `wamid.${randomUUID()}`;
    const older = `wamid.${randomUUID()}`;
    const ids = await store([
      textMessage('60122220001', 'newest', { wamid: first, at: '2026-11-21T09:00:00Z' }),
      textMessage('60122220001', 'older', { wamid: older, name: 'Mei Ling', at: '2026-11-21T08:59:00Z' }),
      textMessage('60122220001', 'newest', { wamid: first, at: '2026-11-21T09:00:00Z' }),
      textMessage('60122220002', 'someone else', { name: 'Ravi' }),
    ]);
    expect(await runBatch(ids)).toMatchObject({ processed: 4, created: 3 });

    const customer = await customerByWaId('60122220001');
    // Named from the first message (no profile name); the later profile name is kept as such.
    expect(customer).toMatchObject({ name: 'Customer 0001', profileName: 'Mei Ling', phone: '+60122220001', inboundCount: 2 });
    expect(customer?.lastInteractionAt?.toISOString()).toBe('2026-11-21T09:00:00.000Z');
    expect(await t.db.$count(messages, and(eq(messages.customerId, customer!.id), eq(messages.direction, 'inbound')))).toBe(2);
    const [conversation] = await t.db.select().from(conversations).where(eq(conversations.customerId, customer!.id));
    expect(conversation).toMatchObject({ unreadCount: 2, lastMessagePreview: 'newest', status: 'open' });
    expect(conversation?.lastMessageAt.toISOString()).toBe('2026-11-21T09:00:00.000Z');
    expect(conversation?.lastInboundAt?.toISOString()).toBe('2026-11-21T09:00:00.000Z');
    expect((await customerByWaId('60122220002'))?.name).toBe('Ravi');

    const newIds = (await t.db.select({ id: messages.id }).from(messages).where(inArray(messages.wamid, [first, older, ...(await wamidsOf('60122220002'))]))).map((m) => m.id);
    const received = (await t.db.select().from(jobs).where(eq(jobs.name, 'whatsapp/message.received'))).filter((j) => (j.payload as { messageIds: string[] }).messageIds.some((id) => newIds.includes(id)));
    expect(received).toHaveLength(1);
    expect(received[0]?.payload).toEqual({ tenantId: tenant.tenantId, messageIds: expect.arrayContaining(newIds) });
    expect((received[0]?.payload as { messageIds: string[] }).messageIds).toHaveLength(3);
    expect((await processedAt(ids)).every((e) => e.at !== null && e.error === null)).toBe(true);

    // A second run (a retried job) finds everything processed and changes nothing.
    expect(await runBatch(ids)).toMatchObject({ processed: 0, created: 0 });
    expect((await customerByWaId('60122220001'))?.inboundCount).toBe(2);
  });

  it('does not let a late redelivery of an old message become the preview', async () => {
    const [newer] = await store([textMessage('60122220003', 'new', { at: '2026-11-21T10:00:00Z' })]);
    await runBatch([newer!]);
    await runBatch(await store([textMessage('60122220003', 'old', { at: '2026-11-21T07:00:00Z' })]));
    const customer = await customerByWaId('60122220003');
    const [conversation] = await t.db.select().from(conversations).where(eq(conversations.customerId, customer!.id));
    expect(conversation).toMatchObject({ unreadCount: 2, lastMessagePreview: 'new' });
  });

  it('applies several statuses for one message in one batch as if one by one', async () => {
    const [read, failed, recovered] = [`wamid.${randomUUID()}`, `wamid.${randomUUID()}`, `wamid.${randomUUID()}`];
    for (const wamid of [read, failed, recovered]) await outbound(wamid);
    const ids = await store([
      statusValue(read, 'read', '2026-11-21T08:00:05Z'),
      statusValue(read, 'sent', '2026-11-21T08:00:01Z'),
      statusValue(read, 'delivered', '2026-11-21T08:00:03Z'),
      statusValue(read, 'sent', '2026-11-21T08:00:09Z'),
      statusValue(failed, 'sent', '2026-11-21T08:00:01Z'),
      statusValue(failed, 'failed', '2026-11-21T08:00:02Z', [{ code: 131026, title: 'Message undeliverable' }]),
      statusValue(recovered, 'failed', '2026-11-21T08:00:02Z', [{ code: 131026, title: 'Message undeliverable' }]),
      statusValue(recovered, 'delivered', '2026-11-21T08:00:03Z'),
    ]);
    expect(await runBatch(ids)).toMatchObject({ processed: 8, statusesApplied: 8 });
    const r = await messageByWamid(read);
    expect(r?.status).toBe('read');
    expect([r?.sentAt, r?.deliveredAt, r?.readAt].map((d) => d?.toISOString())).toEqual(['2026-11-21T08:00:01.000Z', '2026-11-21T08:00:03.000Z', '2026-11-21T08:00:05.000Z']);
    const f = await messageByWamid(failed);
    expect(f).toMatchObject({ status: 'failed', errorCode: 131026, errorTitle: 'Message undeliverable' });
    expect(f?.failedAt?.toISOString()).toBe('2026-11-21T08:00:02.000Z');
    expect(await messageByWamid(recovered)).toMatchObject({ status: 'delivered', errorCode: 131026 });
  });

  it('keeps a young delivery with an unknown status for the retry and finishes the others', async () => {
    const unknown = `wamid.${randomUUID()}`;
    const text = `wamid.${randomUUID()}`;
    const [messageEvent, statusEvent] = await store([textMessage('60122220004', 'hello', { wamid: text }), statusValue(unknown, 'delivered', '2026-11-21T08:00:03Z')]);
    await expect(runBatch([messageEvent!, statusEvent!])).rejects.toBeInstanceOf(UnmatchedStatusError);
    expect(await messageByWamid(text)).toBeDefined();
    expect(Object.fromEntries((await processedAt([messageEvent!, statusEvent!])).map((e) => [e.id, e.at !== null]))).toEqual({ [messageEvent!]: true, [statusEvent!]: false });

    await outbound(unknown);
    expect(await runBatch([messageEvent!, statusEvent!])).toMatchObject({ processed: 1, statusesApplied: 1 });
    expect((await messageByWamid(unknown))?.status).toBe('delivered');
  });

  it('drops the unknown statuses of a delivery older than two minutes, with a note', async () => {
    const ids = await store([statusValue(`wamid.${randomUUID()}`, 'read', '2026-11-21T08:00:03Z')], new Date(Date.now() - 3 * 60_000));
    expect(await runBatch(ids)).toMatchObject({ processed: 1, statusesApplied: 0 });
    expect(await processedAt(ids)).toEqual([{ id: ids[0], at: expect.any(Date), error: 'unmatched statuses: 1' }]);
  });

  it('does not let a delivery that cannot be processed hold back the others', async () => {
    const wamid = `wamid.${randomUUID()}`;
    const [good] = await store([textMessage('60122220005', 'fine', { wamid })]);
    const [bad] = (await t.db.insert(webhookEvents).values({ tenantId: tenant.tenantId, channelId, payload: { object: 'page', entry: [] } }).returning({ id: webhookEvents.id })).map((r) => r.id);
    await expect(runBatch([bad!, good!])).rejects.toThrow();
    expect(await messageByWamid(wamid)).toBeDefined();
    expect(Object.fromEntries((await processedAt([good!, bad!])).map((e) => [e.id, e.at !== null]))).toEqual({ [good!]: true, [bad!]: false });
  });

  it('creates the customer of a marketing stop and queues the preference once per delivery', async () => {
    const value: Json = {
      contacts: [{ profile: { name: 'Aisyah' }, wa_id: '60122220006' }],
      user_preferences: [{ wa_id: '60122220006', detail: 'User requested to stop marketing messages', category: 'marketing_messages', value: 'stop', timestamp: Number(unix('2026-11-21T08:00:00Z')) }],
    };
    const rows = await t.db
      .insert(webhookEvents)
      .values({ tenantId: tenant.tenantId, channelId, payload: JSON.parse(delivery(phoneNumberId, value, 'user_preferences')) as unknown })
      .returning({ id: webhookEvents.id });
    const id = rows[0]!.id;
    await runBatch([id]);
    const customer = await customerByWaId('60122220006');
    expect(customer).toMatchObject({ name: 'Aisyah', inboundCount: 0 });
    const [job] = await t.db.select().from(jobs).where(eq(jobs.dedupeKey, `marketing-preference:${id}:${customer!.id}`));
    expect(job?.payload).toEqual({ tenantId: tenant.tenantId, customerId: customer!.id, preference: 'stop', occurredAt: '2026-11-21T08:00:00.000Z' });
  });

  it('refuses events it cannot find, so a job that outran its commit is retried', async () => {
    await expect(runBatch([randomUUID()])).rejects.toThrow(/not found/);
  });
});
