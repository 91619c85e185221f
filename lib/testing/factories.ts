import { randomInt, randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type Message, type Role, auditLog, channels, conversations, customers, memberships, messages, users } from '@/db/schema';
import { seedTenant } from '@/db/seed/tenant';
import { hashPassword } from '@/lib/auth/password';
import { localJobClient } from '@/lib/jobs/local-driver';
import type { ChannelCreateInput } from '@/lib/channels/input';
import type { TenantContext } from '@/lib/tenants/context';
import { encrypt } from '@/lib/crypto';
import { getEnv } from '@/lib/env';

// Passes the password rules; every test user has it.
export const TEST_PASSWORD = 'Kedai-runcit-2024';

export type MemberContext = TenantContext & { userId: string };

export function uniqueEmail(label = 'user'): string {
  return `${label}-${randomUUID().slice(0, 8)}@example.com`;
}

// A tenant and its owner through the sign-up code path; jobs go to the jobs table whatever
// the environment says, so tests never reach Inngest.
export async function createTestTenant(db: Database, businessName = 'Kedai Runcit Ali'): Promise<MemberContext> {
  const { tenant, owner } = await seedTenant(
    db,
    { businessName, owner: { email: uniqueEmail('owner'), name: 'Ali Owner', password: TEST_PASSWORD } },
    localJobClient,
  );
  return { tenantId: tenant.id, tenantName: tenant.name, role: 'owner', userId: owner.id, apiKeyId: null };
}

// Hashed once: argon2id is deliberately slow and most test users never sign in.
let passwordHash: Promise<string> | undefined;

export async function createTestUser(db: Database, email = uniqueEmail()) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const [user] = await db.insert(users).values({ email, name: `User ${email.split('@')[0]}`, passwordHash: await passwordHash }).returning();
  if (!user) throw new Error('user insert returned nothing');
  return user;
}

// A new user with `role` in the tenant, returned as the context that user acts in.
export async function addMember(db: Database, tenant: TenantContext, role: Role): Promise<MemberContext> {
  const user = await createTestUser(db, uniqueEmail(role));
  await db.insert(memberships).values({ tenantId: tenant.tenantId, userId: user.id, role });
  return { ...tenant, role, userId: user.id, apiKeyId: null };
}

// Oldest first; entries written in the same millisecond come in any order.
export async function auditActions(db: Database, tenantId: string): Promise<string[]> {
  const rows = await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.tenantId, tenantId)).orderBy(asc(auditLog.createdAt));
  return rows.map((r) => r.action);
}

export async function membershipRole(db: Database, tenantId: string, userId: string): Promise<Role | null> {
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)));
  return row?.role ?? null;
}

// Meta's ids are long digit strings; these never collide across test files on one server.
export function uniqueMetaId(): string {
  return `1${randomInt(1e9, 1e10 - 1)}${randomInt(1e5, 1e6 - 1)}`;
}

// A valid cloud channel with its own phone number id and distinctive secrets to search for.
export function cloudChannelInput(overrides: Partial<Extract<ChannelCreateInput, { type: 'cloud' }>> = {}): Extract<ChannelCreateInput, { type: 'cloud' }> {
  const tag = randomUUID().replaceAll('-', '');
  return {
    type: 'cloud',
    name: 'Kedai main number',
    phoneNumberId: uniqueMetaId(),
    wabaId: uniqueMetaId(),
    accessToken: `EAAG-test-token-${tag}`,
    appSecret: `app-secret-${tag}`,
    verifyToken: `verify-${tag}`,
    sendRatePerSecond: 80,
    ...overrides,
  };
}

// A channel row inserted directly, so inbox tests do not depend on provisioning jobs.
export async function createTestChannel(db: Database, ctx: TenantContext, name = 'Sandbox'): Promise<string> {
  const [row] = await db.insert(channels).values({ tenantId: ctx.tenantId, type: 'sandbox', name, phoneNumberId: `sandbox-test-${randomUUID()}` }).returning({ id: channels.id });
  if (!row) throw new Error('channel insert returned nothing');
  return row.id;
}

