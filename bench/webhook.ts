// npm run bench:webhook — signed Meta-shaped deliveries against a production build on
// PostgreSQL for BENCH_SECONDS (default 30), then a check that every message was stored once.
// Prints JSON. Needs `npm run build` first and PostgreSQL at BENCH_DATABASE_SERVER_URL.
import { randomBytes, randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { count, countDistinct, eq } from 'drizzle-orm';
import { channels, jobs, messages } from '@/db/schema';
import { seedTenant } from '@/db/seed/tenant';
import { encrypt } from '@/lib/crypto';
import { localJobClient } from '@/lib/jobs/local-driver';
import { signPayload } from '@/lib/whatsapp/webhook/signature';
import { freshBenchDatabase, startServer } from './support';

const seconds = Number(process.env.BENCH_SECONDS ?? 30);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
const port = Number(process.env.BENCH_PORT ?? 3201);
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
  const db = await freshBenchDatabase();
  const { tenant } = await seedTenant(db.handle.db, { businessName: 'Bench Sdn Bhd', owner: { email: `bench-${Date.now()}@example.com`, name: 'Bench', password: 'Bench-pass-12345' } }, localJobClient);
  await db.handle.db.insert(channels).values({ tenantId: tenant.id, type: 'cloud', name: 'Bench', phoneNumberId, appSecretEnc: encrypt(appSecret, encryptionKey) });

  const server = await startServer({ DATABASE_URL: db.url, AUTH_SECRET: randomBytes(32).toString('base64'), ENCRYPTION_KEY: encryptionKey }, port);
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

    // Processing runs in jobs; wait for the queue to drain before counting.
    const drainStart = Date.now();
    for (;;) {
      const [row] = await db.handle.db.select({ n: count() }).from(jobs).where(eq(jobs.status, 'pending'));
      const [running] = await db.handle.db.select({ n: count() }).from(jobs).where(eq(jobs.status, 'running'));
      if ((row?.n ?? 0) + (running?.n ?? 0) === 0 || Date.now() - drainStart > 300_000) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    const [stored] = await db.handle.db.select({ rows: count(), distinct: countDistinct(messages.wamid) }).from(messages);
    const [failedJobs] = await db.handle.db.select({ n: count() }).from(jobs).where(eq(jobs.status, 'failed'));
    const ok = result['2xx'];
    process.stdout.write(
      `${JSON.stringify(
        {
          benchmark: 'webhook',
          seconds,
          connections,
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
          failedJobs: failedJobs?.n ?? 0,
          drainSeconds: Math.round((Date.now() - drainStart) / 1000),
        },
        null,
        2,
      )}\n`,
    );
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1000));
    await db.drop();
  }
}

void main();
