// Shared by the benchmarks: a fresh PostgreSQL database, a production server on it, and
// percentile maths. Benchmarks print JSON; they never assert timings.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { eq, sql } from 'drizzle-orm';
import { pgView, text } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import type { Database } from '@/db';
import { seedBulkCustomers } from '@/db/seed/bulk-customers';
import { type DatabaseHandle, openDatabase } from '@/db/client';

export const BENCH_SERVER_URL = process.env.BENCH_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

// `keep()` closes the connections and leaves the database for another look (BENCH_KEEP_DATABASE).
export async function freshBenchDatabase(options: { poolSize?: number } = {}): Promise<{ url: string; handle: DatabaseHandle; drop(): Promise<void>; keep(): Promise<void> }> {
  const name = `sembang_bench_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = postgres(BENCH_SERVER_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  const url = new URL(BENCH_SERVER_URL);
  url.pathname = `/${name}`;
  const handle = openDatabase({ url: url.toString(), poolSize: options.poolSize ?? 4 });
  await handle.migrate();
  return {
    url: url.toString(),
    handle,
    drop: async () => {
      await handle.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
    keep: async () => {
      console.error(`kept ${url.toString()}`);
      await handle.close();
      await admin.end();
    },
  };
}

// The production server (server.ts) on the production build, pointed at the benchmark database.
export async function startServer(env: Record<string, string>, port: number): Promise<ChildProcess> {
  if (!existsSync('.next/BUILD_ID')) throw new Error('No production build: run `npm run build` first.');
  // BENCH_CPU_PROFILE=<dir>: the server writes a V8 CPU profile there when it exits (open it in
  // Chrome DevTools, or summarise it with `tsx bench/profile-summary.ts <file>`).
  const profile = process.env.BENCH_CPU_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : [];
  // BENCH_SERVER=next-start: plain `next start`, without server.ts's webhook lane (to compare).
  const server = process.env.BENCH_SERVER === 'next-start' ? ['node_modules/next/dist/bin/next', 'start'] : ['--import', 'tsx', 'server.ts'];
  const child = spawn(process.execPath, [...profile, ...server, '-p', String(port), '-H', '127.0.0.1'], {
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', SEED_DEMO: 'false', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill();
  throw new Error('the server did not become healthy within 60 s');
}

// Two warm-up runs, then `runs` timed ones: p50, p95 and max in milliseconds (one decimal).
export async function timeRuns(runs: number, run: () => Promise<unknown>): Promise<{ p50: number; p95: number; max: number }> {
  for (let i = 0; i < 2; i += 1) await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return { p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), max: round(times.at(-1) ?? 0) };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const pgIndexes = pgView('pg_indexes', { tablename: text('tablename').notNull(), indexname: text('indexname').notNull(), indexdef: text('indexdef').notNull() }).existing();

// Bulk loads go faster with the secondary indexes built afterwards, as a restore does; the
// definitions are read back from the migrated database, so they are exactly the migrations'.
export async function withoutSecondaryIndexes(db: Database, table: string, load: () => Promise<void>): Promise<void> {
  const all = await db.select().from(pgIndexes).where(eq(pgIndexes.tablename, table));
  const secondary = all.filter((i) => !i.indexdef.startsWith('CREATE UNIQUE'));
  for (const i of secondary) await db.execute(sql`drop index ${sql.identifier(i.indexname)}`);
  await load();
  for (const i of secondary) await db.execute(sql.raw(i.indexdef));
}

// `count` customers for one tenant and a few for others (so every query must pick its tenant),
// set-based in chunks, with the secondary indexes built afterwards; phone numbers never repeat.
export async function seedManyCustomers(db: Database, input: { tenantId: string; count: number; others: { tenantId: string; count: number }[] }): Promise<void> {
  await withoutSecondaryIndexes(db, 'customers', async () => {
    for (let from = 1; from <= input.count; from += 250_000) {
      await seedBulkCustomers(db, { tenantId: input.tenantId, count: Math.min(250_000, input.count - from + 1), from });
    }
    let from = input.count + 1;
    for (const other of input.others) {
      await seedBulkCustomers(db, { tenantId: other.tenantId, count: other.count, from });
      from += other.count;
    }
  });
}
