import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { conversations, media, messages } from '@/db/schema';
import { decodeCursor } from '@/lib/api/pagination';
import { useTestDatabase } from '@/lib/testing/database';
import { type TestConversation, addMember, addTestMessage, backdateConversation, createTestConversation } from '@/lib/testing/factories';
import { type TwoTenants, createTwoTenants } from '@/lib/testing/isolation';
import { CHANGES_LOOKBACK_MS, inboxChanges } from './changes';
import { getTimeline } from './timeline';

const test = useTestDatabase();
let t: TwoTenants;
let c: TestConversation;

const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 2, minute));

beforeAll(async () => {
  t = await createTwoTenants(test.db);
  c = await createTestConversation(test.db, t.a, { name: 'Mei Ling' });
  const [file] = await test.db
    .insert(media)
    .values({ tenantId: t.a.tenantId, mimeType: 'application/pdf', fileName: 'resit.pdf', sizeBytes: 2048, status: 'stored' })
    .returning({ id: media.id });
  const question = await addTestMessage(test.db, t.a, c, { direction: 'inbound', text: 'Boleh hantar invois?', wamid: 'wamid.question', createdAt: at(0) });
  await addTestMessage(test.db, t.a, c, { direction: 'inbound', type: 'document', text: 'resit.pdf', mediaId: file?.id, createdAt: at(1) });
  await addTestMessage(test.db, t.a, c, {
    direction: 'outbound',
    text: 'Boleh, sekejap',
    replyToWamid: question.wamid,
    sentByUserId: t.a.userId,
    status: 'read',
    createdAt: at(2),
  });
  await addTestMessage(test.db, t.a, c, {
    direction: 'inbound',
    type: 'reaction',
    text: '👍',
    content: { reaction: { messageId: 'wamid.question', emoji: '👍' } },
    createdAt: at(3),
  });
  await addTestMessage(test.db, t.a, c, { direction: 'outbound', text: 'Promo', status: 'failed', errorCode: 131047, errorTitle: 'Re-engagement message', createdAt: at(4) });
});

describe('getTimeline', () => {
  it('answers the messages oldest first with what each bubble needs', async () => {
    const { data, nextCursor } = await getTimeline(test.db, t.a, c.conversationId, { limit: 50 });

    expect(nextCursor).toBeNull();
    expect(data.map((m) => m.text)).toEqual(['Boleh hantar invois?', 'resit.pdf', 'Boleh, sekejap', '👍', 'Promo']);
    const [question, document, reply, reaction, failed] = data;
    expect(question).toMatchObject({ direction: 'inbound', type: 'text', status: 'received', quoted: null, sentBy: null, createdAt: '2026-03-01T02:00:00.000Z' });
    expect(document).toMatchObject({ type: 'document', mediaId: expect.any(String), media: { mimeType: 'application/pdf', fileName: 'resit.pdf', sizeBytes: 2048, status: 'stored' } });
    expect(reply).toMatchObject({
      direction: 'outbound',
      status: 'read',
      quoted: { id: question?.id, direction: 'inbound', type: 'text', text: 'Boleh hantar invois?' },
      sentBy: { id: t.a.userId, name: 'Ali Owner' },
      media: null,
    });
    expect(reaction).toMatchObject({ type: 'reaction', content: { reaction: { emoji: '👍' } }, quoted: { id: question?.id } });
    expect(failed).toMatchObject({ status: 'failed', errorCode: 131047, errorTitle: 'Re-engagement message', errorText: expect.stringMatching(/24 hours.*template/) });
  });

  it('pages towards older messages', async () => {
    const newest = await getTimeline(test.db, t.a, c.conversationId, { limit: 2 });
    expect(newest.data.map((m) => m.text)).toEqual(['👍', 'Promo']);

    const older = await getTimeline(test.db, t.a, c.conversationId, { limit: 2, before: decodeCursor(newest.nextCursor ?? undefined) });
    expect(older.data.map((m) => m.text)).toEqual(['resit.pdf', 'Boleh, sekejap']);

    const oldest = await getTimeline(test.db, t.a, c.conversationId, { limit: 2, before: decodeCursor(older.nextCursor ?? undefined) });
    expect(oldest).toMatchObject({ data: [{ text: 'Boleh hantar invois?' }], nextCursor: null });
  });

  it("answers not_found for another tenant's conversation", async () => {
    await expect(getTimeline(test.db, t.b, c.conversationId, { limit: 50 })).rejects.toMatchObject({ name: 'AppError', code: 'not_found' });
  });
});

