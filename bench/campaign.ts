// npm run bench:campaign — on PostgreSQL with BENCH_CUSTOMERS (default 1,000,000) customers of
// one tenant (and 60,000 of three others), seeded set-based: the segment builder's count for
// typical segments (./campaign-segments), then a marketing campaign to about half of them queued
// and dispatched against a fake Graph API on loopback (./campaign-dispatch). Prints JSON.
// Needs PostgreSQL at BENCH_DATABASE_SERVER_URL (no build). BENCH_KEEP_DATABASE=1 keeps the
// database, BENCH_REUSE_DATABASE=<its URL> runs again on it without seeding; BENCH_PARTS=segments
// or =campaign runs one part.
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { and, eq, sql } from 'drizzle-orm';
import { type DatabaseHandle, openDatabase } from '@/db/client';
import { customers, memberships } from '@/db/schema';
import { seedTenant } from '@/db/seed/tenant';
import { localJobClient } from '@/lib/jobs/local-driver';
import type { TenantContext } from '@/lib/tenants/context';
import { benchCampaign } from './campaign-dispatch';
import { benchSegmentPreview } from './campaign-segments';
import { freshBenchDatabase, seedManyCustomers } from './support';

const total = Number(process.env.BENCH_CUSTOMERS ?? 1_000_000);
const runs = Number(process.env.BENCH_RUNS ?? 30);
const parts = (process.env.BENCH_PARTS ?? 'segments,campaign').split(',');
const otherTenants = 3;
const perOtherTenant = 20_000;
// The 2 cores are shared with other work: the 1-minute load average goes in the output.
const load = () => Number(loadavg()[0]?.toFixed(2));

async function seeded(): Promise<{ url: string; handle: DatabaseHandle; ctx: TenantContext; seedSeconds: number | null; done(): Promise<void> }> {
  // BENCH_REUSE_DATABASE: a database a run kept (BENCH_KEEP_DATABASE=1); its largest tenant.
  const reuse = process.env.BENCH_REUSE_DATABASE;
  if (reuse) {
    const handle = openDatabase({ url: reuse, poolSize: 10 });
    await handle.migrate();
    const [row] = await handle.db
      .select({ tenantId: memberships.tenantId, userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.role, 'owner'), sql`${memberships.tenantId} = (select tenant_id from customers group by tenant_id order by count(*) desc limit 1)`))
      .limit(1);
    if (!row) throw new Error('no tenant with customers in BENCH_REUSE_DATABASE');
    return { url: reuse, handle, ctx: ownerContext(row.tenantId, row.userId), seedSeconds: null, done: () => handle.close() };
  }
  const bench = await freshBenchDatabase({ poolSize: 10 });
  const db = bench.handle.db;
  const owner = (i: number) => ({ email: `bench-${i}-${Date.now()}@example.com`, name: 'Bench', password: 'Bench-pass-12345' });
  const { tenant, owner: user } = await seedTenant(db, { businessName: 'Bench Sdn Bhd', owner: owner(0) }, localJobClient);
  const others: { tenantId: string; count: number }[] = [];
  for (let i = 1; i <= otherTenants; i += 1) others.push({ tenantId: (await seedTenant(db, { businessName: `Other ${i}`, owner: owner(i) }, localJobClient)).tenant.id, count: perOtherTenant });
  const seedStart = performance.now();
  await seedManyCustomers(db, { tenantId: tenant.id, count: total, others });
  // Autovacuum would do this on a live system; it also lets counts use index-only scans.
  await db.execute(sql`vacuum analyze customers`);
  const seedSeconds = Math.round((performance.now() - seedStart) / 1000);
  const done = async () => {
    await (process.env.BENCH_KEEP_DATABASE === '1' ? bench.keep() : bench.drop());
  };
  return { url: bench.url, handle: bench.handle, ctx: ownerContext(tenant.id, user.id), seedSeconds, done };
}

const ownerContext = (tenantId: string, userId: string): TenantContext => ({ tenantId, tenantName: 'Bench Sdn Bhd', role: 'owner', userId, apiKeyId: null });

async function main() {
  const bench = await seeded();
  const db = bench.handle.db;
  try {
    const [{ n = 0 } = {}] = await db.select({ n: sql<number>`count(*)::int` }).from(customers).where(eq(customers.tenantId, bench.ctx.tenantId));
    const output: Record<string, unknown> = { benchmark: 'campaign', customers: n, otherTenantRows: otherTenants * perOtherTenant, seedAndIndexSeconds: bench.seedSeconds };
    if (parts.includes('segments')) {
      const loadBefore = load();
      const results = await benchSegmentPreview(db, bench.ctx.tenantId, runs);
      output.segmentPreview = { runsPerCase: runs, loadAverage: { before: loadBefore, after: load() }, targetP95Ms: 150, results };
    }
    if (parts.includes('campaign')) Object.assign(output, await benchCampaign(db, bench.ctx, bench.url, load));
    console.log(JSON.stringify(output, null, 2));
  } finally {
    await bench.done();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
