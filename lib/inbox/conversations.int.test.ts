import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/lib/testing/database';
import { type MemberContext, type TestConversation, addMember, addTestMessage, createTestChannel, createTestConversation } from '@/lib/testing/factories';
import { type TwoTenants, createTwoTenants } from '@/lib/testing/isolation';
import type { TenantContext } from '@/lib/tenants/context';
import { assignConversation, getConversation, listConversations, markConversationRead, setConversationStatus } from './conversations';
import type { InboxFilter } from './views';

const test = useTestDatabase();
let t: TwoTenants;
let agent: MemberContext;
let aisyah: TestConversation;
let ben: TestConversation;
let chong: TestConversation;
let ofB: TestConversation;

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000);

beforeAll(async () => {
  t = await createTwoTenants(test.db);
  agent = await addMember(test.db, t.a, 'agent');
  const channelId = await createTestChannel(test.db, t.a, 'Kedai main number');
  aisyah = await createTestConversation(test.db, t.a, { name: 'Aisyah', phone: '+60121111111', channelId, assignedUserId: agent.userId });
  ben = await createTestConversation(test.db, t.a, { name: 'Ben', phone: '+60122222222', channelId, status: 'resolved' });
  chong = await createTestConversation(test.db, t.a, { name: 'Chong', phone: '+60123333333', channelId });
  ofB = await createTestConversation(test.db, t.b, { name: 'Aisyah of B' });
  await addTestMessage(test.db, t.a, aisyah, { direction: 'inbound', text: 'Nak order nasi lemak', createdAt: minutesAgo(30) });
  await addTestMessage(test.db, t.a, aisyah, { direction: 'inbound', text: 'Dua bungkus', createdAt: minutesAgo(29) });
  // Ben last wrote two days ago: the window is closed.
  await addTestMessage(test.db, t.a, ben, { direction: 'inbound', text: 'Thanks!', createdAt: minutesAgo(2 * 24 * 60) });
  await addTestMessage(test.db, t.a, chong, { direction: 'outbound', text: 'Promo hari ini', createdAt: minutesAgo(5) });
  await addTestMessage(test.db, t.b, ofB, { direction: 'inbound', text: 'Other tenant', createdAt: minutesAgo(1) });
});

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
const list = (ctx: TenantContext, filter: InboxFilter, search?: string) => listConversations(test.db, ctx, { filter, search, limit: 50 });

describe('listConversations', () => {
  it('orders by the last message and shows what the list needs', async () => {
    const rows = await list(t.a, 'all');

    expect(ids(rows)).toEqual([chong.conversationId, aisyah.conversationId, ben.conversationId]);
    const [, first] = rows;
    expect(first).toMatchObject({
      id: aisyah.conversationId,
      status: 'open',
      unreadCount: 2,
      lastMessagePreview: 'Dua bungkus',
      windowOpen: true,
      customer: { id: aisyah.customerId, name: 'Aisyah', phone: '+60121111111' },
      assignee: { id: agent.userId, name: expect.stringContaining('User agent-') },
      channel: { name: 'Kedai main number', type: 'sandbox' },
    });
    expect(new Date(first?.windowClosesAt ?? 0).getTime() - new Date(first?.lastInboundAt ?? 0).getTime()).toBe(24 * 60 * 60_000);
    expect(rows[2]).toMatchObject({ id: ben.conversationId, windowOpen: false, assignee: null });
    expect(rows[0]).toMatchObject({ id: chong.conversationId, windowOpen: false, lastInboundAt: null, windowClosesAt: null });
  });

  it('filters open, resolved and mine', async () => {
    expect(ids(await list(t.a, 'open'))).toEqual([chong.conversationId, aisyah.conversationId]);
    expect(ids(await list(t.a, 'resolved'))).toEqual([ben.conversationId]);
    expect(ids(await list(agent, 'mine'))).toEqual([aisyah.conversationId]);
    expect(ids(await list(t.a, 'mine'))).toEqual([]);
  });

  it('refuses "mine" for an API key, which is nobody', async () => {
    await expect(list({ ...t.a, userId: null }, 'mine')).rejects.toMatchObject({ code: 'validation', fieldErrors: [{ field: 'filter' }] });
  });

  it('searches customer name, number, preview and earlier message text', async () => {
    expect(ids(await list(t.a, 'all', 'chong'))).toEqual([chong.conversationId]);
    expect(ids(await list(t.a, 'all', '2222222'))).toEqual([ben.conversationId]);
    expect(ids(await list(t.a, 'all', 'promo'))).toEqual([chong.conversationId]);
    expect(ids(await list(t.a, 'all', 'NASI LEMAK'))).toEqual([aisyah.conversationId]);
    expect(ids(await list(t.a, 'all', 'Other tenant'))).toEqual([]);
  });

  it("never lists another tenant's conversations", async () => {
    expect(ids(await list(t.b, 'all'))).toEqual([ofB.conversationId]);
    expect(ids(await list(t.a, 'all'))).not.toContain(ofB.conversationId);
  });

  it('pages by last message time with a keyset cursor', async () => {
    const [first] = await listConversations(test.db, t.a, { filter: 'all', limit: 1 });
    const next = await listConversations(test.db, t.a, { filter: 'all', limit: 50, after: first ? { createdAt: new Date(first.lastMessageAt), id: first.id } : null });

    expect(first?.id).toBe(chong.conversationId);
    expect(ids(next)).toEqual([aisyah.conversationId, ben.conversationId]);
  });
});