// A Cloud API channel that accepts webhooks signed with `appSecret` (ingest tests).
export async function createSignedCloudChannel(db: Database, tenantId: string, appSecret: string): Promise<{ id: string; phoneNumberId: string }> {
  const phoneNumberId = `PN-${randomUUID().slice(0, 8)}`;
  const [row] = await db
    .insert(channels)
    .values({ tenantId, type: 'cloud', name: 'Main', phoneNumberId, appSecretEnc: encrypt(appSecret, getEnv().ENCRYPTION_KEY) })
    .returning({ id: channels.id });
  if (!row) throw new Error('channel insert returned nothing');
  return { id: row.id, phoneNumberId };
}

export interface TestConversation {
  customerId: string;
  conversationId: string;
  channelId: string;
}

// A customer and their conversation, as the first inbound message would leave them (minus
// the message: add those with addTestMessage).
export async function createTestConversation(
  db: Database,
  ctx: TenantContext,
  options: { name?: string; phone?: string; channelId?: string; status?: 'open' | 'resolved'; assignedUserId?: string | null } = {},
): Promise<TestConversation> {
  const phone = options.phone ?? `+6012${randomInt(1_000_000, 9_999_999)}`;
  const [customer] = await db
    .insert(customers)
    .values({ tenantId: ctx.tenantId, phone, waId: phone.slice(1), name: options.name ?? `Customer ${phone.slice(-4)}`, profileName: options.name ?? null })
    .returning({ id: customers.id });
  if (!customer) throw new Error('customer insert returned nothing');
  const channelId = options.channelId ?? (await createTestChannel(db, ctx));
  const [conversation] = await db
    .insert(conversations)
    .values({ tenantId: ctx.tenantId, channelId, customerId: customer.id, status: options.status ?? 'open', assignedUserId: options.assignedUserId ?? null })
    .returning({ id: conversations.id });
  if (!conversation) throw new Error('conversation insert returned nothing');
  return { customerId: customer.id, conversationId: conversation.id, channelId };
}

// As if the conversation last changed `ms` ago (tests of what changed since a poll).
export async function backdateConversation(db: Database, ctx: TenantContext, to: TestConversation, ms: number): Promise<void> {
  await db
    .update(conversations)
    .set({ updatedAt: new Date(Date.now() - ms) })
    .where(and(eq(conversations.tenantId, ctx.tenantId), eq(conversations.id, to.conversationId)));
}

// A message in the conversation, moving the conversation and customer on as ingest and
// sending do (last message, preview, unread count, 24-hour window, counts).
export async function addTestMessage(
  db: Database,
  ctx: TenantContext,
  to: TestConversation,
  message: Partial<typeof messages.$inferInsert> & { direction: 'inbound' | 'outbound' },
): Promise<Message> {
  const inbound = message.direction === 'inbound';
  const [row] = await db
    .insert(messages)
    .values({
      tenantId: ctx.tenantId,
      channelId: to.channelId,
      conversationId: to.conversationId,
      customerId: to.customerId,
      type: 'text',
      text: 'Hello',
      status: inbound ? 'received' : 'sent',
      wamid: `wamid.test-${randomUUID()}`,
      ...message,
    })
    .returning();
  if (!row) throw new Error('message insert returned nothing');
  const at = row.createdAt.toISOString();
  const newest = sql`(select ${messages.createdAt} from ${messages} where ${messages.conversationId} = ${to.conversationId} order by ${messages.createdAt} desc limit 1)`;
  await db
    .update(conversations)
    .set({
      // Whatever order a test adds them in, the conversation shows its newest message.
      lastMessageAt: newest,
      updatedAt: new Date(),
      lastMessagePreview: sql`(select ${messages.text} from ${messages} where ${messages.conversationId} = ${to.conversationId} order by ${messages.createdAt} desc limit 1)`,
      ...(inbound ? { unreadCount: sql`${conversations.unreadCount} + 1`, lastInboundAt: sql`greatest(${conversations.lastInboundAt}, ${at}::timestamptz)` } : {}),
    })
    .where(and(eq(conversations.tenantId, ctx.tenantId), eq(conversations.id, to.conversationId)));
  await db
    .update(customers)
    .set(inbound ? { inboundCount: sql`${customers.inboundCount} + 1`, lastInteractionAt: row.createdAt } : { outboundCount: sql`${customers.outboundCount} + 1`, lastInteractionAt: row.createdAt })
    .where(and(eq(customers.tenantId, ctx.tenantId), eq(customers.id, to.customerId)));
  return row;
}
