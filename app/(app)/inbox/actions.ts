'use server';

import { z } from 'zod';
import { jsonField } from '@/lib/actions/json-field';
import { tenantAction } from '@/lib/actions/tenant-action';
import { decodeCursor, page } from '@/lib/api/pagination';
import { assignConversation, listConversations, markConversationRead, setConversationStatus } from '@/lib/inbox/conversations';
import { sendFromInbox } from '@/lib/inbox/send';
import { getTimeline } from '@/lib/inbox/timeline';
import { inboxFilters } from '@/lib/inbox/views';
import { outboundInputSchema } from '@/lib/whatsapp/outbound/queue-message';

const conversationId = z.uuid();
const INBOX_PAGE_SIZE = 50;

// The composer posts the message as JSON in one field: a template's parameters are a list,
// which FormData (read with Object.fromEntries) would flatten.
const messageField = jsonField('The message', outboundInputSchema);

export const sendMessageAction = tenantAction(z.object({ conversationId, message: messageField }), ({ db, ctx, input }) =>
  sendFromInbox(db, ctx, input.conversationId, input.message),
);

export const assignConversationAction = tenantAction(
  // An empty value unassigns.
  z.object({ conversationId, userId: z.union([z.uuid(), z.literal('')]).transform((v) => v || null) }),
  ({ db, ctx, input }) => assignConversation(db, ctx, input.conversationId, input.userId),
);

export const setConversationStatusAction = tenantAction(z.object({ conversationId, status: z.enum(['open', 'resolved']) }), ({ db, ctx, input }) =>
  setConversationStatus(db, ctx, input.conversationId, input.status),
);

export const markConversationReadAction = tenantAction(z.object({ conversationId }), ({ db, ctx, input }) => markConversationRead(db, ctx, input.conversationId));

export const loadOlderMessagesAction = tenantAction(z.object({ conversationId, cursor: z.string().max(200) }), ({ db, ctx, input }) =>
  getTimeline(db, ctx, input.conversationId, { before: decodeCursor(input.cursor), limit: INBOX_PAGE_SIZE }),
);

export const loadMoreConversationsAction = tenantAction(
  z.object({ filter: z.enum(inboxFilters), q: z.string().max(100).default(''), cursor: z.string().max(200) }),
  async ({ db, ctx, input }) => {
    const rows = await listConversations(db, ctx, { filter: input.filter, search: input.q, limit: INBOX_PAGE_SIZE + 1, after: decodeCursor(input.cursor) });
    return page(rows, INBOX_PAGE_SIZE, (c) => ({ createdAt: new Date(c.lastMessageAt), id: c.id }));
  },
);
