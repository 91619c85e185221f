// Seeds the analytics benchmark's raw data set-based (generate_series, never row by row):
// conversations, messages, consent events, purchases, campaigns with recipients, contests with
// entries, for one tenant whose customers already exist (seedManyCustomers).
import { sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { withoutSecondaryIndexes } from './support';

export interface AnalyticsSeed {
  tenantId: string;
  ownerId: string;
  messages: number;
  conversations: number;
  // Messages fall in the last `days` days.
  days: number;
}

const MESSAGE_CHUNK = 1_000_000;

export async function seedAnalyticsData(db: Database, s: AnalyticsSeed): Promise<{ channelIds: string[] }> {
  const t = sql`${s.tenantId}::uuid`;
  await db.execute(sql`insert into channels (tenant_id, type, name, phone_number_id) values (${t}, 'sandbox', 'Shop', ${`bench-shop-${s.tenantId}`}), (${t}, 'sandbox', 'Support', ${`bench-support-${s.tenantId}`})`);
  const channels = await db.execute(sql`select id from channels where tenant_id = ${t} order by name`);
  const channelIds = (Array.isArray(channels) ? channels : (channels as { rows: { id: string }[] }).rows).map((r) => (r as { id: string }).id);
  // Conversations for the customers who talk most recently; numbered for the message generator.
  await db.execute(sql`
    create unlogged table bench_conversations as
    select row_number() over () as n, c.id as customer_id, (array[${channelIds[0]}::uuid, ${channelIds[1]}::uuid])[1 + (row_number() over () % 5 = 0)::int] as channel_id, gen_random_uuid() as id
    from (select id from customers where tenant_id = ${t} order by last_interaction_at desc nulls last limit ${s.conversations}) c
  `);
  await db.execute(sql`create unique index on bench_conversations (n)`);
  await db.execute(sql`insert into conversations (id, tenant_id, channel_id, customer_id) select id, ${t}, channel_id, customer_id from bench_conversations`);

  // Messages: 55 % inbound; a third of the outbound ones by a team member, answering within
  // minutes to hours; times spread over the last `days` days, newer days busier.
  await withoutSecondaryIndexes(db, 'messages', async () => {
    for (let from = 1; from <= s.messages; from += MESSAGE_CHUNK) {
      const to = Math.min(s.messages, from + MESSAGE_CHUNK - 1);
      await db.execute(sql`
        insert into messages (tenant_id, channel_id, conversation_id, customer_id, direction, type, text, status, sent_by_user_id, created_at)
        select ${t}, c.channel_id, c.id, c.customer_id, case when r < 0.55 then 'inbound' else 'outbound' end, 'text', 'Bench message',
          case when r < 0.55 then 'received' else 'delivered' end, case when r >= 0.85 then ${s.ownerId}::uuid end,
          now() - make_interval(secs => power(random(), 1.3) * ${s.days} * 86400)
        from (select g, random() as r from generate_series(${from}::int, ${to}::int) g) m
        join bench_conversations c on c.n = 1 + (m.g::bigint * 7919) % ${s.conversations}
      `);
    }
  });

  // Consent: a notice for every customer who was asked, and the answer or later change.
  await db.execute(sql`
    insert into consent_events (tenant_id, customer_id, status, source, occurred_at)
    select ${t}, id, 'pending', 'notice', created_at + interval '1 minute' from customers where tenant_id = ${t} and consent_status <> 'unknown'
    union all
    select ${t}, id, consent_status, (array['keyword', 'button'])[1 + (random() < 0.3)::int], created_at + make_interval(secs => 120 + random() * 86400)
    from customers where tenant_id = ${t} and consent_status in ('granted', 'withdrawn')
  `);

  // Purchases over the last year from 60 merchants (the customers' spend columns are the seed's own).
  await db.execute(sql`
    with buyers as (select id, row_number() over () as n from customers where tenant_id = ${t} and purchase_count > 0), k as (select count(*) as n from buyers)
    insert into purchases (tenant_id, customer_id, source, merchant, purchased_on, total)
    select ${t}, b.id, 'receipt', 'Merchant ' || (1 + (g % 60)), (now() at time zone 'Asia/Kuala_Lumpur')::date - (power(random(), 1.2) * 365)::int, round((20 + random() * 180)::numeric, 2)
    from generate_series(1, 1000000) g cross join k
    join buyers b on b.n = 1 + (g::bigint * 104729) % k.n
  `);

  // Ten campaigns over the last 90 days, 50,000 recipients each, with a shrinking funnel.
  await db.execute(sql`
    insert into campaigns (tenant_id, name, type, channel_id, status, message, launched_at, completed_at)
    select ${t}, 'Campaign ' || i, 'marketing', ${channelIds[0]}::uuid, case when i = 10 then 'running' else 'completed' end, '{"text":"Hi"}'::jsonb,
      now() - make_interval(days => 90 - i * 9), case when i < 10 then now() - make_interval(days => 88 - i * 9) end
    from generate_series(1, 10) i
  `);
  await db.execute(sql`
    insert into campaign_recipients (tenant_id, campaign_id, customer_id, status, sent_at, delivered_at, read_at, clicked_at, converted_at)
    select ${t}, k.id, c.id, case when r < 0.05 then 'failed' when r < 0.25 then 'sent' when r < 0.6 then 'delivered' else 'read' end,
      case when r >= 0.05 then k.launched_at end, case when r >= 0.25 then k.launched_at end, case when r >= 0.6 then k.launched_at end,
      case when r >= 0.9 then k.launched_at end, case when r >= 0.97 then k.launched_at end
    from (select id, launched_at, row_number() over (order by launched_at) as n from campaigns where tenant_id = ${t}) k
    cross join lateral (select id, random() as r from customers where tenant_id = ${t} and consent_status = 'granted' offset (k.n * 50000) limit 50000) c
  `);

  // Five contests, 200,000 entries over the last 90 days.
  await db.execute(sql`
    insert into contests (tenant_id, name, prizes, starts_at, ends_at, entry_method)
    select ${t}, 'Contest ' || i, '[{"name":"Hamper","quantity":1}]'::jsonb, now() - make_interval(days => 90 - (i - 1) * 18), now() - make_interval(days => 72 - (i - 1) * 18) + interval '30 days', '{"type":"any_message"}'::jsonb
    from generate_series(1, 5) i
  `);
  await db.execute(sql`
    insert into contest_entries (tenant_id, contest_id, customer_id, code, created_at)
    select ${t}, k.id, c.id, 'E-' || g, greatest(k.starts_at, now() - make_interval(secs => random() * 90 * 86400))
    from generate_series(1, 200000) g
    join (select id, starts_at, row_number() over () - 1 as n from contests where tenant_id = ${t}) k on k.n = g % 5
    join (select id, row_number() over () as n from customers where tenant_id = ${t} limit 200000) c on c.n = g
  `);
  await db.execute(sql`drop table bench_conversations`);
  return { channelIds };
}
