import { randomBytes, randomUUID } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { conversations, customers, jobs, messages, webhookEvents } from '@/db/schema';
import { localJobClient } from '@/lib/jobs/local-driver';
import { runDueJobs } from '@/lib/jobs/worker';
import { useTestDatabase } from '@/lib/testing/database';
import { createSignedCloudChannel, createTestTenant, type MemberContext } from '@/lib/testing/factories';
import { signPayload } from '@/lib/whatsapp/webhook/signature';
import { acceptWebhookDelivery, webhookDeliveriesPerSecond } from './accept-delivery';
import { processWebhookDeliveries } from './process-delivery';
import { type Json, delivery as buildDelivery, statusValue, textMessage, unix } from './test-payloads';

const t = useTestDatabase();
const appSecret = randomBytes(16).toString('hex');
let tenant: MemberContext;
let channelId: string;
let phoneNumberId: string;

const delivery = (value: Json) => buildDelivery(phoneNumberId, value);

async function deliver(body: string) {
  const outcome = await acceptWebhookDelivery(t.db, body, signPayload(body, appSecret), localJobClient);
  await runDueJobs(t.db, { limit: 50 });
  return outcome;
}

async function outbound(wamid: string) {
  const [customer] = await t.db.insert(customers).values({ tenantId: tenant.tenantId, name: 'Out', waId: `6019${Math.floor(Math.random() * 1e7)}` }).returning();
  const [conversation] = await t.db.insert(conversations).values({ tenantId: tenant.tenantId, channelId, customerId: customer!.id }).returning();
  await t.db.insert(messages).values({ tenantId: tenant.tenantId, channelId, conversationId: conversation!.id, customerId: customer!.id, direction: 'outbound', type: 'text', text: 'hi', status: 'pending', wamid });
}

const statusOf = async (wamid: string) => (await t.db.select().from(messages).where(eq(messages.wamid, wamid)))[0];

beforeAll(async () => {
  tenant = await createTestTenant(t.db);
  ({ id: channelId, phoneNumberId } = await createSignedCloudChannel(t.db, tenant.tenantId, appSecret));
});

describe('accepting a delivery', () => {
  it('refuses a wrong signature and stores nothing', async () => {
    const body = delivery(textMessage('60123450001', 'hello'));
    const before = await t.db.$count(webhookEvents);
    expect(await acceptWebhookDelivery(t.db, body, signPayload(body, 'not-the-secret'), localJobClient)).toMatchObject({ status: 401 });
    expect(await acceptWebhookDelivery(t.db, body, null, localJobClient)).toMatchObject({ status: 401 });
    expect(await t.db.$count(webhookEvents)).toBe(before);
  });

  it('counts the deliveries it stored in the last second (the embedded worker yields to a burst), not the refused ones', async () => {
    // Quiet first: what earlier tests stored is forgotten after a second.
    await expect.poll(webhookDeliveriesPerSecond, { timeout: 3000 }).toBe(0);
    const bodies = [1, 2, 3].map((i) => delivery(textMessage(`6012345100${i}`, `burst ${i}`)));
    for (const body of bodies) expect(await acceptWebhookDelivery(t.db, body, signPayload(body, appSecret), localJobClient)).toMatchObject({ status: 200 });
    await acceptWebhookDelivery(t.db, bodies[0]!, signPayload(bodies[0]!, 'not-the-secret'), localJobClient);
    await acceptWebhookDelivery(t.db, 'not json', null, localJobClient);
    // Within the same second (the stores take milliseconds).
    expect(webhookDeliveriesPerSecond()).toBe(3);
    await runDueJobs(t.db, { limit: 50 });
  });

  it('answers 400 to bodies that are not WhatsApp payloads', async () => {
    expect(await acceptWebhookDelivery(t.db, 'not json', null, localJobClient)).toMatchObject({ status: 400 });
    expect(await acceptWebhookDelivery(t.db, JSON.stringify({ object: 'page', entry: [] }), null, localJobClient)).toMatchObject({ status: 400 });
  });

  it('acknowledges an unknown phone number id and stores nothing', async () => {
    const body = JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: 'x', changes: [{ field: 'messages', value: { metadata: { phone_number_id: 'unknown-number' } } }] }] });
    expect(await acceptWebhookDelivery(t.db, body, null, localJobClient)).toEqual({ status: 200, stored: 0, ignored: 1 });
  });
});

