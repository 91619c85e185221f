import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { campaignRecipients } from '@/db/schema';

// A campaign's funnel: 'sent' counts every recipient that reached sent or beyond, 'delivered'
// delivered or read; 'queued' includes the few being sent this moment.
export interface CampaignStats {
  total: number;
  queued: number;
  sent: number;
  delivered: number;
  read: number;
  failed: number;
  skipped: number;
  clicked: number;
  converted: number;
}

export const emptyStats: CampaignStats = { total: 0, queued: 0, sent: 0, delivered: 0, read: 0, failed: 0, skipped: 0, clicked: 0, converted: 0 };

const r = campaignRecipients;
const count = (condition: ReturnType<typeof sql>) => sql<number>`(count(*) filter (where ${condition}))::int`;

// One grouped count over the campaigns' recipients (the (campaign_id, status, id) index).
export async function campaignStats(db: Database, tenantId: string, campaignIds: readonly string[]): Promise<Map<string, CampaignStats>> {
  const result = new Map<string, CampaignStats>();
  if (campaignIds.length === 0) return result;
  const rows = await db
    .select({
      campaignId: r.campaignId,
      total: sql<number>`count(*)::int`,
      queued: count(sql`${r.status} in ('queued', 'sending')`),
      sent: count(sql`${r.status} in ('sent', 'delivered', 'read')`),
      delivered: count(sql`${r.status} in ('delivered', 'read')`),
      read: count(sql`${r.status} = 'read'`),
      failed: count(sql`${r.status} = 'failed'`),
      skipped: count(sql`${r.status} = 'skipped'`),
      clicked: count(sql`${r.clickedAt} is not null`),
      converted: count(sql`${r.convertedAt} is not null`),
    })
    .from(r)
    .where(and(eq(r.tenantId, tenantId), inArray(r.campaignId, [...campaignIds])))
    .groupBy(r.campaignId);
  for (const { campaignId, ...stats } of rows) result.set(campaignId, stats);
  return result;
}

// Why recipients were skipped or failed, for the campaign page (e.g. { opted_out: 3 }).
export async function campaignReasons(db: Database, tenantId: string, campaignId: string): Promise<Record<string, number>> {
  const rows = await db
    .select({ reason: r.reason, n: sql<number>`count(*)::int` })
    .from(r)
    .where(and(eq(r.tenantId, tenantId), eq(r.campaignId, campaignId), inArray(r.status, ['skipped', 'failed'])))
    .groupBy(r.reason);
  return Object.fromEntries(rows.map((row) => [row.reason ?? 'unknown', row.n]));
}
