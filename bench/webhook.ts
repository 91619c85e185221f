// npm run bench:webhook — signed Meta-shaped deliveries against a production build on
// PostgreSQL for BENCH_SECONDS (default 30, after BENCH_WARMUP_SECONDS = 3 of the same load), then
// a check that every message was stored once
// (BENCH_KIND=statuses: that every status landed; see ./webhook-workloads).
// Prints JSON. Needs `npm run build` first and PostgreSQL at BENCH_DATABASE_SERVER_URL.
// BENCH_JOBS_WORKER: 'server' (default) runs the job worker inside the server; 'process' in a
// separate `npm run cli -- worker` process beside it; 'false' measures the fast path alone (no
// worker during the load; one in this process drains the queue afterwards).
// BENCH_SERVER=next-start serves with `next start` instead of server.ts (no webhook lane), to compare.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { channels } from '@/db/schema';
import { seedTenant } from '@/db/seed/tenant';
import { encrypt } from '@/lib/crypto';
import { resetEnvCache } from '@/lib/env';
import { localJobClient } from '@/lib/jobs/local-driver';
import { type JobWorker, startJobWorker } from '@/lib/jobs/worker';
import { signPayload } from '@/lib/whatsapp/webhook/signature';
import { cpuBetween, machineSpeedCheckMs, sampleCpu } from './cpu';
import { startFakeMeta } from './fake-meta';
import { inboundWorkload, statusesWorkload } from './webhook-workloads';
import { freshBenchDatabase, startServer } from './support';

const seconds = Number(process.env.BENCH_SECONDS ?? 30);
// The same load before the measured run, so it measures a warm server (JIT-compiled route, open
// connection pools), not its first second; its deliveries are checked with the rest.
const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
const port = Number(process.env.BENCH_PORT ?? 3201);
const workerMode = ({ false: 'after the load', process: 'separate process' } as const)[process.env.BENCH_JOBS_WORKER ?? ''] ?? 'in the server';
// Other work on a shared machine moves the numbers: the 1-minute load average goes in the output.
const load = () => Number(loadavg()[0]?.toFixed(2));
const kind = process.env.BENCH_KIND === 'statuses' ? 'statuses' : 'inbound';
// Outbound messages the 'statuses' workload reports on (about three statuses each in 30 s at 1,500/s).
const campaignMessages = Number(process.env.BENCH_MESSAGES ?? 15_000);

