// npm run bench:import — a BENCH_IMPORT_ROWS-row (default 10,000) customer CSV with every
// column filled (name, phone, IC, gender, marital status, city, language, consent with evidence
// on half the rows) through lib/customers/import as the page and the API run it: a dry run, the
// import, and the same file again (all updates). On embedded PGlite (a temporary directory, as
// `npm start` runs it) and on PostgreSQL at BENCH_DATABASE_SERVER_URL. Prints JSON.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { type DatabaseHandle, openDatabase } from '@/db/client';
import { seedTenant } from '@/db/seed/tenant';
import { importCustomers } from '@/lib/customers/import/import';
import { localJobClient } from '@/lib/jobs/local-driver';
import type { TenantContext } from '@/lib/tenants/context';
import { freshBenchDatabase } from './support';

process.env.ENCRYPTION_KEY ??= randomBytes(32).toString('base64');
process.env.AUTH_SECRET ??= randomBytes(32).toString('base64');

const rows = Number(process.env.BENCH_IMPORT_ROWS ?? 10_000);

function csv(count: number): Uint8Array {
  const lines = ['Nama,No. Telefon,No. IC,Jantina,Status Perkahwinan,Bandar,Bahasa,Persetujuan,Bukti Persetujuan'];
  for (let i = 0; i < count; i += 1) {
    const serial = String(i % 10_000).padStart(4, '0');
    // A valid MyKad per row: a different birth day per 10,000 rows, Selangor (10).
    const day = String(1 + Math.floor(i / 10_000)).padStart(2, '0');
    const phone = `01${String(20_000_000 + i)}`;
    const consent = i % 2 === 0 ? `Ya,Borang ahli ${i}` : ',';
    lines.push(`Pelanggan ${i},${phone},8801${day}-10-${serial},${i % 3 === 0 ? 'L' : 'P'},Bujang,Shah Alam,BM,${consent}`);
  }
  return new TextEncoder().encode(lines.join('\r\n'));
}

async function run(label: string, handle: DatabaseHandle, bytes: Uint8Array) {
  const db = handle.db;
  const { tenant, owner } = await seedTenant(
    db,
    { businessName: 'Bench Import Sdn Bhd', owner: { email: `bench-import-${Date.now()}@example.com`, name: 'Bench', password: 'Bench-pass-12345' } },
    localJobClient,
  );
  const ctx: TenantContext = { tenantId: tenant.id, tenantName: tenant.name, role: 'owner', userId: owner.id, apiKeyId: null };
  const timed = async (dryRun: boolean) => {
    const start = performance.now();
    const result = await importCustomers(db, ctx, { bytes, dryRun });
    const { created, updated, skipped, consentRecorded } = result;
    return { seconds: Math.round((performance.now() - start) / 10) / 100, created, updated, skipped, consentRecorded, issues: result.issues.length };
  };
  return { database: label, dryRun: await timed(true), firstImport: await timed(false), secondImportSameFile: await timed(false) };
}

async function main() {
  const bytes = csv(rows);
  const loadBefore = loadavg();
  const results = [];
  const dir = mkdtempSync(path.join(tmpdir(), 'sembang-bench-import-'));
  const pglite = openDatabase({ dataDir: dir });
  try {
    await pglite.migrate();
    results.push(await run('pglite (embedded, on disk)', pglite, bytes));
  } finally {
    await pglite.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const postgres = await freshBenchDatabase();
  try {
    results.push(await run('postgresql', postgres.handle, bytes));
  } finally {
    await postgres.drop();
  }
  const round = (l: number[]) => l.map((n) => Math.round(n * 100) / 100);
  console.log(JSON.stringify({ rows, fileBytes: bytes.byteLength, loadBefore: round(loadBefore), loadAfter: round(loadavg()), results }, null, 2));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
