// bench:campaign, part 2: a marketing campaign to about half of the tenant's customers (a
// segment of everyone who wrote or was written to in the last 190 days), launched as the API
// launches it — the fan-out's INSERT … SELECT is timed — then dispatched by the embedded job
// worker in its own process (what `npm run cli -- worker` runs) through a Cloud API channel at
// BENCH_SEND_RATE (default 1,000) messages/s to a fake Graph API on loopback, which records
// every recipient. After BENCH_DISPATCH_SECONDS (default 60) of sending the campaign is paused.
// Checked at the fake server: the rate, duplicates per recipient, and that no one without
// granted consent at launch — nor anyone who sent STOP mid-campaign — got a message.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { and, eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import type { Database } from '@/db';
import { campaignRecipients, channels, customers, segments, templates } from '@/db/schema';
import { createCampaign, getCampaign, loadCampaign } from '@/lib/campaigns/campaigns';
import { fanOutCampaign } from '@/lib/campaigns/fan-out';
import { launchCampaign, pauseCampaign } from '@/lib/campaigns/lifecycle';
import { encrypt } from '@/lib/crypto';
import { resetEnvCache } from '@/lib/env';
import type { TenantContext } from '@/lib/tenants/context';
import { cpuBetween, sampleCpu } from './cpu';
import { startFakeMeta } from './fake-meta';

const sendRate = Number(process.env.BENCH_SEND_RATE ?? 1000);
const dispatchSeconds = Number(process.env.BENCH_DISPATCH_SECONDS ?? 60);
const graphLatencyMs = Number(process.env.BENCH_GRAPH_LATENCY_MS ?? 0);
const profileDir = process.env.BENCH_WORKER_CPU_PROF;
// Customers who send STOP while the campaign is sending (their recipients still queued).
const stopsMidCampaign = 500;
const round = (n: number, digits = 1) => Number(n.toFixed(digits));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Received {
  to: string;
  at: number;
}

