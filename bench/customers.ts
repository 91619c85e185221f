// npm run bench:customers — BENCH_CUSTOMERS (default 1,000,000) customers for one tenant and a
// few thousand for three others, seeded set-based on PostgreSQL; then the customers page's own
// query (lib/customers/list customerListPage: one page + the capped count) for every filter,
// search and sort, on the first page and on a deep page. Prints JSON with p50/p95 per case.
// Needs PostgreSQL at BENCH_DATABASE_SERVER_URL; BENCH_KEEP_DATABASE=1 keeps the database.
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { customers } from '@/db/schema';
import { seedTenant } from '@/db/seed/tenant';
import { customerListPage, customerListConditions } from '@/lib/customers/list';
import { type CustomerListQuery, customerListQuerySchema, defaultOrder } from '@/lib/customers/list-query';
import { encodeListCursor, orderBy, sortSpec } from '@/lib/customers/list-sort';
import { localJobClient } from '@/lib/jobs/local-driver';
import { todayInMalaysia } from '@/lib/mykad';
import { freshBenchDatabase, seedManyCustomers, timeRuns } from './support';

const total = Number(process.env.BENCH_CUSTOMERS ?? 1_000_000);
const runs = Number(process.env.BENCH_RUNS ?? 30);
const otherTenants = 3;
const perOtherTenant = 20_000;

type Params = Record<string, string>;

// Every filter of the customers page, search by number and by name, and every sort; each
// runs as the page issues it (URL params through the same zod schema).
function benchCases(phone: string): [string, Params][] {
  const yearAgo = todayInMalaysia(new Date(Date.now() - 365 * 86_400_000));
  const local = `0${phone.slice(3, 5)}-${phone.slice(5, 9)} ${phone.slice(9)}`;
  const sorts: [string, Params][] = (['created', 'name', 'lastInteraction', 'inbound', 'outbound', 'age'] as const).flatMap((sort) =>
    (['asc', 'desc'] as const).map((order): [string, Params] => [`sort ${sort} ${order}`, { sort, order }]),
  );
  return [
    ...sorts,
    ['state Selangor (22 %)', { state: 'MY-10' }],
    ['state Labuan (0.3 %)', { state: 'MY-15' }],
    ['state Selangor + KL + Putrajaya', { state: 'MY-10,MY-14,MY-16' }],
    ['state Labuan, by name', { state: 'MY-15', sort: 'name' }],
    ['gender F', { gender: 'F' }],
    ['gender NB (≈1 %)', { gender: 'NB' }],
    ['gender NB, by age', { gender: 'NB', sort: 'age' }],
    ['marital married', { maritalStatus: 'married' }],
    ['marital widowed', { maritalStatus: 'widowed' }],
    ['consent granted', { consentStatus: 'granted' }],
    ['consent withdrawn + pending', { consentStatus: 'withdrawn,pending' }],
    ['consent withdrawn, by messages in', { consentStatus: 'withdrawn', sort: 'inbound' }],
    ['age 25–34', { ageMin: '25', ageMax: '34' }],
    ['age 70+', { ageMin: '70' }],
    ['age ≤ 20', { ageMax: '20' }],
    ['age 25–34, by last interaction', { ageMin: '25', ageMax: '34', sort: 'lastInteraction' }],
    ['last interaction within 7 days', { lastInteractionWithinDays: '7' }],
    ['last interaction within 90 days, by name', { lastInteractionWithinDays: '90', sort: 'name' }],
    ['last interaction before a year ago', { lastInteractionBefore: yearAgo }],
    ['all filters at once', { state: 'MY-01', gender: 'F', maritalStatus: 'married', consentStatus: 'granted', ageMin: '25', ageMax: '40', lastInteractionWithinDays: '180', sort: 'lastInteraction' }],
    ['search phone E.164', { search: phone }],
    ['search phone local 01x', { search: local }],
    ['search phone digits', { search: phone.slice(1) }],
    ['search phone 7 digits', { search: phone.slice(-7) }],
    ['search phone 4 digits', { search: phone.slice(-4) }],
    ['?phone= lookup', { phone }],
    ['search name common (aisyah)', { search: 'aisyah' }],
    ['search name rare (qistina)', { search: 'qistina' }],
    ['search name 2 letters (ng)', { search: 'ng' }],
    ['search name + state + consent', { search: 'tan', state: 'MY-07', consentStatus: 'granted' }],
  ];
}

