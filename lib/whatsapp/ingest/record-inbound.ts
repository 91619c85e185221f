import { and, eq, or, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { conversations, customers, media, messages } from '@/db/schema';
import { fallbackCustomerName, toE164 } from '@/lib/customers/phone';
import type { InboundContact, InboundMessage } from '@/lib/whatsapp/types';

export interface ChannelRef {
  id: string;
  tenantId: string;
}

export interface RecordedInbound {
  created: boolean;
  messageId: string | null;
  customerId: string;
  conversationId: string;
  mediaId: string | null;
}

// Finds the customer by WhatsApp id or business-scoped user id (never the phone alone) and
// fills in what the new message tells us; creates them on first contact.
export async function upsertCustomerFromContact(db: Database, tenantId: string, contact: InboundContact): Promise<string> {
  const phone = toE164(contact.waId);
  const match = [
    contact.waId ? eq(customers.waId, contact.waId) : undefined,
    contact.userId ? eq(customers.waUserId, contact.userId) : undefined,
  ].filter((c) => c !== undefined);
  if (match.length === 0) throw new Error('a WhatsApp contact needs a wa_id or a user_id');
  const find = async () =>
    (await db.select({ id: customers.id }).from(customers).where(and(eq(customers.tenantId, tenantId), or(...match))).limit(1))[0];
  const existing = await find();
  if (existing) {
    await db
      .update(customers)
      .set({
        profileName: contact.profileName ?? sql`${customers.profileName}`,
        waId: sql`coalesce(${customers.waId}, ${contact.waId})`,
        waUserId: sql`coalesce(${customers.waUserId}, ${contact.userId})`,
        phone: sql`coalesce(${customers.phone}, ${phone})`,
      })
      .where(and(eq(customers.tenantId, tenantId), eq(customers.id, existing.id)));
    return existing.id;
  }
  const [created] = await db
    .insert(customers)
    .values({
      tenantId,
      phone,
      waId: contact.waId,
      waUserId: contact.userId,
      profileName: contact.profileName,
      name: contact.profileName?.trim() || fallbackCustomerName(phone, contact.waId, contact.userId),
    })
    .onConflictDoNothing()
    .returning({ id: customers.id });
  // Lost a race with a concurrent first message from the same person: use their row.
  const id = created?.id ?? (await find())?.id;
  if (!id) throw new Error('customer upsert found no row');
  return id;
}

async function upsertConversation(db: Database, channel: ChannelRef, customerId: string, at: Date): Promise<string> {
  const [row] = await db
    .insert(conversations)
    // Meta's timestamps are whole seconds in the past; a default of now() would outrank them.
    .values({ tenantId: channel.tenantId, channelId: channel.id, customerId, lastMessageAt: at, createdAt: at })
    .onConflictDoUpdate({ target: [conversations.channelId, conversations.customerId], set: { customerId } })
    .returning({ id: conversations.id });
  if (!row) throw new Error('conversation upsert returned nothing');
  return row.id;
}

// Stores one inbound message exactly once per (channel, wamid); counters and the 24-hour
// window move only when the message is new.
export async function recordInboundMessage(db: Database, channel: ChannelRef, contact: InboundContact, message: InboundMessage): Promise<RecordedInbound> {
  return db.transaction(async (tx) => {
    const customerId = await upsertCustomerFromContact(tx, channel.tenantId, contact);
    const conversationId = await upsertConversation(tx, channel, customerId, message.timestamp);
    const [inserted] = await tx
      .insert(messages)
      .values({
        tenantId: channel.tenantId,
        channelId: channel.id,
        conversationId,
        customerId,
        direction: 'inbound',
        type: message.type,
        text: message.text,
        content: message.content,
        wamid: message.wamid,
        replyToWamid: message.replyToWamid,
        status: 'received',
        createdAt: message.timestamp,
      })
      .onConflictDoNothing({ target: [messages.channelId, messages.wamid] })
      .returning({ id: messages.id });
    if (!inserted) return { created: false, messageId: null, customerId, conversationId, mediaId: null };

    let mediaId: string | null = null;
    if (message.media) {
      const [row] = await tx
        .insert(media)
        .values({
          tenantId: channel.tenantId,
          channelId: channel.id,
          providerMediaId: message.media.providerMediaId,
          mimeType: message.media.mimeType,
          sha256: message.media.sha256,
          fileName: message.media.fileName,
        })
        .returning({ id: media.id });
      mediaId = row?.id ?? null;
      await tx.update(messages).set({ mediaId }).where(and(eq(messages.tenantId, channel.tenantId), eq(messages.id, inserted.id)));
    }
    const at = message.timestamp;
    await tx
      .update(customers)
      .set({
        inboundCount: sql`${customers.inboundCount} + 1`,
        lastInteractionAt: sql`greatest(${customers.lastInteractionAt}, ${at.toISOString()}::timestamptz)`,
        updatedAt: new Date(),
      })
      .where(and(eq(customers.tenantId, channel.tenantId), eq(customers.id, customerId)));
    await tx
      .update(conversations)
      .set({
        status: 'open',
        updatedAt: new Date(),
        unreadCount: sql`${conversations.unreadCount} + 1`,
        lastInboundAt: sql`greatest(${conversations.lastInboundAt}, ${at.toISOString()}::timestamptz)`,
        // A late redelivery of an old message must not become the preview.
        lastMessagePreview: sql`case when ${conversations.lastMessageAt} <= ${at.toISOString()}::timestamptz then ${message.text} else ${conversations.lastMessagePreview} end`,
        lastMessageAt: sql`greatest(${conversations.lastMessageAt}, ${at.toISOString()}::timestamptz)`,
      })
      .where(and(eq(conversations.tenantId, channel.tenantId), eq(conversations.id, conversationId)));
    return { created: true, messageId: inserted.id, customerId, conversationId, mediaId };
  });
}
