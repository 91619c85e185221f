import type { Metadata } from 'next';
import { z } from 'zod';
import { DEFAULT_FILTER } from '@/components/inbox/inbox-href';
import { Inbox } from '@/components/inbox/inbox';
import type { ThreadState } from '@/components/inbox/use-inbox';
import { getDb } from '@/db';
import type { Database } from '@/db';
import { page } from '@/lib/api/pagination';
import { requireSessionContext } from '@/lib/auth/session';
import { AppError } from '@/lib/errors';
import { getConversation, listConversations } from '@/lib/inbox/conversations';
import { listSendableTemplates } from '@/lib/inbox/templates';
import { getTimeline } from '@/lib/inbox/timeline';
import { inboxFilters } from '@/lib/inbox/views';
import { listMembers } from '@/lib/members/members';
import type { TenantContext } from '@/lib/tenants/context';

export const metadata: Metadata = { title: 'Inbox' };

const PAGE_SIZE = 50;

// Anything unexpected in the URL falls back to the default view rather than an error page.
const paramsSchema = z.object({
  filter: z.enum(inboxFilters).catch(DEFAULT_FILTER),
  q: z.string().trim().max(100).catch('').default(''),
  c: z.uuid().optional().catch(undefined),
});

async function loadThread(db: Database, ctx: TenantContext, id: string | undefined): Promise<ThreadState | null> {
  if (!id) return null;
  try {
    const [conversation, timeline] = await Promise.all([getConversation(db, ctx, id), getTimeline(db, ctx, id, { limit: PAGE_SIZE })]);
    return { conversation, messages: timeline.data, olderCursor: timeline.nextCursor };
  } catch (error) {
    // Another tenant's or a deleted conversation: show the list without it.
    if (error instanceof AppError && error.code === 'not_found') return null;
    throw error;
  }
}

export default async function InboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireSessionContext();
  const params = paramsSchema.parse(await searchParams);
  const db = getDb();
  const loadedAt = new Date().toISOString();
  const [rows, thread, members, templates] = await Promise.all([
    listConversations(db, ctx, { filter: params.filter, search: params.q, limit: PAGE_SIZE + 1 }),
    loadThread(db, ctx, params.c),
    listMembers(db, ctx),
    listSendableTemplates(db, ctx),
  ]);
  const list = page(rows, PAGE_SIZE, (c) => ({ createdAt: new Date(c.lastMessageAt), id: c.id }));
  const me = members.find((m) => m.userId === ctx.userId);
  return (
    <Inbox
      snapshot={{ loadedAt, filter: params.filter, q: params.q, conversations: list.data, nextCursor: list.nextCursor, thread }}
      me={{ userId: ctx.userId, name: me?.name ?? 'You' }}
      members={members.map((m) => ({ userId: m.userId, name: m.name }))}
      templates={templates}
    />
  );
}
