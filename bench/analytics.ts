// npm run bench:analytics — BENCH_CUSTOMERS (default 1,000,000) customers and BENCH_MESSAGES
// (default 10,000,000) messages for one tenant (plus three small tenants), with consent
// history, 1M purchases, 10 campaigns × 50k recipients and 200k contest entries, seeded
// set-based on PostgreSQL. Then: the backfill (every rollup from the raw tables), a routine
// refresh (recent days + campaign funnels) and the hourly snapshot; the analytics page's reads
// for a 90-day range (and the dashboard's, and each API endpoint's); and what the new messages
// index costs an ingest batch. Prints JSON with the load average beside the numbers.
// Needs PostgreSQL at BENCH_DATABASE_SERVER_URL; BENCH_KEEP_DATABASE=1 keeps the database.
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { seedTenant } from '@/db/seed/tenant';
import { lastDays, previousRange } from '@/lib/analytics/days';
import { analyticsFreshness, refreshAnalytics } from '@/lib/analytics/refresh';
import { refreshSnapshot } from '@/lib/analytics/refresh-snapshot';
import { analyticsReport } from '@/lib/analytics/report';
import { analyticsSummary, runningAt } from '@/lib/analytics/summary';
import { analyticsTimeseries } from '@/lib/analytics/timeseries';
import { listChannels } from '@/lib/channels/channels';
import { localJobClient } from '@/lib/jobs/local-driver';
import { seedAnalyticsData } from './analytics-seed';
import { freshBenchDatabase, percentile, seedManyCustomers } from './support';

const total = Number(process.env.BENCH_CUSTOMERS ?? 1_000_000);
const messageCount = Number(process.env.BENCH_MESSAGES ?? 10_000_000);
const runs = Number(process.env.BENCH_RUNS ?? 30);
const round = (n: number) => Math.round(n * 10) / 10;
const loads = () => loadavg().map((n) => Math.round(n * 100) / 100);

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await run();
  return { ms: round(performance.now() - start), result };
}

async function measure(run: () => Promise<unknown>) {
  for (let i = 0; i < 2; i += 1) await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) times.push((await timed(run)).ms);
  times.sort((a, b) => a - b);
  return { p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), max: round(times.at(-1) ?? 0) };
}

// What one ingest batch of 100 inbound messages costs with and without the (tenant_id,
// created_at) index the refresh needs, on a copy of the messages table.
async function indexCost(db: Database, tenantId: string) {
  await db.execute(sql`create table bench_ingest (like messages including defaults including indexes)`);
  const batch = () =>
    db.execute(sql`
      insert into bench_ingest (tenant_id, channel_id, conversation_id, customer_id, direction, type, text, status, wamid, created_at)
      select tenant_id, channel_id, conversation_id, customer_id, 'inbound', 'text', 'Hi', 'received', 'wamid.' || gen_random_uuid(), now()
      from messages where tenant_id = ${tenantId} limit 100
    `);
  const run = async () => {
    await db.execute(sql`truncate bench_ingest`);
    for (let i = 0; i < 20; i += 1) await batch();
    return measure(batch);
  };
  const withIndex = await run();
  const [idx] = await rows(db, sql`select indexname from pg_indexes where tablename = 'bench_ingest' and indexdef like '%(tenant_id, created_at)%'`);
  await db.execute(sql.raw(`drop index "${idx?.indexname}"`));
  const withoutIndex = await run();
  await db.execute(sql`drop table bench_ingest`);
  return { batchOf100: { withIndex, withoutIndex } };
}

async function rows(db: Database, query: ReturnType<typeof sql>): Promise<Record<string, string>[]> {
  const r = await db.execute(query);
  return (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as Record<string, string>[];
}

async function main() {
  const loadBefore = loads();
  const bench = await freshBenchDatabase();
  const db = bench.handle.db;
  try {
    const owner = (i: number) => ({ email: `bench-${i}-${Date.now()}@example.com`, name: 'Bench', password: 'Bench-pass-12345' });
    const { tenant, owner: user } = await seedTenant(db, { businessName: 'Bench Sdn Bhd', owner: owner(0) }, localJobClient);
    const others: string[] = [];
    for (let i = 1; i <= 3; i += 1) others.push((await seedTenant(db, { businessName: `Other ${i}`, owner: owner(i) }, localJobClient)).tenant.id);
    const seed = await timed(async () => {
      await seedManyCustomers(db, { tenantId: tenant.id, count: total, others: others.map((tenantId) => ({ tenantId, count: 20_000 })) });
      return seedAnalyticsData(db, { tenantId: tenant.id, ownerId: user.id, messages: messageCount, conversations: Math.min(500_000, total), days: 180 });
    });
    await db.execute(sql`vacuum analyze`);
    const counts = await rows(db, sql`select (select count(*) from messages) as messages, (select count(*) from consent_events) as consent_events, (select count(*) from purchases) as purchases, (select count(*) from campaign_recipients) as campaign_recipients, (select count(*) from contest_entries) as contest_entries`);

    const loadAtRefresh = loads();
    const backfill = await timed(() => refreshAnalytics(db, tenant.id, { full: true }));
    const routine = await timed(() => refreshAnalytics(db, tenant.id));
    const snapshot = await timed(() => db.transaction((tx) => refreshSnapshot(tx, tenant.id, new Date())));
    await db.execute(sql`vacuum analyze`);

    const ctx = { tenantId: tenant.id, tenantName: 'Bench', role: 'owner' as const, userId: user.id, apiKeyId: null };
    const range = lastDays(90);
    const scope = { tenantId: tenant.id, ...range };
    const channelId = seed.result.channelIds[1] ?? null;
    const loadAtReads = loads();
    const reads = {
      // Everything the analytics page reads: freshness, the report, the channel list.
      analyticsPage90Days: await measure(() => Promise.all([analyticsFreshness(db, tenant.id), analyticsReport(db, scope), listChannels(db, ctx)])),
      analyticsPage90DaysOneChannel: await measure(() => analyticsReport(db, { ...scope, channelId })),
      dashboard30Days: await measure(() => {
        const r = lastDays(30);
        return Promise.all([analyticsSummary(db, { tenantId: tenant.id, ...r }), runningAt(db, tenant.id, r), runningAt(db, tenant.id, previousRange(r))]);
      }),
      apiSummary90Days: await measure(() => analyticsSummary(db, scope)),
      apiTimeseriesMessagesIn90Days: await measure(() => analyticsTimeseries(db, scope, 'messagesIn')),
      apiTimeseriesConsentRate90Days: await measure(() => analyticsTimeseries(db, scope, 'consentRate')),
    };
    const over = Object.entries(reads).filter(([, r]) => r.p95 > 300).map(([k]) => k);
    const ingest = await indexCost(db, tenant.id);
    console.log(
      JSON.stringify(
        {
          customers: total, rows: counts[0], runsPerCase: runs, seedSeconds: Math.round(seed.ms / 1000),
          refresh: { backfillAllHistoryMs: backfill.ms, backfillDays: backfill.result.days, routineRecentDaysMs: routine.ms, snapshotMs: snapshot.ms, loadAverage: loadAtRefresh },
          reads: { range, loadAverage: loadAtReads, ...reads }, overTarget300ms: over,
          ingestIndexCost: ingest,
          loadBefore, loadAfter: loads(),
        },
        null,
        2,
      ),
    );
  } finally {
    if (process.env.BENCH_KEEP_DATABASE === '1') {
      console.error(`kept ${bench.url}`);
      await bench.handle.close();
    } else {
      await bench.drop();
    }
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