describe('processing inbound messages', () => {
  it('creates the customer, conversation and message from the first message', async () => {
    const wamid = `wamid.${randomUUID()}`;
    expect(await deliver(delivery(textMessage('60123456789', 'Ada stok?', { name: 'Siti Aminah', wamid })))).toMatchObject({ status: 200, stored: 1 });
    const [customer] = await t.db.select().from(customers).where(and(eq(customers.tenantId, tenant.tenantId), eq(customers.waId, '60123456789')));
    expect(customer).toMatchObject({ phone: '+60123456789', name: 'Siti Aminah', profileName: 'Siti Aminah', inboundCount: 1 });
    expect(customer?.lastInteractionAt?.toISOString()).toBe('2026-11-21T08:00:00.000Z');
    const [message] = await t.db.select().from(messages).where(eq(messages.wamid, wamid));
    expect(message).toMatchObject({ direction: 'inbound', type: 'text', text: 'Ada stok?', status: 'received', customerId: customer?.id });
    const [conversation] = await t.db.select().from(conversations).where(eq(conversations.id, message!.conversationId));
    expect(conversation).toMatchObject({ status: 'open', unreadCount: 1, lastMessagePreview: 'Ada stok?' });
  });

  it('makes a first message from the past the conversation preview', async () => {
    await deliver(delivery(textMessage('60120000003', 'from yesterday', { at: '2020-01-01T00:00:00Z' })));
    const [customer] = await t.db.select().from(customers).where(eq(customers.waId, '60120000003'));
    const [conversation] = await t.db.select().from(conversations).where(eq(conversations.customerId, customer!.id));
    expect(conversation).toMatchObject({ lastMessagePreview: 'from yesterday', lastMessageAt: new Date('2020-01-01T00:00:00Z') });
  });

  it('names a customer without a profile name after the last four digits', async () => {
    await deliver(delivery(textMessage('60129998877', 'hi')));
    const [customer] = await t.db.select().from(customers).where(eq(customers.waId, '60129998877'));
    expect(customer?.name).toBe('Customer 8877');
  });

  it('stores a redelivered message once and counts it once', async () => {
    const body = delivery(textMessage('60120000001', 'twice', { wamid: `wamid.${randomUUID()}` }));
    await deliver(body);
    await deliver(body);
    const [customer] = await t.db.select().from(customers).where(eq(customers.waId, '60120000001'));
    expect(customer?.inboundCount).toBe(1);
    expect(await t.db.$count(messages, and(eq(messages.customerId, customer!.id), eq(messages.direction, 'inbound')))).toBe(1);
  });

  it('stores two messages of one delivery and keeps the newer as the preview', async () => {
    const value = textMessage('60120000002', 'second', { at: '2026-11-21T09:00:00Z' });
    (value.messages as Json[]).unshift({ from: '60120000002', id: `wamid.${randomUUID()}`, timestamp: unix('2026-11-21T08:59:00Z'), type: 'text', text: { body: 'first' } });
    await deliver(delivery(value));
    const [customer] = await t.db.select().from(customers).where(eq(customers.waId, '60120000002'));
    expect(customer?.inboundCount).toBe(2);
    const [conversation] = await t.db.select().from(conversations).where(eq(conversations.customerId, customer!.id));
    expect(conversation?.lastMessagePreview).toBe('second');
  });

  it('creates a customer from a business-scoped user id without a phone number', async () => {
    const userId = `MY.${randomUUID().slice(0, 12)}`;
    const body = delivery({
      contacts: [{ profile: { name: 'Private' }, user_id: userId }],
      messages: [{ from_user_id: userId, id: `wamid.${randomUUID()}`, timestamp: unix('2026-11-21T08:00:00Z'), type: 'text', text: { body: 'hi' } }],
    });
    await deliver(body);
    const [customer] = await t.db.select().from(customers).where(eq(customers.waUserId, userId));
    expect(customer).toMatchObject({ phone: null, waId: null, name: 'Private' });
  });
});

