import { type AnyColumn, and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { messages } from '@/db/schema';
import type { StatusUpdate } from '@/lib/whatsapp/types';
import type { ChannelRef } from './record-inbound';

// Statuses arrive out of order and more than once; a message's status only ever advances.
// 'failed' may follow 'sent' but not a delivery or a read.
const rank = sql`(case ${messages.status} when 'pending' then 0 when 'sent' then 1 when 'failed' then 2 when 'delivered' then 3 when 'read' then 4 when 'played' then 5 else -1 end)`;
const ranks: Record<StatusUpdate['status'], number> = { sent: 1, failed: 2, delivered: 3, read: 4, played: 5 };

// Returns false when no outbound message has this wamid (yet): the send may not have
// recorded it, so the caller retries later.
export async function applyStatus(db: Database, channel: ChannelRef, update: StatusUpdate): Promise<boolean> {
  const at = update.timestamp.toISOString();
  // A later status implies the earlier ones; each moment keeps the earliest time reported for it.
  const stamp = (column: AnyColumn, applies: boolean) => (applies ? sql`least(${column}, ${at}::timestamptz)` : sql`${column}`);
  const reached = (s: StatusUpdate['status']) => ranks[update.status] >= ranks[s] && update.status !== 'failed';
  const rows = await db
    .update(messages)
    .set({
      status: sql`case when ${rank} < ${ranks[update.status]} then ${update.status} else ${messages.status} end`,
      sentAt: stamp(messages.sentAt, reached('sent')),
      deliveredAt: stamp(messages.deliveredAt, reached('delivered')),
      readAt: stamp(messages.readAt, reached('read')),
      failedAt: stamp(messages.failedAt, update.status === 'failed'),
      errorCode: update.status === 'failed' ? update.errorCode : sql`${messages.errorCode}`,
      errorTitle: update.status === 'failed' ? update.errorTitle : sql`${messages.errorTitle}`,
    })
    .where(and(eq(messages.tenantId, channel.tenantId), eq(messages.channelId, channel.id), eq(messages.wamid, update.wamid), eq(messages.direction, 'outbound')))
    .returning({ id: messages.id });
  return rows.length > 0;
}
