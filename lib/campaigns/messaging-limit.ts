import { sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { type Campaign, type Channel, messages } from '@/db/schema';
import { isFreeFormText } from './audience';
import { executedRows } from '@/db/rows';

// Meta's messaging limit: how many unique customers a number may start conversations with
// (business-initiated: templates) in a rolling 24 hours. Free-form text only reaches customers
// inside their own 24-hour window, so it does not count and is not limited here.

export interface LimitBudget {
  // How many more customers may be messaged now (Infinity when unlimited).
  remaining: number;
  // When the oldest of the customers counted leaves the 24 hours (null when none are counted).
  freesAt: Date | null;
}

export async function messagingBudget(db: Database, campaign: Pick<Campaign, 'tenantId' | 'message'>, channel: Pick<Channel, 'id' | 'messagingLimit'>): Promise<LimitBudget> {
  if (channel.messagingLimit === 'unlimited' || isFreeFormText(campaign.message)) return { remaining: Number.POSITIVE_INFINITY, freesAt: null };
  const limit = Number(channel.messagingLimit);
  const result = await db.execute(sql`
    select count(*)::int as used, (extract(epoch from min(last_at)) * 1000)::float8 as oldest_ms
    from (
      select max(created_at) as last_at from ${messages}
      where tenant_id = ${campaign.tenantId} and channel_id = ${channel.id} and direction = 'outbound' and type = 'template'
        and status <> 'failed' and created_at > now() - interval '24 hours'
      group by customer_id
    ) counted`);
  const [row] = executedRows<{ used: number; oldest_ms: number | null }>(result);
  const used = Number(row?.used ?? 0);
  const oldest = row?.oldest_ms == null ? null : new Date(Number(row.oldest_ms) + 24 * 3_600_000);
  return { remaining: Math.max(0, limit - used), freesAt: oldest };
}