export async function benchCampaign(db: Database, ctx: TenantContext, databaseUrl: string, load: () => number) {
  const received: Received[] = [];
  const meta = await startFakeMeta({ latencyMs: graphLatencyMs, onMessage: (body, at) => received.push({ to: String(body.to ?? body.recipient ?? ''), at }) });
  const encryptionKey = randomBytes(32).toString('base64');
  const env = { DATABASE_URL: databaseUrl, AUTH_SECRET: randomBytes(32).toString('base64'), ENCRYPTION_KEY: encryptionKey, WHATSAPP_API_ALLOWED_HOSTS: meta.host };
  Object.assign(process.env, env);
  resetEnvCache();
  const monitor = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  let worker: ReturnType<typeof spawn> | undefined;
  try {
    const [channel] = await db
      .insert(channels)
      .values({
        tenantId: ctx.tenantId,
        type: 'cloud',
        name: 'Bench Cloud',
        phoneNumberId: `bench-${Date.now()}`,
        appSecretEnc: encrypt(randomBytes(16).toString('hex'), encryptionKey),
        accessTokenEnc: encrypt('bench-access-token', encryptionKey),
        apiBaseUrl: meta.baseUrl,
        sendRatePerSecond: sendRate,
        messagingLimit: 'unlimited',
      })
      .returning({ id: channels.id });
    const channelId = channel?.id ?? '';
    const [template] = await db
      .insert(templates)
      .values({ tenantId: ctx.tenantId, channelId, name: 'bench_promo', language: 'ms', category: 'marketing', body: 'Hai {{1}}, diskaun 20% minggu ini sahaja!', status: 'approved' })
      .returning({ id: templates.id });
    const [segment] = await db
      .insert(segments)
      .values({ tenantId: ctx.tenantId, name: `Active in the last 190 days (${Date.now()})`, criteria: { filter: { field: 'lastInteractionAt', op: 'withinDays', value: 190 } } })
      .returning({ id: segments.id });
    const campaign = await createCampaign(db, ctx, {
      name: 'Bench promo',
      type: 'marketing',
      channelId,
      audience: { segmentIds: [segment?.id ?? ''] },
      message: { templateId: template?.id ?? '', parameters: ['{{first_name}}'] },
    });

    // Launching queues the 'campaigns/launch' job, whose fan-out (every audience member queued,
    // or skipped with the reason, in one INSERT … SELECT) is timed here; the job then finds the
    // recipients there and goes on to dispatch once the worker runs.
    await launchCampaign(db, ctx, campaign.id);
    const dbName = new URL(databaseUrl).pathname.slice(1);
    const row = await loadCampaign(db, ctx, campaign.id);
    // CPU of the database's backends too: on a shared machine the wall time moves with the load.
    const queueCpuStart = await sampleCpu(monitor, dbName, []);
    const queueLoad = load();
    const launchStart = performance.now();
    await fanOutCampaign(db, row);
    const queueSeconds = (performance.now() - launchStart) / 1000;
    const queueCpu = cpuBetween(queueCpuStart, await sampleCpu(monitor, dbName, []));
    const byStatus = await db
      .select({ status: campaignRecipients.status, n: sql<number>`count(*)::int` })
      .from(campaignRecipients)
      .where(and(eq(campaignRecipients.tenantId, ctx.tenantId), eq(campaignRecipients.campaignId, campaign.id)))
      .groupBy(campaignRecipients.status);
    const queued = Object.fromEntries(byStatus.map((r) => [r.status, r.n]));
    const recipients = byStatus.reduce((sum, r) => sum + r.n, 0);
    // Everyone in the audience without granted consent at launch: none of them may get a message.
    const notConsented = await db
      .select({ waId: customers.waId })
      .from(campaignRecipients)
      .innerJoin(customers, eq(customers.id, campaignRecipients.customerId))
      .where(and(eq(campaignRecipients.tenantId, ctx.tenantId), eq(campaignRecipients.campaignId, campaign.id), sql`${customers.consentStatus} <> 'granted'`));
    const forbidden = new Set(notConsented.map((r) => r.waId ?? ''));

    const statsBefore = await databaseStats(monitor, dbName);
    // BENCH_WORKER_CPU_PROF=<dir>: a V8 CPU profile of the worker, written when it stops.
    const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
    worker = spawn(process.execPath, [...profile, '--import', 'tsx', 'scripts/cli.ts', 'worker'], {
      env: { ...process.env, ...env, NODE_ENV: 'production', LOG_LEVEL: 'warn', JOBS_POLL_INTERVAL_MS: '200' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    // The worker and any process it starts.
    const cpu = () => sampleCpu(monitor, dbName, processTree(worker?.pid ?? 0));
    const cpuStart = await cpu();
    const loadBefore = load();
    const waitStart = Date.now();
    while (received.length === 0 && Date.now() - waitStart < 120_000) await sleep(50);
    const firstAt = received[0]?.at ?? Date.now();
    const workerStartSeconds = (firstAt - waitStart) / 1000;

    // STOP mid-campaign: customers whose recipients are still queued withdraw consent.
    await sleep((dispatchSeconds * 1000) / 3);
    const stopped = await monitor<{ wa_id: string }[]>`
      update customers set consent_status = 'withdrawn', consent_updated_at = now(), updated_at = now()
      where tenant_id = ${ctx.tenantId} and id in (
        select customer_id from campaign_recipients where campaign_id = ${campaign.id} and status = 'queued' order by random() limit ${stopsMidCampaign})
      returning wa_id`;
    const stoppedAt = Date.now();
    const stoppedSet = new Set(stopped.map((r) => r.wa_id));

    await sleep(Math.max(0, firstAt + dispatchSeconds * 1000 - Date.now()));
    const loadAfter = load();
    await pauseCampaign(db, ctx, campaign.id);
    const pausedAt = Date.now();
    // In-flight sends finish; nothing should arrive after that.
    await sleep(3000);
    const cpuEnd = await cpu();
    const statsAfter = await databaseStats(monitor, dbName);

    const inWindow = received.filter((r) => r.at < firstAt + dispatchSeconds * 1000).length;
    const perSecond = new Map<number, number>();
    for (const r of received) if (r.at < firstAt + dispatchSeconds * 1000) perSecond.set(Math.floor((r.at - firstAt) / 1000), (perSecond.get(Math.floor((r.at - firstAt) / 1000)) ?? 0) + 1);
    const seconds = [...perSecond.values()].sort((a, b) => a - b);
    const distinct = new Set(received.map((r) => r.to));
    const view = await getCampaign(db, ctx, campaign.id);
    const sends = received.length;
    const cpuUsed = cpuBetween(cpuStart, cpuEnd);
    return {
      queue: { recipients, seconds: round(queueSeconds, 2), postgresCpuSeconds: round(queueCpu.postgres / 1000, 2), loadAverage: queueLoad, byStatus: queued, targetSeconds: 15 },
      dispatch: {
        configuredRatePerSecond: sendRate,
        graphLatencyMs,
        loadAverage: { before: loadBefore, after: loadAfter },
        workerStartSeconds: round(workerStartSeconds, 2),
        windowSeconds: dispatchSeconds,
        sentInWindow: inWindow,
        achievedRatePerSecond: round(inWindow / dispatchSeconds),
        deviationPercent: round((100 * (inWindow / dispatchSeconds - sendRate)) / sendRate, 2),
        perSecond: { min: seconds[0] ?? 0, median: seconds[Math.floor(seconds.length / 2)] ?? 0, max: seconds.at(-1) ?? 0 },
        receivedTotal: sends,
        receivedAfterPause: received.filter((r) => r.at > pausedAt + 1000).length,
        duplicates: sends - distinct.size,
        sentWithoutConsentAtLaunch: received.filter((r) => forbidden.has(r.to)).length,
        notConsentedInAudience: forbidden.size,
        stopsMidCampaign: stoppedSet.size,
        // A send already past its consent check when the STOP committed may land just after it.
        sentAfterStop: { withinOneSecond: received.filter((r) => stoppedSet.has(r.to) && r.at > stoppedAt && r.at <= stoppedAt + 1000).length, later: received.filter((r) => stoppedSet.has(r.to) && r.at > stoppedAt + 1000).length },
        campaignStats: view.stats,
        cpuMs: cpuUsed,
        cpuMsPerSend: { worker: round(cpuUsed.app / Math.max(1, sends), 2), postgres: round(cpuUsed.postgres / Math.max(1, sends), 2) },
        perSend: perSend(statsBefore, statsAfter, sends),
      },
    };
  } finally {
    worker?.kill('SIGTERM');
    await sleep(profileDir ? 5000 : 500);
    await Promise.all([monitor.end(), meta.close()]);
  }
}

// A process and its descendants (Linux /proc).
function processTree(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i += 1) for (const [pid, parent] of parents) if (parent === tree[i]) tree.push(pid);
  return tree;
}

interface DatabaseStats {
  commits: number;
  inserted: number;
  updated: number;
  fetched: number;
}

async function databaseStats(sqlClient: postgres.Sql, database: string): Promise<DatabaseStats> {
  await sqlClient`select pg_stat_force_next_flush()`;
  const [row] = await sqlClient<DatabaseStats[]>`
    select xact_commit::int as commits, tup_inserted::int as inserted, tup_updated::int as updated, tup_fetched::int as fetched
    from pg_stat_database where datname = ${database}`;
  return row ?? { commits: 0, inserted: 0, updated: 0, fetched: 0 };
}

// Database work per message sent (transactions, rows written), from pg_stat_database.
function perSend(before: DatabaseStats, after: DatabaseStats, sends: number) {
  const per = (k: keyof DatabaseStats) => round((after[k] - before[k]) / Math.max(1, sends), 2);
  return { commits: per('commits'), rowsInserted: per('inserted'), rowsUpdated: per('updated'), rowsFetched: per('fetched') };
}