describe('media', () => {
  it('queues the media fetch with the message, even when the same delivery is retried for an unknown status', async () => {
    const wamid = `wamid.${randomUUID()}`;
    const body = delivery({
      contacts: [{ profile: { name: 'Foto' }, wa_id: '60120000004' }],
      messages: [{ from: '60120000004', id: wamid, timestamp: unix('2026-11-21T08:00:00Z'), type: 'image', image: { id: 'MEDIA-1', mime_type: 'image/jpeg', sha256: 'abc' } }],
      statuses: [{ id: `wamid.${randomUUID()}`, status: 'delivered', timestamp: unix('2026-11-21T08:00:00Z'), recipient_id: '60120000004' }],
    });
    await acceptWebhookDelivery(t.db, body, signPayload(body, appSecret), localJobClient);
    const [event] = await t.db.select().from(webhookEvents).where(eq(webhookEvents.tenantId, tenant.tenantId)).orderBy(desc(webhookEvents.receivedAt)).limit(1);
    await expect(processWebhookDeliveries(t.db, { tenantId: tenant.tenantId, webhookEventIds: [event!.id] }, localJobClient)).rejects.toThrow(/unknown messages/);
    const [message] = await t.db.select().from(messages).where(eq(messages.wamid, wamid));
    const queued = await t.db.select().from(jobs).where(and(eq(jobs.tenantId, tenant.tenantId), eq(jobs.name, 'whatsapp/media.fetch')));
    expect(queued.map((j) => j.payload)).toContainEqual({ tenantId: tenant.tenantId, mediaId: message!.mediaId });
  });
});

describe('applying statuses', () => {
  const statusDelivery = (wamid: string, status: string, at: string, errors?: Json[]) => delivery(statusValue(wamid, status, at, errors));

  it('never moves a status backwards and keeps every timestamp', async () => {
    const wamid = `wamid.${randomUUID()}`;
    await outbound(wamid);
    await deliver(statusDelivery(wamid, 'read', '2026-11-21T08:00:05Z'));
    await deliver(statusDelivery(wamid, 'delivered', '2026-11-21T08:00:03Z'));
    await deliver(statusDelivery(wamid, 'sent', '2026-11-21T08:00:01Z'));
    await deliver(statusDelivery(wamid, 'read', '2026-11-21T08:00:05Z'));
    const message = await statusOf(wamid);
    expect(message?.status).toBe('read');
    expect(message?.sentAt?.toISOString()).toBe('2026-11-21T08:00:01.000Z');
    expect(message?.readAt?.toISOString()).toBe('2026-11-21T08:00:05.000Z');
    expect(message?.deliveredAt).not.toBeNull();
  });

  it('keeps the error code and title of a failure', async () => {
    const wamid = `wamid.${randomUUID()}`;
    await outbound(wamid);
    await deliver(statusDelivery(wamid, 'sent', '2026-11-21T08:00:01Z'));
    await deliver(statusDelivery(wamid, 'failed', '2026-11-21T08:00:02Z', [{ code: 131026, title: 'Message undeliverable' }]));
    expect(await statusOf(wamid)).toMatchObject({ status: 'failed', errorCode: 131026, errorTitle: 'Message undeliverable' });
  });

  it('retries a status for a message it does not know yet, while the delivery is young', async () => {
    const wamid = `wamid.${randomUUID()}`;
    const body = statusDelivery(wamid, 'delivered', '2026-11-21T08:00:03Z');
    await acceptWebhookDelivery(t.db, body, signPayload(body, appSecret), localJobClient);
    const [event] = await t.db.select().from(webhookEvents).where(eq(webhookEvents.tenantId, tenant.tenantId)).orderBy(webhookEvents.receivedAt).limit(1).offset((await t.db.$count(webhookEvents)) - 1);
    await expect(processWebhookDeliveries(t.db, { tenantId: tenant.tenantId, webhookEventIds: [event!.id] })).rejects.toThrow(/unknown messages/);
    await outbound(wamid);
    await processWebhookDeliveries(t.db, { tenantId: tenant.tenantId, webhookEventIds: [event!.id] });
    expect((await statusOf(wamid))?.status).toBe('delivered');
  });
});