// The cursor the page would hold after walking `depth` rows into the list.
async function cursorAt(db: Database, tenantId: string, query: CustomerListQuery, depth: number): Promise<string | null> {
  const order = query.order ?? defaultOrder[query.sort];
  const spec = sortSpec(query.sort, order);
  const [row] = await db
    .select({ id: customers.id, value: sql<string>`(${spec.key})::text` })
    .from(customers)
    .where(customerListConditions({ tenantId }, query))
    .orderBy(...orderBy(spec, spec.direction))
    .offset(depth)
    .limit(1);
  return row ? encodeListCursor({ sort: query.sort, order, value: row.value, id: row.id, before: false }) : null;
}

const measure = (run: () => Promise<unknown>) => timeRuns(runs, run);

async function main() {
  const loadBefore = loadavg();
  const bench = await freshBenchDatabase();
  const db = bench.handle.db;
  try {
    const owner = (i: number) => ({ email: `bench-${i}-${Date.now()}@example.com`, name: 'Bench', password: 'Bench-pass-12345' });
    const { tenant } = await seedTenant(db, { businessName: 'Bench Sdn Bhd', owner: owner(0) }, localJobClient);
    const others: string[] = [];
    for (let i = 1; i <= otherTenants; i += 1) others.push((await seedTenant(db, { businessName: `Other ${i}`, owner: owner(i) }, localJobClient)).tenant.id);
    const seedStart = performance.now();
    await seedManyCustomers(db, { tenantId: tenant.id, count: total, others: others.map((tenantId) => ({ tenantId, count: perOtherTenant })) });
    const seedSeconds = (performance.now() - seedStart) / 1000;
    // Autovacuum would do this on a live system; VACUUM also lets counts use index-only scans.
    await db.execute(sql`vacuum analyze customers`);

    const [sample] = await db.select({ phone: customers.phone }).from(customers).where(sql`${customers.tenantId} = ${tenant.id}`).offset(Math.floor(total / 3)).limit(1);
    const results = [];
    for (const [name, params] of benchCases(sample?.phone ?? '+601100000000')) {
      const query = customerListQuerySchema.parse(params);
      const ctx = { tenantId: tenant.id };
      const first = await customerListPage(db, ctx, query);
      const [{ n: matches } = { n: 0 }] = await db.select({ n: sql<number>`count(*)::int` }).from(customers).where(customerListConditions(ctx, query));
      const deepCursor = matches > query.limit * 2 ? await cursorAt(db, tenant.id, query, Math.floor(matches / 2)) : null;
      results.push({
        case: name,
        params,
        matches,
        shownTotal: first.total.capped ? `more than ${first.total.count}` : first.total.count,
        firstPage: await measure(() => customerListPage(db, ctx, query)),
        deepPage: deepCursor ? { depth: Math.floor(matches / 2), ...(await measure(() => customerListPage(db, ctx, { ...query, cursor: deepCursor }))) } : null,
      });
    }
    const slow = results.filter((r) => r.firstPage.p95 > 150 || (r.deepPage?.p95 ?? 0) > 150).map((r) => r.case);
    const round = (l: number[]) => l.map((n) => Math.round(n * 100) / 100);
    console.log(
      JSON.stringify(
        { customers: total, otherTenantRows: otherTenants * perOtherTenant, seedAndIndexSeconds: Math.round(seedSeconds), runsPerCase: runs, loadBefore: round(loadBefore), loadAfter: round(loadavg()), overTarget150ms: slow, results },
        null,
        2,
      ),
    );
  } finally {
    await (process.env.BENCH_KEEP_DATABASE === '1' ? bench.keep() : bench.drop());
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
