import { type SQL, and, desc, eq, exists, ilike, or } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db';
import { channels, conversations, customers, memberships, messages, users } from '@/db/schema';
import { afterCursor, type Cursor, listQuerySchema } from '@/lib/api/pagination';
import { customerSearch, likePattern } from '@/lib/customers/customers';
import { AppError } from '@/lib/errors';
import type { TenantContext } from '@/lib/tenants/context';
import { type ConversationView, type InboxFilter, conversationView, inboxFilters } from './views';

export const conversationListQuerySchema = listQuerySchema.extend({
  filter: z.enum(inboxFilters).default('all').describe('open, mine (open and assigned to you; not for API keys), resolved or all'),
  search: z.string().trim().max(100).optional().describe('Part of the customer name or number, or of any message text.'),
});

export interface ConversationQuery {
  filter: InboxFilter;
  search?: string;
}

function filterCondition(ctx: TenantContext, filter: InboxFilter): SQL | undefined {
  if (filter === 'open') return eq(conversations.status, 'open');
  if (filter === 'resolved') return eq(conversations.status, 'resolved');
  if (filter === 'all') return undefined;
  // An API key acts for nobody, so nothing can be "mine".
  if (!ctx.userId) throw AppError.field('validation', 'filter', '“mine” needs a signed-in team member; an API key is assigned nothing.');
  return and(eq(conversations.status, 'open'), eq(conversations.assignedUserId, ctx.userId));
}

// Customer name, profile name or number, the last preview, or any message text.
function searchCondition(db: Database, ctx: TenantContext, search: string | undefined): SQL | undefined {
  if (!search?.trim()) return undefined;
  const pattern = likePattern(search);
  const matchingMessage = db
    .select({ id: messages.id })
    .from(messages)
    .where(and(eq(messages.tenantId, ctx.tenantId), eq(messages.conversationId, conversations.id), ilike(messages.text, pattern)));
  return or(customerSearch(search), ilike(conversations.lastMessagePreview, pattern), exists(matchingMessage));
}

// Every conversation query: the tenant in the WHERE and in each join.
function selectConversations(db: Database, ctx: TenantContext) {
  return db
    .select({
      conversation: conversations,
      customer: { id: customers.id, name: customers.name, phone: customers.phone, profileName: customers.profileName },
      channel: { id: channels.id, name: channels.name, type: channels.type },
      assigneeName: users.name,
    })
    .from(conversations)
    .innerJoin(customers, and(eq(customers.id, conversations.customerId), eq(customers.tenantId, ctx.tenantId)))
    .innerJoin(channels, and(eq(channels.id, conversations.channelId), eq(channels.tenantId, ctx.tenantId)))
    .leftJoin(users, eq(users.id, conversations.assignedUserId))
    .$dynamic();
}

export function conversationConditions(db: Database, ctx: TenantContext, query: ConversationQuery): SQL | undefined {
  return and(eq(conversations.tenantId, ctx.tenantId), filterCondition(ctx, query.filter), searchCondition(db, ctx, query.search));
}

export async function queryConversations(db: Database, ctx: TenantContext, where: SQL | undefined, limit: number): Promise<ConversationView[]> {
  const rows = await selectConversations(db, ctx).where(where).orderBy(desc(conversations.lastMessageAt), desc(conversations.id)).limit(limit);
  const now = new Date();
  return rows.map((row) => conversationView(row, now));
}

// Latest activity first. The cursor's time is the last message time; callers fetch
// limit + 1 rows for lib/api/pagination's page().
export async function listConversations(db: Database, ctx: TenantContext, query: ConversationQuery & { limit: number; after?: Cursor | null }): Promise<ConversationView[]> {
  const keyset = afterCursor(conversations.lastMessageAt, conversations.id, query.after, 'desc');
  return queryConversations(db, ctx, and(conversationConditions(db, ctx, query), keyset), query.limit);
}

export async function getConversation(db: Database, ctx: TenantContext, id: string): Promise<ConversationView> {
  const [row] = await queryConversations(db, ctx, and(eq(conversations.tenantId, ctx.tenantId), eq(conversations.id, id)), 1);
  if (!row) throw new AppError('not_found', 'No conversation with that id.');
  return row;
}

async function updateConversation(db: Database, ctx: TenantContext, id: string, set: Partial<typeof conversations.$inferInsert>): Promise<ConversationView> {
  const [updated] = await db
    .update(conversations)
    .set({ ...set, updatedAt: new Date() })
    .where(and(eq(conversations.tenantId, ctx.tenantId), eq(conversations.id, id)))
    .returning({ id: conversations.id });
  if (!updated) throw new AppError('not_found', 'No conversation with that id.');
  return getConversation(db, ctx, id);
}

export function markConversationRead(db: Database, ctx: TenantContext, id: string): Promise<ConversationView> {
  return updateConversation(db, ctx, id, { unreadCount: 0 });
}

// Assigns to a member of this tenant, or to nobody with null.
export async function assignConversation(db: Database, ctx: TenantContext, id: string, userId: string | null): Promise<ConversationView> {
  if (userId) {
    const [member] = await db
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.tenantId, ctx.tenantId), eq(memberships.userId, userId)))
      .limit(1);
    if (!member) throw AppError.field('validation', 'userId', 'Assign the conversation to a member of this team.');
  }
  return updateConversation(db, ctx, id, { assignedUserId: userId });
}

export function setConversationStatus(db: Database, ctx: TenantContext, id: string, status: ConversationView['status']): Promise<ConversationView> {
  return updateConversation(db, ctx, id, { status });
}
