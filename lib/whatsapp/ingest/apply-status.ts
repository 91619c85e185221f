import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { messages } from '@/db/schema';
import { applyCampaignStatuses } from '@/lib/campaigns/tracking';
import type { StatusUpdate, StatusValue } from '@/lib/whatsapp/types';
import { recordset } from './recordset';

// Statuses arrive out of order and more than once; a message's status only ever advances.
// 'failed' may follow 'sent' but not a delivery or a read.
const ranks: Record<StatusValue, number> = { sent: 1, failed: 2, delivered: 3, read: 4, played: 5 };
const rank = sql`(case ${messages.status} when 'pending' then 0 when 'sent' then 1 when 'failed' then 2 when 'delivered' then 3 when 'read' then 4 when 'played' then 5 else -1 end)`;

export interface ChannelStatus {
  channelId: string;
  update: StatusUpdate;
}

// All the updates for one message as one, so a batch touches each row once.
export interface FoldedStatus {
  channelId: string;
  wamid: string;
  status: StatusValue;
  rank: number;
  // A later status implies the earlier ones; each moment keeps the earliest time reported for it.
  sentAt: string | null;
  deliveredAt: string | null;
  readAt: string | null;
  failedAt: string | null;
  failed: boolean;
  errorCode: number | null;
  errorTitle: string | null;
}

const earliest = (a: string | null, b: string) => (a === null || b < a ? b : a);

// Applying the folded update leaves a message as applying the updates one by one would, in
// any order: the highest status, the earliest time of each, and the last failure's error.
export function foldStatuses(statuses: readonly ChannelStatus[]): FoldedStatus[] {
  const folded = new Map<string, FoldedStatus>();
  for (const { channelId, update } of statuses) {
    const key = `${channelId} ${update.wamid}`;
    const f = folded.get(key) ?? {
      channelId, wamid: update.wamid, status: update.status, rank: ranks[update.status],
      sentAt: null, deliveredAt: null, readAt: null, failedAt: null, failed: false, errorCode: null, errorTitle: null,
    };
    const at = update.timestamp.toISOString();
    const reached = (s: StatusValue) => update.status !== 'failed' && ranks[update.status] >= ranks[s];
    if (ranks[update.status] > f.rank) Object.assign(f, { status: update.status, rank: ranks[update.status] });
    if (reached('sent')) f.sentAt = earliest(f.sentAt, at);
    if (reached('delivered')) f.deliveredAt = earliest(f.deliveredAt, at);
    if (reached('read')) f.readAt = earliest(f.readAt, at);
    if (update.status === 'failed') Object.assign(f, { failed: true, failedAt: earliest(f.failedAt, at), errorCode: update.errorCode, errorTitle: update.errorTitle });
    folded.set(key, f);
  }
  return [...folded.values()];
}

// Applies a batch of statuses to outbound messages and returns the `channelId wamid` keys it
// matched. A status for a wamid we have not stored (yet) is left out: the send may not have
// recorded it, so the caller retries later. The rows are locked in id order first, so two
// batches touching the same messages wait for each other instead of deadlocking.
export async function applyStatuses(db: Database, tenantId: string, statuses: readonly ChannelStatus[]): Promise<Set<string>> {
  if (statuses.length === 0) return new Set();
  const folded = foldStatuses(statuses);
  const v = recordset(folded, {
    channelId: 'uuid', wamid: 'text', status: 'text', rank: 'int', sentAt: 'timestamptz', deliveredAt: 'timestamptz',
    readAt: 'timestamptz', failedAt: 'timestamptz', failed: 'boolean', errorCode: 'int', errorTitle: 'text',
  });
  // Looked up by the (channel_id, wamid) index; a join with the recordset was planned as a scan
  // of every message.
  const locked = await db
    .select({ id: messages.id })
    .from(messages)
    .where(
      and(
        eq(messages.tenantId, tenantId),
        inArray(messages.channelId, [...new Set(folded.map((f) => f.channelId))]),
        inArray(messages.wamid, folded.map((f) => f.wamid)),
        eq(messages.direction, 'outbound'),
      ),
    )
    .orderBy(asc(messages.id))
    .for('update');
  if (locked.length === 0) return new Set();
  const rows = await db
    .update(messages)
    .set({
      status: sql`case when ${rank} < ${v.col('rank')} then ${v.col('status')} else ${messages.status} end`,
      sentAt: sql`least(${messages.sentAt}, ${v.col('sentAt')})`,
      deliveredAt: sql`least(${messages.deliveredAt}, ${v.col('deliveredAt')})`,
      readAt: sql`least(${messages.readAt}, ${v.col('readAt')})`,
      failedAt: sql`least(${messages.failedAt}, ${v.col('failedAt')})`,
      errorCode: sql`case when ${v.col('failed')} then ${v.col('errorCode')} else ${messages.errorCode} end`,
      errorTitle: sql`case when ${v.col('failed')} then ${v.col('errorTitle')} else ${messages.errorTitle} end`,
    })
    .from(v.table)
    .where(and(eq(messages.tenantId, tenantId), inArray(messages.id, locked.map((r) => r.id)), sql`${messages.channelId} = ${v.col('channelId')}`, sql`${messages.wamid} = ${v.col('wamid')}`))
    .returning({
      channelId: messages.channelId,
      wamid: messages.wamid,
      messageId: messages.id,
      status: messages.status,
      deliveredAt: messages.deliveredAt,
      readAt: messages.readAt,
      failedAt: messages.failedAt,
      errorCode: messages.errorCode,
      errorTitle: messages.errorTitle,
      campaign: sql<boolean>`${messages.content} ? 'campaignRecipientId'`,
    });
  // Campaign messages move their recipients on in the same transaction (one more UPDATE, only
  // when the batch has any).
  await applyCampaignStatuses(db, tenantId, rows.filter((r) => r.campaign));
  return new Set(rows.map((r) => `${r.channelId} ${r.wamid}`));
}
