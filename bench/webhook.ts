// npm run bench:webhook — signed Meta-shaped deliveries against a production build on
// PostgreSQL for BENCH_SECONDS (default 30), then a check that every message was stored once.
// Prints JSON. Needs `npm run build` first and PostgreSQL at BENCH_DATABASE_SERVER_URL.
// BENCH_JOBS_WORKER=false measures the fast path alone: the server runs no job worker during
// the load, and a worker in this process drains the queue afterwards.
import { randomBytes, randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import { count, countDistinct, eq } from 'drizzle-orm';
import postgres from 'postgres';
import { channels, messages } from '@/db/schema';
import { seedTenant } from '@/db/seed/tenant';
import { encrypt } from '@/lib/crypto';
import { localJobClient } from '@/lib/jobs/local-driver';
import { type JobWorker, startJobWorker } from '@/lib/jobs/worker';
import { signPayload } from '@/lib/whatsapp/webhook/signature';
import { cpuBetween, sampleCpu } from './cpu';
import { freshBenchDatabase, startServer } from './support';

const seconds = Number(process.env.BENCH_SECONDS ?? 30);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
const port = Number(process.env.BENCH_PORT ?? 3201);
const workerInServer = process.env.BENCH_JOBS_WORKER !== 'false';
// Other work on a shared machine moves the numbers: the 1-minute load average goes in the output.
const load = () => Number(loadavg()[0]?.toFixed(2));
// A share of deliveries are sent twice, as Meta does, to prove idempotency under load.
const redeliveryShare = 0.05;

function textDelivery(phoneNumberId: string, wamid: string, waId: string): string {
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '60312345678', phone_number_id: phoneNumberId },
              contacts: [{ profile: { name: `Bench ${waId.slice(-4)}` }, wa_id: waId }],
              messages: [{ from: waId, id: wamid, timestamp: String(Math.floor(Date.now() / 1000)), type: 'text', text: { body: 'Ada stok lagi?' } }],
            },
          },
        ],
      },
    ],
  });
}

