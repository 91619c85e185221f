import { sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { addDays, dayStart } from './days';
import { bucketCase } from './response-buckets';
import { myDay } from './sql-days';

// Recounts a tenant's daily rollups for the days from..to (Malaysian days, both included) from
// the raw tables, replacing what was there: set-based, one statement per rollup, idempotent.
// Each statement reads the days' rows through a (tenant, time) index.
export async function refreshDays(db: Database, tenantId: string, from: string, to: string): Promise<void> {
  const start = dayStart(from).toISOString();
  const end = dayStart(addDays(to, 1)).toISOString();
  const inRange = (col: string) => sql`${sql.raw(col)} >= ${start}::timestamptz and ${sql.raw(col)} < ${end}::timestamptz`;
  const days = sql`day between ${from}::date and ${to}::date`;
  for (const table of ['analytics_message_days', 'analytics_response_times', 'analytics_days', 'analytics_merchant_days', 'analytics_contest_days']) {
    await db.execute(sql`delete from ${sql.identifier(table)} where tenant_id = ${tenantId} and ${days}`);
  }

  // Messages per day and channel; threads (a conversation's first inbound message of a day) and
  // the first reply a team member sent within 24 hours (automations and campaigns are not the team).
  await db.execute(sql`
    with m as (
      select channel_id, conversation_id, direction, created_at, ${myDay('created_at')} as day
      from messages where tenant_id = ${tenantId} and ${inRange('created_at')}
    ), counts as (
      select day, channel_id, count(*) filter (where direction = 'inbound') as messages_in, count(*) filter (where direction = 'outbound') as messages_out
      from m group by day, channel_id
    ), threads as (
      select day, channel_id, conversation_id, min(created_at) as first_in from m where direction = 'inbound' group by day, channel_id, conversation_id
    ), answered as (
      select t.day, t.channel_id, extract(epoch from (
        select min(r.created_at) from messages r
        where r.tenant_id = ${tenantId} and r.conversation_id = t.conversation_id and r.direction = 'outbound' and r.sent_by_user_id is not null
          and r.created_at >= t.first_in and r.created_at <= t.first_in + interval '24 hours'
      ) - t.first_in) as seconds
      from threads t
    ), buckets as (
      insert into analytics_response_times (tenant_id, day, channel_id, bucket, threads)
      select ${tenantId}, day, channel_id, ${sql.raw(bucketCase('seconds'))}, count(*) from answered where seconds is not null group by 2, 3, 4
      returning 1
    )
    insert into analytics_message_days (tenant_id, day, channel_id, messages_in, messages_out, threads, threads_answered)
    select ${tenantId}, c.day, c.channel_id, c.messages_in, c.messages_out, coalesce(a.threads, 0), coalesce(a.answered, 0)
    from counts c left join (select day, channel_id, count(*) as threads, count(seconds) as answered from answered group by day, channel_id) a using (day, channel_id)
  `);

  // Customers, consent and purchases. A consent event's previous status is the customer's event
  // just before it (none: unknown); an answer is a keyword or button while the notice was pending.
  await db.execute(sql`
    with ce as (
      select e.status, e.source, ${myDay('e.occurred_at')} as day, coalesce((
        select p.status from consent_events p
        where p.tenant_id = ${tenantId} and p.customer_id = e.customer_id and (p.occurred_at, p.id) < (e.occurred_at, e.id)
        order by p.occurred_at desc, p.id desc limit 1
      ), 'unknown') as prev
      from consent_events e where e.tenant_id = ${tenantId} and ${inRange('e.occurred_at')}
    ), consent as (
      select day,
        count(*) filter (where source = 'notice') as notices,
        count(*) filter (where source in ('keyword', 'button') and prev = 'pending' and status in ('granted', 'withdrawn')) as answers,
        count(*) filter (where source in ('keyword', 'button') and prev = 'pending' and status = 'granted') as granted_answers,
        count(*) filter (where status = 'withdrawn' and prev <> 'withdrawn') as opt_outs,
        sum((status = 'granted')::int - (prev = 'granted')::int) as granted_net,
        sum((status = 'withdrawn')::int - (prev = 'withdrawn')::int) as withdrawn_net
      from ce group by day
    ), joined as (
      select ${myDay('created_at')} as day, count(*) as n from customers where tenant_id = ${tenantId} and ${inRange('created_at')} group by 1
    ), bought as (
      select purchased_on as day, count(*) as n, sum(total) as revenue from purchases
      where tenant_id = ${tenantId} and purchased_on between ${from}::date and ${to}::date group by 1
    )
    insert into analytics_days (tenant_id, day, new_customers, notices_sent, consent_answers, consent_answers_granted, opt_outs, granted_net, withdrawn_net, purchases, revenue)
    select ${tenantId}, d.day::date, coalesce(j.n, 0), coalesce(c.notices, 0), coalesce(c.answers, 0), coalesce(c.granted_answers, 0), coalesce(c.opt_outs, 0),
      coalesce(c.granted_net, 0), coalesce(c.withdrawn_net, 0), coalesce(b.n, 0), coalesce(b.revenue, 0)
    from generate_series(${from}::date, ${to}::date, interval '1 day') as d(day)
    left join joined j on j.day = d.day::date left join consent c on c.day = d.day::date left join bought b on b.day = d.day::date
  `);

  // Merchants as written on the receipts, grouped ignoring case and spaces around them.
  await db.execute(sql`
    insert into analytics_merchant_days (tenant_id, day, merchant, purchases, revenue)
    select ${tenantId}, purchased_on, min(coalesce(nullif(trim(merchant), ''), 'Unknown merchant')), count(*), sum(total)
    from purchases where tenant_id = ${tenantId} and purchased_on between ${from}::date and ${to}::date
    group by purchased_on, lower(coalesce(nullif(trim(merchant), ''), 'Unknown merchant'))
  `);

  await db.execute(sql`
    insert into analytics_contest_days (tenant_id, day, contest_id, entries)
    select ${tenantId}, ${myDay('created_at')}, contest_id, count(*) from contest_entries
    where tenant_id = ${tenantId} and status = 'valid' and ${inRange('created_at')} group by 2, 3
  `);
}