async function main() {
  const encryptionKey = randomBytes(32).toString('base64');
  const appSecret = randomBytes(16).toString('hex');
  const phoneNumberId = `bench-${Date.now()}`;
  // Room for the job worker this process runs when BENCH_JOBS_WORKER=false.
  const db = await freshBenchDatabase({ poolSize: 10 });
  const { tenant } = await seedTenant(db.handle.db, { businessName: 'Bench Sdn Bhd', owner: { email: `bench-${Date.now()}@example.com`, name: 'Bench', password: 'Bench-pass-12345' } }, localJobClient);
  const meta = await startFakeMeta();
  const serverEnv = {
    DATABASE_URL: db.url,
    AUTH_SECRET: randomBytes(32).toString('base64'),
    ENCRYPTION_KEY: encryptionKey,
    JOBS_WORKER: String(workerMode === 'in the server'),
    WHATSAPP_API_ALLOWED_HOSTS: meta.host,
  };
  // A worker in this process (BENCH_JOBS_WORKER=false) reads the same secrets as the server.
  Object.assign(process.env, serverEnv);
  resetEnvCache();
  const [channel] = await db.handle.db
    .insert(channels)
    .values({
      tenantId: tenant.id,
      type: 'cloud',
      name: 'Bench',
      phoneNumberId,
      appSecretEnc: encrypt(appSecret, encryptionKey),
      accessTokenEnc: encrypt('bench-access-token', encryptionKey),
      apiBaseUrl: meta.baseUrl,
    })
    .returning({ id: channels.id });
  const monitor = postgres(db.url, { max: 1, onnotice: () => {} });
  const target = { tenantId: tenant.id, channelId: channel?.id ?? '', phoneNumberId };
  const workload = kind === 'statuses' ? await statusesWorkload(monitor, target, campaignMessages) : inboundWorkload(phoneNumberId);

  const server = await startServer(serverEnv, port).catch(async (error: unknown) => {
    await Promise.all([monitor.end(), meta.close()]);
    await db.drop();
    throw error;
  });
  const loadBefore = load();
  const speedBefore = machineSpeedCheckMs();
  let worker: JobWorker | undefined;
  const workerProcess = workerMode === 'separate process' ? spawn('node_modules/.bin/tsx', ['scripts/cli.ts', 'worker'], { env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn' }, stdio: ['ignore', 'ignore', 'inherit'] }) : undefined;
  const cpu = () => sampleCpu(monitor, new URL(db.url).pathname.slice(1), [server.pid ?? 0, workerProcess?.pid ?? 0]);
  const send = (duration: number) =>
    autocannon({
      url: `http://127.0.0.1:${port}/api/webhooks/whatsapp`,
      method: 'POST',
      connections,
      duration,
      requests: [
        {
          setupRequest: (req) => {
            const body = workload.next();
            return { ...req, body, headers: { 'content-type': 'application/json', 'x-hub-signature-256': signPayload(body, appSecret) } };
          },
        },
      ],
    });
  try {
    const warmup = warmupSeconds > 0 ? await send(warmupSeconds) : undefined;
    const cpuAtStart = await cpu();
    const result = await send(seconds);

    const loadAfter = load();
    const speedAfter = machineSpeedCheckMs();
    const cpuAfterLoad = await cpu();
    // Processing runs in jobs: wait until every stored delivery is processed. The jobs ingest
    // queued for later work (automations answering new customers, their sends) are counted,
    // not waited for: they are not what this measures.
    const drainStart = Date.now();
    if (workerMode === 'after the load') worker = startJobWorker({ db: db.handle.db, pollIntervalMs: 200, concurrency: 4 });
    for (;;) {
      const [queue] = await monitor<{ waiting: number }[]>`
        select ((select count(*) from webhook_events where processed_at is null)
              + (select count(*) from jobs where name = 'whatsapp/webhook.received' and status in ('pending', 'running')))::int as waiting`;
      if (queue?.waiting === 0 || Date.now() - drainStart > 600_000) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const drainSeconds = (Date.now() - drainStart) / 1000;
    await worker?.stop();
    const cpuAtEnd = await cpu();
    const cpuLoad = cpuBetween(cpuAtStart, cpuAfterLoad);
    const cpuDrain = cpuBetween(cpuAfterLoad, cpuAtEnd);
    // The load generator's own CPU is not the system's; a worker in this process is.
    const systemCpuMs = cpuLoad.app + cpuLoad.postgres + cpuDrain.app + cpuDrain.postgres + (workerMode === 'after the load' ? cpuDrain.bench : 0);
    const checked = await workload.check(monitor);
    const failedJobs = await monitor<{ name: string; n: number }[]>`select name, count(*)::int as n from jobs where status = 'failed' group by name`;
    const jobsLeft = await monitor<{ name: string; n: number }[]>`select name, count(*)::int as n from jobs where status in ('pending', 'running') group by name`;
    // How many deliveries each processing job carried (one per job before batching).
    const [webhookJobs] = await monitor<{ jobs: number; deliveries: number }[]>`
      select count(*)::int as jobs, coalesce(sum(coalesce(jsonb_array_length(payload->'webhookEventIds'), 1)), 0)::int as deliveries
      from jobs where name = 'whatsapp/webhook.received'`;
    const ok = result['2xx'];
    process.stdout.write(
      `${JSON.stringify(
        {
          benchmark: 'webhook',
          kind,
          seconds,
          warmupSeconds,
          connections,
          jobsWorker: workerMode,
          server: process.env.BENCH_SERVER === 'next-start' ? 'next start' : 'server.ts',
          loadAverage: { before: loadBefore, after: loadAfter },
          machineSpeedCheckMs: { before: speedBefore, after: speedAfter },
          deliveries: result.requests.total,
          deliveriesPerSecond: Math.round(ok / seconds),
          non2xx: result.non2xx + (warmup?.non2xx ?? 0),
          errors: result.errors + (warmup?.errors ?? 0),
          latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
          ...checked,
          failedJobs: Object.fromEntries(failedJobs.map((f) => [f.name, f.n])),
          deliveriesPerProcessingJob: Number(((webhookJobs?.deliveries ?? 0) / Math.max(1, webhookJobs?.jobs ?? 0)).toFixed(1)),
          drainSeconds: Math.round(drainSeconds),
          // From the first request until the last delivery was processed.
          processedPerSecond: Math.round(checked.expected / (warmupSeconds + seconds + drainSeconds)),
          jobsLeftAfterDrain: Object.fromEntries(jobsLeft.map((j) => [j.name, j.n])),
          // CPU milliseconds (the app's processes, their PostgreSQL backends, this process) during the
          // load and the drain, and the system's per accepted delivery: its cost, whatever else ran.
          cpuMs: { load: cpuLoad, drain: cpuDrain },
          cpuMsPerDelivery: Number((systemCpuMs / Math.max(1, ok)).toFixed(2)),
        },
        null,
        2,
      )}\n`,
    );
  } finally {
    workerProcess?.kill('SIGTERM');
    await Promise.all([monitor.end(), meta.close()]);
    server.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1000));
    await db.drop();
  }
}

void main();