async function main() {
  const encryptionKey = randomBytes(32).toString('base64');
  const appSecret = randomBytes(16).toString('hex');
  const phoneNumberId = `bench-${Date.now()}`;
  // Room for the job worker this process runs when BENCH_JOBS_WORKER=false.
  const db = await freshBenchDatabase({ poolSize: 10 });
  const { tenant } = await seedTenant(db.handle.db, { businessName: 'Bench Sdn Bhd', owner: { email: `bench-${Date.now()}@example.com`, name: 'Bench', password: 'Bench-pass-12345' } }, localJobClient);
  await db.handle.db.insert(channels).values({ tenantId: tenant.id, type: 'cloud', name: 'Bench', phoneNumberId, appSecretEnc: encrypt(appSecret, encryptionKey) });

  const server = await startServer(
    { DATABASE_URL: db.url, AUTH_SECRET: randomBytes(32).toString('base64'), ENCRYPTION_KEY: encryptionKey, JOBS_WORKER: String(workerInServer) },
    port,
  ).catch(async (error: unknown) => {
    await db.drop();
    throw error;
  });
  const loadBefore = load();
  let worker: JobWorker | undefined;
  const monitor = postgres(db.url, { max: 1, onnotice: () => {} });
  const cpu = () => sampleCpu(monitor, new URL(db.url).pathname.slice(1), server.pid ?? 0);
  const cpuAtStart = await cpu();
  const sent = new Set<string>();
  const bodies: string[] = [];
  let redeliveries = 0;
  try {
    const result = await autocannon({
      url: `http://127.0.0.1:${port}/api/webhooks/whatsapp`,
      method: 'POST',
      connections,
      duration: seconds,
      requests: [
        {
          setupRequest: (req) => {
            let body: string;
            if (bodies.length > 100 && Math.random() < redeliveryShare) {
              body = bodies[Math.floor(Math.random() * bodies.length)] ?? '';
              redeliveries += 1;
            } else {
              const wamid = `wamid.bench.${randomUUID()}`;
              body = textDelivery(phoneNumberId, wamid, `6012${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`);
              sent.add(wamid);
              if (bodies.length < 5000) bodies.push(body);
            }
            return { ...req, body, headers: { 'content-type': 'application/json', 'x-hub-signature-256': signPayload(body, appSecret) } };
          },
        },
      ],
    });

    const loadAfter = load();
    const cpuAfterLoad = await cpu();
    // Processing runs in jobs. Ingest has drained once every stored delivery is processed; the
    // jobs it queued (automations answering new customers, their sends) once no job is due or
    // running. Jobs scheduled for later (reminders, retries backing off) are not waited for.
    const drainStart = Date.now();
    if (!workerInServer) worker = startJobWorker({ db: db.handle.db, pollIntervalMs: 200, concurrency: 4 });
    let ingestSeconds: number | undefined;
    for (;;) {
      const [queue] = await monitor<{ unprocessed: number; busy: number }[]>`
        select (select count(*) from webhook_events where processed_at is null)::int as unprocessed,
               (select count(*) from jobs where status = 'running' or (status = 'pending' and run_at <= now()))::int as busy`;
      if (queue?.unprocessed === 0) ingestSeconds ??= (Date.now() - drainStart) / 1000;
      if ((queue?.unprocessed === 0 && queue.busy === 0) || Date.now() - drainStart > 600_000) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const drainSeconds = (Date.now() - drainStart) / 1000;
    await worker?.stop();
    const cpuAtEnd = await cpu();
    const cpuLoad = cpuBetween(cpuAtStart, cpuAfterLoad);
    const cpuDrain = cpuBetween(cpuAfterLoad, cpuAtEnd);
    // The load generator's own CPU is not the system's; a worker in this process is.
    const systemCpuMs = cpuLoad.server + cpuLoad.postgres + cpuDrain.server + cpuDrain.postgres + (workerInServer ? 0 : cpuDrain.bench);
    // Inbound only: automations may answer new customers.
    const [stored] = await db.handle.db.select({ rows: count(), distinct: countDistinct(messages.wamid) }).from(messages).where(eq(messages.direction, 'inbound'));
    const failedJobs = await monitor<{ name: string; n: number }[]>`select name, count(*)::int as n from jobs where status = 'failed' group by name`;
    // How many deliveries each processing job carried (one per job before batching).
    const [webhookJobs] = await monitor<{ jobs: number; deliveries: number }[]>`
      select count(*)::int as jobs, coalesce(sum(coalesce(jsonb_array_length(payload->'webhookEventIds'), 1)), 0)::int as deliveries
      from jobs where name = 'whatsapp/webhook.received'`;
    const ok = result['2xx'];
    process.stdout.write(
      `${JSON.stringify(
        {
          benchmark: 'webhook',
          seconds,
          connections,
          jobsWorker: workerInServer ? 'in the server' : 'after the load, in the bench process',
          loadAverage: { before: loadBefore, after: loadAfter },
          deliveries: result.requests.total,
          deliveriesPerSecond: Math.round(ok / seconds),
          non2xx: result.non2xx,
          errors: result.errors,
          latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
          uniqueMessagesSent: sent.size,
          redeliveries,
          stored: stored?.rows ?? 0,
          lost: sent.size - (stored?.distinct ?? 0),
          duplicated: (stored?.rows ?? 0) - (stored?.distinct ?? 0),
          failedJobs: Object.fromEntries(failedJobs.map((f) => [f.name, f.n])),
          deliveriesPerProcessingJob: Number(((webhookJobs?.deliveries ?? 0) / Math.max(1, webhookJobs?.jobs ?? 0)).toFixed(1)),
          ingestDrainSeconds: ingestSeconds === undefined ? null : Math.round(ingestSeconds),
          drainSeconds: Math.round(drainSeconds),
          // From the first request until the last delivery was processed.
          processedPerSecond: Math.round((stored?.distinct ?? 0) / (seconds + (ingestSeconds ?? drainSeconds))),
          // CPU milliseconds (server, its PostgreSQL backends, this process) during the load and
          // during the drain, and the system's per accepted delivery: its cost, whatever else ran.
          cpuMs: { load: cpuLoad, drain: cpuDrain },
          cpuMsPerDelivery: Number((systemCpuMs / Math.max(1, ok)).toFixed(2)),
        },
        null,
        2,
      )}\n`,
    );
  } finally {
    await monitor.end();
    server.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1000));
    await db.drop();
  }
}

void main();