describe('conversation actions', () => {
  it('marks a conversation read', async () => {
    const c = await createTestConversation(test.db, t.a);
    await addTestMessage(test.db, t.a, c, { direction: 'inbound' });
    expect((await getConversation(test.db, t.a, c.conversationId)).unreadCount).toBe(1);

    expect(await markConversationRead(test.db, t.a, c.conversationId)).toMatchObject({ id: c.conversationId, unreadCount: 0 });
  });

  it('assigns to a member of the tenant and unassigns with null', async () => {
    const c = await createTestConversation(test.db, t.a);

    expect((await assignConversation(test.db, t.a, c.conversationId, agent.userId)).assignee?.id).toBe(agent.userId);
    expect((await assignConversation(test.db, agent, c.conversationId, null)).assignee).toBeNull();
  });

  it("refuses an assignee from another tenant or nobody's id", async () => {
    const c = await createTestConversation(test.db, t.a);

    for (const userId of [t.ownerB, randomUUID()]) {
      await expect(assignConversation(test.db, t.a, c.conversationId, userId)).rejects.toMatchObject({ code: 'validation', fieldErrors: [{ field: 'userId' }] });
    }
    expect((await getConversation(test.db, t.a, c.conversationId)).assignee).toBeNull();
  });

  it('resolves and reopens', async () => {
    const c = await createTestConversation(test.db, t.a);

    expect((await setConversationStatus(test.db, t.a, c.conversationId, 'resolved')).status).toBe('resolved');
    expect(ids(await list(t.a, 'resolved'))).toContain(c.conversationId);
    expect((await setConversationStatus(test.db, t.a, c.conversationId, 'open')).status).toBe('open');
  });

  it("cannot read, assign, resolve or fetch another tenant's conversation", async () => {
    const id = aisyah.conversationId;
    // Thunks, so each attempt starts only when it is awaited (no unhandled rejections).
    for (const attempt of [
      () => getConversation(test.db, t.b, id),
      () => markConversationRead(test.db, t.b, id),
      () => assignConversation(test.db, t.b, id, t.ownerB),
      () => assignConversation(test.db, t.b, id, null),
      () => setConversationStatus(test.db, t.b, id, 'resolved'),
    ]) {
      await expect(attempt()).rejects.toMatchObject({ code: 'not_found' });
    }
    expect(await getConversation(test.db, t.a, id)).toMatchObject({ status: 'open', unreadCount: 2, assignee: { id: agent.userId } });
  });
});
