import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it, onTestFinished } from 'vitest';
import { jobs, tenants } from '@/db/schema';
import { useTestDatabase } from '@/lib/testing/database';
import { localJobClient } from './local-driver';

// `npm run cli -- worker`: the job worker as a process of its own, beside web processes started
// with JOBS_WORKER=false. On PostgreSQL it works this test's queue; embedded PGlite belongs to
// one process, so there the CLI gets a data directory of its own and is only started and stopped.

const t = useTestDatabase();

async function databaseUrl(): Promise<string | undefined> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return undefined;
  const [row] = await t.db.select({ name: sql<string>`current_database()` }).from(tenants).limit(1);
  const url = new URL(serverUrl);
  url.pathname = `/${row?.name ?? ''}`;
  return url.toString();
}

function startCli(env: Record<string, string>) {
  const child = spawn(path.join('node_modules', '.bin', 'tsx'), ['scripts/cli.ts', 'worker'], {
    env: { ...process.env, LOG_LEVEL: 'info', JOBS_POLL_INTERVAL_MS: '100', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, stdout: () => stdout };
}

describe('npm run cli -- worker', () => {
  it('works the queue until SIGTERM, then finishes and says so', async () => {
    const [tenant] = await t.db.insert(tenants).values({ name: 'Kedai CLI', slug: `t-${crypto.randomUUID()}` }).returning();
    await localJobClient.send({ name: 'tenant/provision', data: { tenantId: tenant!.id } }, { db: t.db });
    const url = await databaseUrl();
    const dataDir = mkdtempSync(path.join(tmpdir(), 'sembang-cli-worker-'));
    onTestFinished(() => rmSync(dataDir, { recursive: true, force: true }));
    const cli = startCli(url ? { DATABASE_URL: url } : { DATA_DIR: dataDir });

    await expect.poll(() => cli.stdout(), { timeout: 30_000, interval: 100 }).toContain('job worker started');
    if (url) {
      await expect
        .poll(async () => (await t.db.select({ status: jobs.status }).from(jobs).where(and(eq(jobs.tenantId, tenant!.id), eq(jobs.name, 'tenant/provision'))))[0]?.status, { timeout: 15_000 })
        .toBe('completed');
    }
    cli.child.kill('SIGTERM');

    expect(await cli.exited).toBe(0);
    expect(cli.stdout()).toContain('{"stopped":true}');
  });
});
