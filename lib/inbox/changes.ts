import { and, eq, gt, or } from 'drizzle-orm';
import type { Database } from '@/db';
import { conversations, messages } from '@/db/schema';
import type { TenantContext } from '@/lib/tenants/context';
import { type ConversationQuery, conversationConditions, queryConversations } from './conversations';
import { queryMessages } from './timeline';
import type { ConversationView, MessageView } from './views';

// Inbound message times and status times are Meta's clock, not ours, and reach us a little
// after they happened (webhook delivery, then the ingest job). Each poll looks this far back
// before `since`; the browser merges by id, so seeing a change twice is harmless.
export const CHANGES_LOOKBACK_MS = 2 * 60_000;
// Statuses arrive for recent sends; older messages of the open thread are not re-checked.
const STATUS_HORIZON_MS = 7 * 24 * 60 * 60_000;
const MAX_CONVERSATIONS = 100;
const MAX_MESSAGES = 200;

export interface InboxChanges {
  // Pass back as `since` on the next poll.
  until: string;
  conversations: ConversationView[];
  messages: MessageView[];
}

// What changed since the last poll, built for polling every 2–3 s by every open inbox:
// - conversations whose updated_at moved (a message in or out, an assignment, a resolve),
//   through the (tenant_id, updated_at) index, with the list's own filter and search applied;
// - messages of the one open conversation that are new or whose sent/delivered/read/failed
//   time moved, through the (conversation_id, created_at) index over its last week.
// Status changes are not looked for across the whole tenant: no index serves that, and the
// ticks are only shown in the open thread.
export async function inboxChanges(
  db: Database,
  ctx: TenantContext,
  since: Date,
  options: ConversationQuery & { conversationId?: string | null } = { filter: 'all' },
): Promise<InboxChanges> {
  const now = new Date();
  const from = new Date(since.getTime() - CHANGES_LOOKBACK_MS);
  const changedConversations = queryConversations(db, ctx, and(conversationConditions(db, ctx, options), gt(conversations.updatedAt, from)), MAX_CONVERSATIONS);
  const changedMessages = options.conversationId
    ? queryMessages(
        db,
        ctx,
        and(
          eq(messages.conversationId, options.conversationId),
          gt(messages.createdAt, new Date(now.getTime() - STATUS_HORIZON_MS)),
          or(gt(messages.createdAt, from), gt(messages.sentAt, from), gt(messages.deliveredAt, from), gt(messages.readAt, from), gt(messages.failedAt, from)),
        ),
        MAX_MESSAGES,
      )
    : Promise.resolve([]);
  const [conversationRows, messageRows] = await Promise.all([changedConversations, changedMessages]);
  return { until: now.toISOString(), conversations: conversationRows, messages: messageRows.reverse() };
}
