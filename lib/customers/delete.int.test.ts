import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, campaignRecipients, campaigns, consentEvents, conversations, customerFlags, customers, dataSubjectRequests, links, media, messages, webhookEvents } from '@/db/schema';
import { createLocalStorage } from '@/lib/storage/local';
import type { ObjectStorage } from '@/lib/storage';
import { useTestDatabase } from '@/lib/testing/database';
import { type MemberContext, type TestConversation, addMember, addTestMessage, createTestConversation } from '@/lib/testing/factories';
import { type TwoTenants, createTwoTenants } from '@/lib/testing/isolation';
import { putSandboxMedia, readSandboxMedia } from '@/lib/whatsapp/sandbox/media-store';
import { deleteCustomers } from './delete';

const test = useTestDatabase();
let t: TwoTenants;
let dir: string;
let storage: ObjectStorage;

beforeAll(async () => {
  t = await createTwoTenants(test.db);
  dir = await mkdtemp(path.join(tmpdir(), 'sembang-delete-'));
  storage = createLocalStorage(dir);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

// A customer with a conversation, messages both ways, an image stored under `key` (and, for a
// sandbox channel, the simulator's upload), two consent events, a flag and a data-subject request.
async function customerWithHistory(ctx: MemberContext, options: { sandbox?: boolean } = {}) {
  const conv = await createTestConversation(test.db, ctx);
  const storageKey = `${ctx.tenantId}/2026/01/${randomUUID()}`;
  await storage.put(storageKey, Buffer.from('jpeg bytes'), { contentType: 'image/jpeg' });
  const upload = options.sandbox ? await putSandboxMedia(ctx.tenantId, { bytes: Buffer.from('upload'), mimeType: 'image/jpeg' }, storage) : null;
  const [file] = await test.db
    .insert(media)
    .values({ tenantId: ctx.tenantId, channelId: conv.channelId, providerMediaId: upload?.mediaId ?? '123', status: 'stored', storageKey })
    .returning({ id: media.id });
  const image = await addTestMessage(test.db, ctx, conv, { direction: 'inbound', type: 'image', mediaId: file?.id });
  await addTestMessage(test.db, ctx, conv, { direction: 'outbound' });
  await test.db.insert(consentEvents).values([
    { tenantId: ctx.tenantId, customerId: conv.customerId, status: 'pending', source: 'notice' },
    { tenantId: ctx.tenantId, customerId: conv.customerId, status: 'granted', source: 'keyword', keyword: 'YA', evidenceMessageId: image.id },
  ]);
  await test.db.insert(customerFlags).values({ tenantId: ctx.tenantId, customerId: conv.customerId, kind: 'duplicate_ic' });
  const [request] = await test.db
    .insert(dataSubjectRequests)
    .values({ tenantId: ctx.tenantId, customerId: conv.customerId, subjectLabel: 'Request 1', kind: 'erasure', dueAt: new Date() })
    .returning({ id: dataSubjectRequests.id });
  // Meta's raw delivery of their first message, as the webhook kept it.
  const [who] = await test.db.select({ waId: customers.waId }).from(customers).where(eq(customers.id, conv.customerId));
  const [delivery] = await test.db
    .insert(webhookEvents)
    .values({ tenantId: ctx.tenantId, channelId: conv.channelId, payload: { entry: [{ changes: [{ value: { contacts: [{ wa_id: who?.waId }], messages: [{ from: who?.waId, text: { body: 'hai' } }] } }] }] } })
    .returning({ id: webhookEvents.id });
  return { conv, storageKey, mediaId: file?.id ?? '', sandboxMediaId: upload?.mediaId ?? null, requestId: request?.id ?? '', webhookEventId: delivery?.id ?? '' };
}

// A sent campaign with a recipient row and a tracked link for each customer, as dispatch leaves them.
async function campaignTo(ctx: MemberContext, channelId: string, customerIds: string[]) {
  const [campaign] = await test.db
    .insert(campaigns)
    .values({ tenantId: ctx.tenantId, name: 'Raya promo', type: 'marketing', channelId, status: 'completed', message: { text: 'Selamat Hari Raya' } })
    .returning({ id: campaigns.id });
  const campaignId = campaign?.id ?? '';
  const recipients = await test.db
    .insert(campaignRecipients)
    .values(customerIds.map((customerId) => ({ tenantId: ctx.tenantId, campaignId, customerId, status: 'sent' as const })))
    .returning({ id: campaignRecipients.id });
  await test.db.insert(links).values(recipients.map((r) => ({ code: randomUUID().slice(0, 12), tenantId: ctx.tenantId, campaignId, recipientId: r.id, url: 'https://example.my/raya' })));
  return campaignId;
}

const recipientsOf = (customerId: string) => test.db.$count(campaignRecipients, eq(campaignRecipients.customerId, customerId));

const exists = async (customerId: string) => (await test.db.$count(customers, eq(customers.id, customerId))) === 1;

async function remaining(conv: TestConversation) {
  const by = (table: typeof messages | typeof consentEvents | typeof customerFlags) => test.db.$count(table, eq(table.customerId, conv.customerId));
  return {
    customer: await test.db.$count(customers, eq(customers.id, conv.customerId)),
    conversations: await test.db.$count(conversations, eq(conversations.id, conv.conversationId)),
    messages: await by(messages),
    consentEvents: await by(consentEvents),
    flags: await by(customerFlags),
  };
}

describe('deleteCustomers', () => {
  it('erases the customers with their conversations, messages, consent history, flags, media rows, files and raw webhook deliveries', async () => {
    const one = await customerWithHistory(t.a);
    const two = await customerWithHistory(t.a, { sandbox: true });
    const kept = await customerWithHistory(t.a);

    const result = await deleteCustomers(test.db, t.a, [one.conv.customerId, two.conv.customerId], { storage });

    expect(result).toEqual({ deleted: 2 });
    for (const gone of [one, two]) {
      expect(await remaining(gone.conv)).toEqual({ customer: 0, conversations: 0, messages: 0, consentEvents: 0, flags: 0 });
      expect(await test.db.$count(media, eq(media.id, gone.mediaId))).toBe(0);
      expect(await storage.get(gone.storageKey)).toBeNull();
      expect(await test.db.$count(webhookEvents, eq(webhookEvents.id, gone.webhookEventId))).toBe(0);
      // The request log survives the erasure, without the link.
      const [request] = await test.db.select().from(dataSubjectRequests).where(eq(dataSubjectRequests.id, gone.requestId));
      expect(request?.customerId).toBeNull();
    }
    expect(await readSandboxMedia(t.a.tenantId, two.sandboxMediaId ?? '', storage)).toBeNull();
    expect(await remaining(kept.conv)).toEqual({ customer: 1, conversations: 1, messages: 2, consentEvents: 2, flags: 1 });
    expect(await storage.get(kept.storageKey)).not.toBeNull();
    expect(await test.db.$count(webhookEvents, eq(webhookEvents.id, kept.webhookEventId))).toBe(1);
  });

  // campaign_recipients has no foreign key to customers (fan-out speed), so the delete removes them.
  it("removes the deleted customers' campaign recipients and their tracked links, and keeps the others'", async () => {
    const gone = await customerWithHistory(t.a);
    const kept = await customerWithHistory(t.a);
    const ofB = await customerWithHistory(t.b);
    const campaignId = await campaignTo(t.a, gone.conv.channelId, [gone.conv.customerId, kept.conv.customerId]);
    const campaignOfB = await campaignTo(t.b, ofB.conv.channelId, [ofB.conv.customerId]);

    await deleteCustomers(test.db, t.a, [gone.conv.customerId, ofB.conv.customerId], { storage });

    expect(await recipientsOf(gone.conv.customerId)).toBe(0);
    expect(await recipientsOf(kept.conv.customerId)).toBe(1);
    expect(await recipientsOf(ofB.conv.customerId)).toBe(1);
    expect(await test.db.$count(links, eq(links.campaignId, campaignId))).toBe(1);
    expect(await test.db.$count(links, eq(links.campaignId, campaignOfB))).toBe(1);
  });

  it('writes one audit entry with the count and nothing that identifies the customers', async () => {
    const one = await customerWithHistory(t.a);
    const phone = (await test.db.select({ phone: customers.phone }).from(customers).where(eq(customers.id, one.conv.customerId)))[0]?.phone;

    await deleteCustomers(test.db, t.a, [one.conv.customerId, one.conv.customerId, randomUUID()], { storage });

    const entries = await test.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, t.a.tenantId), eq(auditLog.action, 'customers.deleted')));
    const entry = entries.at(-1);
    expect(entry).toMatchObject({ actorUserId: t.a.userId, targetType: 'customer', targetId: null, metadata: { count: 1 } });
    const written = JSON.stringify(entry);
    expect(written).not.toContain(one.conv.customerId);
    expect(written).not.toContain(String(phone));
  });

  it("deletes none of another tenant's customers, and counts only its own", async () => {
    const ofB = await customerWithHistory(t.b);
    const ofA = await customerWithHistory(t.a);

    const result = await deleteCustomers(test.db, t.a, [ofB.conv.customerId, ofA.conv.customerId], { storage });

    expect(result).toEqual({ deleted: 1 });
    expect(await remaining(ofB.conv)).toEqual({ customer: 1, conversations: 1, messages: 2, consentEvents: 2, flags: 1 });
    expect(await storage.get(ofB.storageKey)).not.toBeNull();
    expect(await test.db.$count(media, eq(media.id, ofB.mediaId))).toBe(1);
  });

  it('lets an admin delete and refuses an agent, deleting nothing', async () => {
    const admin = await addMember(test.db, t.a, 'admin');
    const agent = await addMember(test.db, t.a, 'agent');
    const one = await customerWithHistory(t.a);
    const two = await customerWithHistory(t.a);

    await expect(deleteCustomers(test.db, agent, [one.conv.customerId], { storage })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await exists(one.conv.customerId)).toBe(true);
    expect(await storage.get(one.storageKey)).not.toBeNull();

    expect(await deleteCustomers(test.db, admin, [one.conv.customerId, two.conv.customerId], { storage })).toEqual({ deleted: 2 });
  });

  it('ignores malformed ids and refuses more than 500 at once', async () => {
    expect(await deleteCustomers(test.db, t.a, ['not-a-uuid'], { storage })).toEqual({ deleted: 0 });
    const tooMany = Array.from({ length: 501 }, () => randomUUID());
    await expect(deleteCustomers(test.db, t.a, tooMany, { storage })).rejects.toMatchObject({ code: 'validation' });
  });

  it('keeps every row and file when the transaction fails', async () => {
    const one = await customerWithHistory(t.a);
    const failing: ObjectStorage = { ...storage, delete: () => Promise.reject(new Error('must not be reached')) };

    // An actor that is not a user fails the audit insert, the transaction's last step.
    await expect(deleteCustomers(test.db, { ...t.a, userId: randomUUID() }, [one.conv.customerId], { storage: failing })).rejects.toThrow();

    expect(await remaining(one.conv)).toEqual({ customer: 1, conversations: 1, messages: 2, consentEvents: 2, flags: 1 });
    expect(await storage.get(one.storageKey)).not.toBeNull();
    expect(await test.db.$count(media, inArray(media.id, [one.mediaId]))).toBe(1);
  });
});
