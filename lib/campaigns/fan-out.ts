import { sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { type Campaign, campaignRecipients, customers } from '@/db/schema';
import { audienceCondition, skipReasonSql } from './audience';
import { executedRows } from '@/db/rows';

export interface FanOutResult {
  queued: number;
  skipped: number;
}

// A fan-out this large changes the table's statistics enough to matter: the claim's plan for a
// campaign with many queued rows (walk the queue index in order) differs from an empty table's
// (read and sort every queued row — 200 ms a claim at 300,000 queued, bench:campaign).
const ANALYZE_AFTER_ROWS = 10_000;

// Queues a campaign's recipients with one INSERT … SELECT over the audience (segments evaluated
// now, hand-picked customers, minus exclusions). One row per customer (and occurrence): the
// unique (campaign_id, customer_id, occurrence) index makes a second run add nobody twice.
// Customers who cannot be sent to now are inserted as 'skipped' with their reason in the same
// statement, so the campaign's stats account for everyone in the audience. Rows go in by
// customer id, so the unique and (tenant, customer) indexes are written in key order. Ids stay
// random: with time-ordered ids a newer campaign's rows would all sit after an older one's in
// the primary key, and the claim's planner, counting on them being spread evenly, walks the
// primary key from the start (1 s a claim behind 1,000,000 older rows).
export async function fanOutCampaign(db: Database, campaign: Campaign, options: { occurrence?: string; now?: Date } = {}): Promise<FanOutResult> {
  const ctx = { tenantId: campaign.tenantId };
  const where = await audienceCondition(db, ctx, campaign.audience, options.now);
  const reason = skipReasonSql(campaign);
  const result = await db.execute(sql`
    with audience as materialized (
      select ${customers.id} as customer_id, ${reason} as reason from ${customers} where ${where}
    ), inserted as (
      insert into ${campaignRecipients} (tenant_id, campaign_id, customer_id, occurrence, status, reason)
      select ${campaign.tenantId}::uuid, ${campaign.id}::uuid, a.customer_id, ${options.occurrence ?? ''},
             case when a.reason is null then 'queued' else 'skipped' end, a.reason
      from audience a
      order by a.customer_id
      on conflict (campaign_id, customer_id, occurrence) do nothing
      returning status
    )
    select (count(*) filter (where status = 'queued'))::int as queued, (count(*) filter (where status = 'skipped'))::int as skipped from inserted`);
  const [row] = executedRows<FanOutResult>(result);
  const fanned = { queued: Number(row?.queued ?? 0), skipped: Number(row?.skipped ?? 0) };
  if (fanned.queued + fanned.skipped >= ANALYZE_AFTER_ROWS) await db.execute(sql`analyze ${campaignRecipients}`);
  return fanned;
}
