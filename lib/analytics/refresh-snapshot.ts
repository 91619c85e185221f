import { sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { todayInMalaysia } from '@/lib/mykad';
import { myDay } from './sql-days';

// Campaigns whose funnel can still move: not yet finished, or finished within this many days
// (reads, clicks and conversions arrive after the sends; attribution is at most weeks).
const FUNNEL_RECOUNT_DAYS = 45;

// Recounts the funnel of the tenant's campaigns that can still change, from campaign_recipients.
// A later stage implies the earlier ones (a read message was delivered and sent).
export async function refreshCampaignFunnels(db: Database, tenantId: string, now: Date): Promise<void> {
  await db.execute(sql`
    insert into analytics_campaign_funnels (tenant_id, campaign_id, recipients, sent, delivered, read, clicked, converted, counted_at)
    select ${tenantId}, r.campaign_id, count(*),
      count(*) filter (where r.status in ('sent', 'delivered', 'read') or r.sent_at is not null or r.delivered_at is not null or r.read_at is not null),
      count(*) filter (where r.status in ('delivered', 'read') or r.delivered_at is not null or r.read_at is not null),
      count(*) filter (where r.status = 'read' or r.read_at is not null),
      count(r.clicked_at), count(r.converted_at), ${now.toISOString()}::timestamptz
    from campaign_recipients r
    where r.tenant_id = ${tenantId} and r.campaign_id in (
      select c.id from campaigns c where c.tenant_id = ${tenantId} and c.launched_at is not null
        and (c.status in ('scheduled', 'running', 'paused') or coalesce(c.completed_at, c.cancelled_at, c.launched_at) >= ${now.toISOString()}::timestamptz - ${`${FUNNEL_RECOUNT_DAYS} days`}::interval)
    )
    group by r.campaign_id
    on conflict (tenant_id, campaign_id) do update set recipients = excluded.recipients, sent = excluded.sent, delivered = excluded.delivered,
      read = excluded.read, clicked = excluded.clicked, converted = excluded.converted, counted_at = excluded.counted_at
  `);
}

// Replaces the snapshot of the customer base as it is now: age band, gender, state, marital
// status and tier; lifetime spend by tier and by acquisition month (Malaysian month the
// customer was created); engagement (inbound messages in the last 30 days). Anonymised
// customers are left out: what described them is erased.
export async function refreshSnapshot(db: Database, tenantId: string, now: Date): Promise<void> {
  const today = todayInMalaysia(now);
  const since = new Date(now.getTime() - 30 * 86_400_000).toISOString();
  await db.execute(sql`delete from analytics_snapshots where tenant_id = ${tenantId}`);
  await db.execute(sql`
    with inbound as (
      select customer_id, count(*) as n from messages
      where tenant_id = ${tenantId} and direction = 'inbound' and created_at >= ${since}::timestamptz and created_at <= ${now.toISOString()}::timestamptz
      group by customer_id
    ), c as (
      select c.total_spent, c.gender, c.state, c.marital_status, c.tier, c.created_at,
        date_part('year', age(${today}::date, c.date_of_birth)) as age, coalesce(i.n, 0) as messages
      from customers c left join inbound i on i.customer_id = c.id
      where c.tenant_id = ${tenantId} and c.anonymized_at is null
    )
    insert into analytics_snapshots (tenant_id, dimension, key, customers, spend)
    select ${tenantId}, v.dimension, v.key, count(*), sum(c.total_spent)
    from c cross join lateral (values
      ('age', case when c.age is null then 'unknown' when c.age < 18 then '<18' when c.age < 25 then '18–24' when c.age < 35 then '25–34'
        when c.age < 45 then '35–44' when c.age < 55 then '45–54' when c.age < 65 then '55–64' else '65+' end),
      ('gender', coalesce(c.gender, 'unknown')),
      ('state', coalesce(c.state, 'unknown')),
      ('marital', coalesce(c.marital_status, 'unknown')),
      ('tier', c.tier),
      ('acquisition_month', to_char(${myDay('c.created_at')}, 'YYYY-MM')),
      ('engagement', case when c.messages = 0 then '0' when c.messages = 1 then '1' when c.messages <= 3 then '2–3' when c.messages <= 5 then '4–5'
        when c.messages <= 10 then '6–10' when c.messages <= 20 then '11–20' else '21+' end)
    ) as v(dimension, key)
    group by v.dimension, v.key
  `);
}
