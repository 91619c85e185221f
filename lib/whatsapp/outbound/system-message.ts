import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { conversations, customers, messages } from '@/db/schema';
import { type JobClient, getJobClient } from '@/lib/jobs/client';
import type { ReplyButton } from '@/lib/whatsapp/providers/types';

// What Sembang itself says in a conversation (the consent notice, confirmations, the profile
// prompt): free-form, so only inside the 24-hour window — callers check it first.
export interface SystemMessage {
  // Which automation wrote it, kept in the message's content (e.g. 'consent.notice').
  automation: string;
  text: string;
  // Reply buttons make it an interactive message (at most three, titles ≤ 20 characters).
  buttons?: readonly ReplyButton[];
}

export interface ConversationRef {
  tenantId: string;
  conversationId: string;
  channelId: string;
  customerId: string;
}

// Stores the messages as pending (no sending user) and queues their delivery, in the caller's
// transaction. They are spaced a millisecond apart so they keep their order in the thread.
// Automated messages count as outbound messages, but they are not the team's answer: the
// conversation keeps its unread count, preview and place in the inbox, and the customer's
// last interaction stays theirs. Only updated_at moves, so open inboxes fetch them.
export async function queueSystemMessages(
  db: Database,
  to: ConversationRef,
  outgoing: readonly SystemMessage[],
  options: { now?: Date; jobs?: JobClient } = {},
): Promise<string[]> {
  if (outgoing.length === 0) return [];
  const now = options.now ?? new Date();
  const rows = await db
    .insert(messages)
    .values(
      outgoing.map((m, i) => ({
        tenantId: to.tenantId,
        channelId: to.channelId,
        conversationId: to.conversationId,
        customerId: to.customerId,
        direction: 'outbound' as const,
        status: 'pending' as const,
        type: m.buttons?.length ? ('interactive' as const) : ('text' as const),
        text: m.text,
        content: { automation: m.automation, ...(m.buttons?.length ? { interactive: { kind: 'button', buttons: m.buttons.map(({ id, title }) => ({ id, title })) } } : {}) },
        createdAt: new Date(now.getTime() + i),
      })),
    )
    .returning({ id: messages.id });
  if (rows.length === 0) throw new Error('message insert returned nothing');
  await db
    .update(customers)
    .set({ outboundCount: sql`${customers.outboundCount} + ${rows.length}` })
    .where(and(eq(customers.tenantId, to.tenantId), eq(customers.id, to.customerId)));
  await db
    .update(conversations)
    .set({ updatedAt: new Date() })
    .where(and(eq(conversations.tenantId, to.tenantId), eq(conversations.id, to.conversationId)));
  await (options.jobs ?? getJobClient()).sendMany(
    rows.map((r) => ({ name: 'whatsapp/message.send' as const, data: { tenantId: to.tenantId, messageId: r.id }, dedupeKey: `message.send:${r.id}` })),
    { db },
  );
  return rows.map((r) => r.id);
}
