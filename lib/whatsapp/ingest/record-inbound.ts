import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { conversations, media, messages } from '@/db/schema';
import type { InboundMessage } from '@/lib/whatsapp/types';
import { recordset } from './recordset';

export interface InboundToRecord {
  channelId: string;
  customerId: string;
  message: InboundMessage;
}

export interface RecordedInbound {
  channelId: string;
  // The message as it arrived (same object), for the caller's counters.
  message: InboundMessage;
  messageId: string;
  customerId: string;
  conversationId: string;
  mediaId: string | null;
}

const pairKey = (a: string, b: string) => `${a} ${b}`;
const byKey = <T>(entries: Map<string, T>) => [...entries.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, value]) => value);

// One conversation per channel and customer; a new one starts at its first message's time
// (Meta's timestamps are whole seconds in the past; a default of now() would outrank them).
async function upsertConversations(db: Database, tenantId: string, inbound: readonly InboundToRecord[]): Promise<Map<string, string>> {
  const firsts = new Map<string, { channelId: string; customerId: string; at: Date }>();
  for (const { channelId, customerId, message } of inbound) {
    const key = pairKey(channelId, customerId);
    if (!firsts.has(key)) firsts.set(key, { channelId, customerId, at: message.timestamp });
  }
  const rows = await db
    .insert(conversations)
    .values(byKey(firsts).map((f) => ({ tenantId, channelId: f.channelId, customerId: f.customerId, lastMessageAt: f.at, createdAt: f.at })))
    .onConflictDoUpdate({ target: [conversations.channelId, conversations.customerId], set: { customerId: sql`excluded.customer_id` } })
    .returning({ id: conversations.id, channelId: conversations.channelId, customerId: conversations.customerId });
  return new Map(rows.map((r) => [pairKey(r.channelId, r.customerId), r.id]));
}

interface ConversationChange {
  id: string;
  unread: number;
  lastAt: string;
  // The newest new message's text; a tie goes to the later one, as one by one.
  preview: string | null;
}

// Counters, the 24-hour window and the preview move by the new messages only; a late
// redelivery of an old message must not become the preview.
async function moveConversations(db: Database, tenantId: string, recorded: readonly RecordedInbound[]): Promise<void> {
  const changes = new Map<string, ConversationChange>();
  for (const { conversationId: id, message } of recorded) {
    const at = message.timestamp.toISOString();
    const c = changes.get(id) ?? { id, unread: 0, lastAt: at, preview: message.text };
    c.unread += 1;
    if (at >= c.lastAt) Object.assign(c, { lastAt: at, preview: message.text });
    changes.set(id, c);
  }
  if (changes.size === 0) return;
  const v = recordset(byKey(changes), { id: 'uuid', unread: 'int', lastAt: 'timestamptz', preview: 'text' });
  await db
    .update(conversations)
    .set({
      status: 'open',
      updatedAt: sql`now()`,
      unreadCount: sql`${conversations.unreadCount} + ${v.col('unread')}`,
      lastInboundAt: sql`greatest(${conversations.lastInboundAt}, ${v.col('lastAt')})`,
      lastMessagePreview: sql`case when ${conversations.lastMessageAt} <= ${v.col('lastAt')} then ${v.col('preview')} else ${conversations.lastMessagePreview} end`,
      lastMessageAt: sql`greatest(${conversations.lastMessageAt}, ${v.col('lastAt')})`,
    })
    .from(v.table)
    // The id list lets the planner use the primary key instead of scanning the table.
    .where(and(eq(conversations.tenantId, tenantId), inArray(conversations.id, [...changes.keys()]), sql`${conversations.id} = ${v.col('id')}`));
}

// Stores a batch of inbound messages, each exactly once per (channel, wamid), with their media
// rows; returns the ones that were new. Counters and the 24-hour window move only for those.
export async function recordInboundMessages(db: Database, tenantId: string, inbound: readonly InboundToRecord[]): Promise<RecordedInbound[]> {
  if (inbound.length === 0) return [];
  const conversationIds = await upsertConversations(db, tenantId, inbound);
  const firsts = new Map<string, InboundToRecord & { conversationId: string; mediaId: string | null }>();
  for (const item of inbound) {
    const key = pairKey(item.channelId, item.message.wamid);
    const conversationId = conversationIds.get(pairKey(item.channelId, item.customerId));
    if (!conversationId) throw new Error('conversation upsert returned nothing');
    // The media row is written below only if the message is new; messages.media_id has no foreign key.
    if (!firsts.has(key)) firsts.set(key, { ...item, conversationId, mediaId: item.message.media ? randomUUID() : null });
  }
  const toInsert = byKey(firsts);
  const inserted = await db
    .insert(messages)
    .values(
      toInsert.map(({ channelId, customerId, conversationId, mediaId, message }) => ({
        tenantId,
        channelId,
        conversationId,
        customerId,
        direction: 'inbound' as const,
        type: message.type,
        text: message.text,
        content: message.content,
        mediaId,
        wamid: message.wamid,
        replyToWamid: message.replyToWamid,
        status: 'received' as const,
        createdAt: message.timestamp,
      })),
    )
    .onConflictDoNothing({ target: [messages.channelId, messages.wamid] })
    .returning({ id: messages.id, channelId: messages.channelId, wamid: messages.wamid });

  const recorded = inserted.map((row): RecordedInbound => {
    const item = firsts.get(pairKey(row.channelId, row.wamid ?? ''));
    if (!item) throw new Error(`inserted a message that was not in the batch: ${row.wamid}`);
    return { channelId: item.channelId, message: item.message, messageId: row.id, customerId: item.customerId, conversationId: item.conversationId, mediaId: item.mediaId };
  });
  const newMedia = recorded.flatMap(({ channelId, mediaId, message: { media: m } }) =>
    mediaId && m ? [{ id: mediaId, tenantId, channelId, providerMediaId: m.providerMediaId, mimeType: m.mimeType, sha256: m.sha256, fileName: m.fileName }] : [],
  );
  if (newMedia.length > 0) await db.insert(media).values(newMedia);
  await moveConversations(db, tenantId, recorded);
  return recorded;
}
