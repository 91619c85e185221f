import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, customerFlags } from '@/db/schema';
import { useTestDatabase } from '@/lib/testing/database';
import { type MemberContext, type TestConversation, addMember, addTestMessage, createTestConversation } from '@/lib/testing/factories';
import { type TwoTenants, createTwoTenants } from '@/lib/testing/isolation';
import { listConversations } from '@/lib/inbox/conversations';
import { getCustomerDetail } from './detail';
import { closeCustomerFlag, listOpenCustomerFlags } from './flags';
import { customerMessageJson, listCustomerMessages } from './messages';
import { sealIc } from './ic';
import { setCustomerIc } from './profile';
import { revealCustomerIc } from './reveal-ic';
import { getCustomerStats } from './stats';
import { getCustomerTimeline } from './timeline';

const test = useTestDatabase();
let t: TwoTenants;
let agent: MemberContext;
let admin: MemberContext;
let aina: TestConversation;
let quiet: TestConversation;

const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 1, minute));

beforeAll(async () => {
  t = await createTwoTenants(test.db);
  agent = await addMember(test.db, t.a, 'agent');
  admin = await addMember(test.db, t.a, 'admin');
  aina = await createTestConversation(test.db, t.a, { name: 'Aina Sofea', phone: '+60123450001' });
  quiet = await createTestConversation(test.db, t.a, { name: 'Quiet One', phone: '+60123450002' });
  await setCustomerIc(test.db, { tenantId: t.a.tenantId, customerId: aina.customerId }, '900101-14-5678');
  const say = (minute: number, direction: 'inbound' | 'outbound', sentByUserId: string | null = null) =>
    addTestMessage(test.db, t.a, aina, { direction, createdAt: at(minute), text: `m${minute}`, sentByUserId });
  // Turn 1: two messages, an automated notice, then a person answers 10 minutes after the first.
  await say(0, 'inbound');
  await say(1, 'inbound');
  await say(2, 'outbound');
  await say(10, 'outbound', t.a.userId);
  // Turn 2: answered after 30 minutes.
  await say(20, 'inbound');
  await say(50, 'outbound', t.a.userId);
  // Turn 3: not answered yet.
  await say(55, 'inbound');
});

describe('getCustomerStats', () => {
  it('counts turns, answers by people and the median reply time', async () => {
    expect(await getCustomerStats(test.db, t.a, aina.customerId)).toEqual({
      firstContactAt: at(0).toISOString(),
      lastInboundAt: at(55).toISOString(),
      lastOutboundAt: at(50).toISOString(),
      customerTurns: 3,
      answeredTurns: 2,
      medianReplySeconds: 20 * 60,
    });
  });

  it('is empty for a customer without messages', async () => {
    expect(await getCustomerStats(test.db, t.a, quiet.customerId)).toEqual({
      firstContactAt: null,
      lastInboundAt: null,
      lastOutboundAt: null,
      customerTurns: 0,
      answeredTurns: 0,
      medianReplySeconds: null,
    });
  });

  it("sees nothing of another tenant's customer", async () => {
    expect((await getCustomerStats(test.db, t.b, aina.customerId)).customerTurns).toBe(0);
  });
});

describe('getCustomerTimeline', () => {
  it('pages backwards, each page oldest first', async () => {
    const newest = await getCustomerTimeline(test.db, t.a, aina.customerId, { limit: 4 });
    expect(newest.data.map((m) => m.text)).toEqual(['m10', 'm20', 'm50', 'm55']);
    const older = await getCustomerTimeline(test.db, t.a, aina.customerId, { limit: 4, before: decode(newest.nextCursor) });
    expect(older.data.map((m) => m.text)).toEqual(['m0', 'm1', 'm2']);
    expect(older.nextCursor).toBeNull();
  });

  it("answers not_found for another tenant's customer", async () => {
    await expect(getCustomerTimeline(test.db, t.b, aina.customerId, { limit: 10 })).rejects.toMatchObject({ code: 'not_found' });
  });
});

function decode(cursor: string | null) {
  if (!cursor) throw new Error('expected a cursor');
  const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
  return { createdAt: new Date(createdAt), id };
}