describe('inboxChanges', () => {
  it('reports a new message in any conversation of the tenant, and nothing of another tenant', async () => {
    const since = new Date();
    const fresh = await createTestConversation(test.db, t.a, { name: 'Baru' });
    const ofB = await createTestConversation(test.db, t.b);
    await addTestMessage(test.db, t.a, fresh, { direction: 'inbound', text: 'Hai' });
    await addTestMessage(test.db, t.b, ofB, { direction: 'inbound', text: 'Hai B' });

    const changes = await inboxChanges(test.db, t.a, since);

    expect(changes.conversations.map((x) => x.id)).toContain(fresh.conversationId);
    expect(changes.conversations.map((x) => x.id)).not.toContain(ofB.conversationId);
    expect(changes.conversations.find((x) => x.id === fresh.conversationId)).toMatchObject({ unreadCount: 1, lastMessagePreview: 'Hai' });
    expect(new Date(changes.until).getTime()).toBeGreaterThanOrEqual(since.getTime());
    expect(changes.messages).toEqual([]);
  });

  it('reports a conversation that changed since the poll, even when its new message carries an old time', async () => {
    const late = await createTestConversation(test.db, t.a);
    const quiet = await createTestConversation(test.db, t.a);
    await backdateConversation(test.db, t.a, late, CHANGES_LOOKBACK_MS * 2);
    await backdateConversation(test.db, t.a, quiet, CHANGES_LOOKBACK_MS * 2);
    const since = new Date();
    // Meta retries deliveries for days: a message may arrive long after it was written.
    await addTestMessage(test.db, t.a, late, { direction: 'inbound', createdAt: new Date(since.getTime() - 2 * 86_400_000) });

    const changed = (await inboxChanges(test.db, t.a, since)).conversations.map((x) => x.id);

    expect(changed).toContain(late.conversationId);
    expect(changed).not.toContain(quiet.conversationId);
  });

  it('applies the list filter and search', async () => {
    const since = new Date();
    const mine = await addMember(test.db, t.a, 'agent');
    const assigned = await createTestConversation(test.db, t.a, { name: 'Zainab', assignedUserId: mine.userId });
    const other = await createTestConversation(test.db, t.a, { name: 'Yusof' });
    await addTestMessage(test.db, t.a, assigned, { direction: 'inbound' });
    await addTestMessage(test.db, t.a, other, { direction: 'inbound' });

    expect((await inboxChanges(test.db, mine, since, { filter: 'mine' })).conversations.map((x) => x.id)).toEqual([assigned.conversationId]);
    expect((await inboxChanges(test.db, t.a, since, { filter: 'all', search: 'yusof' })).conversations.map((x) => x.id)).toEqual([other.conversationId]);
    expect((await inboxChanges(test.db, t.a, since, { filter: 'resolved' })).conversations).toEqual([]);
  });

  it('reports status changes of the open conversation’s messages', async () => {
    const open = await createTestConversation(test.db, t.a);
    const sentAt = new Date(Date.now() - 10 * 60_000);
    const sent = await addTestMessage(test.db, t.a, open, { direction: 'outbound', status: 'sent', createdAt: sentAt, sentAt });
    await addTestMessage(test.db, t.a, open, { direction: 'outbound', status: 'sent', createdAt: sentAt, sentAt });
    await backdateConversation(test.db, t.a, open, CHANGES_LOOKBACK_MS * 2);
    const since = new Date();
    expect((await inboxChanges(test.db, t.a, since, { filter: 'all', conversationId: open.conversationId })).messages).toEqual([]);

    await test.db
      .update(messages)
      .set({ status: 'delivered', deliveredAt: new Date() })
      .where(and(eq(messages.tenantId, t.a.tenantId), eq(messages.id, sent.id)));
    const changes = await inboxChanges(test.db, t.a, since, { filter: 'all', conversationId: open.conversationId });

    expect(changes.messages.map((m) => [m.id, m.status])).toEqual([[sent.id, 'delivered']]);
    expect(changes.conversations.map((x) => x.id)).not.toContain(open.conversationId);
  });

  it("answers nothing for another tenant's open conversation", async () => {
    const since = new Date(Date.now() - 60 * 60_000);
    await test.db.update(conversations).set({ lastMessageAt: new Date(), updatedAt: new Date() }).where(eq(conversations.id, c.conversationId));

    const changes = await inboxChanges(test.db, t.b, since, { filter: 'all', conversationId: c.conversationId });

    expect(changes.messages).toEqual([]);
    expect(changes.conversations.map((x) => x.id)).not.toContain(c.conversationId);
  });
});