describe('getCustomerDetail', () => {
  it('gives every role the IC masked and never the full number', async () => {
    for (const ctx of [agent, admin, t.a]) {
      const detail = await getCustomerDetail(test.db, ctx, aina.customerId);
      expect(detail.customer).toMatchObject({ icNumberMasked: '900101-14-****', dateOfBirth: '1990-01-01', state: 'MY-14' });
      expect(JSON.stringify(detail)).not.toContain('5678');
    }
  });

  it('masks an IC number the customer typed, in the timeline, the inbox preview and the REST messages', async () => {
    const typed = await createTestConversation(test.db, t.a, { name: 'Typed IC' });
    await addTestMessage(test.db, t.a, typed, { direction: 'inbound', text: 'IC saya 850505-10-2468 ya' });

    const detail = await getCustomerDetail(test.db, admin, typed.customerId);
    expect(detail.timeline.data.map((m) => m.text)).toEqual(['IC saya 850505-10-**** ya']);
    const conversations = await listConversations(test.db, agent, { filter: 'all', limit: 50 });
    expect(conversations.find((c) => c.id === typed.conversationId)?.lastMessagePreview).toBe('IC saya 850505-10-**** ya');
    const [message] = await listCustomerMessages(test.db, agent, typed.customerId, { limit: 10 });
    expect(message && customerMessageJson(message).text).toBe('IC saya 850505-10-**** ya');
  });

  it('has the stats, the newest page of messages and the latest conversation', async () => {
    const detail = await getCustomerDetail(test.db, agent, aina.customerId);
    expect(detail.stats.customerTurns).toBe(3);
    expect(detail.timeline.data.at(-1)?.text).toBe('m55');
    expect(detail.latestConversationId).toBe(aina.conversationId);
  });

  it("answers not_found for another tenant's customer", async () => {
    await expect(getCustomerDetail(test.db, t.b, aina.customerId)).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('revealCustomerIc', () => {
  it('gives owners and admins the full number and logs each reveal', async () => {
    expect(await revealCustomerIc(test.db, t.a, aina.customerId)).toEqual({ icNumber: '900101-14-5678' });
    expect(await revealCustomerIc(test.db, admin, aina.customerId)).toEqual({ icNumber: '900101-14-5678' });
    const entries = await test.db
      .select({ actor: auditLog.actorUserId, metadata: auditLog.metadata })
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, t.a.tenantId), eq(auditLog.action, 'customer.ic_revealed'), eq(auditLog.targetId, aina.customerId)));
    expect(entries.map((e) => e.actor).sort()).toEqual([t.a.userId, admin.userId].sort());
    expect(JSON.stringify(entries)).not.toContain('5678');
  });

  it('refuses agents, and logs nothing for them', async () => {
    const before = await revealCount();
    await expect(revealCustomerIc(test.db, agent, aina.customerId)).rejects.toMatchObject({ code: 'forbidden' });
    expect(await revealCount()).toBe(before);
  });

  it('answers not_found for a customer without an IC and for another tenant', async () => {
    await expect(revealCustomerIc(test.db, t.a, quiet.customerId)).rejects.toMatchObject({ code: 'not_found', message: 'This customer has no IC number on file.' });
    await expect(revealCustomerIc(test.db, t.b, aina.customerId)).rejects.toMatchObject({ code: 'not_found', message: 'No customer with that id.' });
  });
});

async function revealCount() {
  return (await test.db.select().from(auditLog).where(and(eq(auditLog.tenantId, t.a.tenantId), eq(auditLog.action, 'customer.ic_revealed')))).length;
}

describe('customer flags', () => {
  let flagId: string;
  beforeAll(async () => {
    const [flag] = await test.db
      .insert(customerFlags)
      .values({ tenantId: t.a.tenantId, customerId: quiet.customerId, otherCustomerId: aina.customerId, kind: 'duplicate_ic', icEncrypted: sealIc('900101-14-5678').icEncrypted })
      .returning();
    flagId = flag!.id;
  });

  it('shows an open duplicate-IC flag on both customers, naming the other', async () => {
    const expected = [{ id: flagId, kind: 'duplicate_ic', claimant: { id: quiet.customerId, name: 'Quiet One' }, holder: { id: aina.customerId, name: 'Aina Sofea' }, createdAt: expect.any(String) }];
    expect(await listOpenCustomerFlags(test.db, t.a, quiet.customerId)).toEqual(expected);
    expect(await listOpenCustomerFlags(test.db, t.a, aina.customerId)).toEqual(expected);
    expect(await listOpenCustomerFlags(test.db, t.b, aina.customerId)).toEqual([]);
  });

  it('lets agents look but not close; another tenant cannot close it', async () => {
    await expect(closeCustomerFlag(test.db, agent, flagId, 'dismissed')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(closeCustomerFlag(test.db, t.b, flagId, 'dismissed')).rejects.toMatchObject({ code: 'not_found' });
    expect(await listOpenCustomerFlags(test.db, t.a, quiet.customerId)).toHaveLength(1);
  });

  it('closes once, with who and when, and an audit entry', async () => {
    await closeCustomerFlag(test.db, admin, flagId, 'resolved');
    const [row] = await test.db.select().from(customerFlags).where(eq(customerFlags.id, flagId));
    expect(row).toMatchObject({ status: 'resolved', resolvedByUserId: admin.userId, resolvedAt: expect.any(Date) });
    expect(await listOpenCustomerFlags(test.db, t.a, quiet.customerId)).toEqual([]);
    await expect(closeCustomerFlag(test.db, admin, flagId, 'dismissed')).rejects.toMatchObject({ code: 'not_found' });
    const [entry] = await test.db.select().from(auditLog).where(and(eq(auditLog.tenantId, t.a.tenantId), eq(auditLog.action, 'customer_flag.resolved')));
    expect(entry).toMatchObject({ targetId: quiet.customerId, metadata: { flagId } });
  });
});
