import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Database, type DatabaseHandle, openDatabase } from '@/db/client';
import { jobs, tenantSettings, tenants } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { type JobHandler, type JobHandlers, jobHandlers } from './handlers';
import { localJobClient } from './local-driver';
import { jobBacklog, runDueJobs, startJobWorker } from './worker';

let handle: DatabaseHandle;
let db: Database;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
});
afterAll(() => handle.close());
beforeEach(async () => {
  await db.delete(jobs);
});

async function createTenant(name = 'Kedai Runcit Ah Seng') {
  const slug = `t-${crypto.randomUUID()}`;
  const [tenant] = await db.insert(tenants).values({ name, slug }).returning();
  if (!tenant) throw new Error('tenant insert returned nothing');
  return tenant;
}

function withHandler(handler: JobHandler<'tenant/provision'>): JobHandlers {
  return { ...jobHandlers, 'tenant/provision': handler };
}

// The tenant's provisioning job (provisioning then queues the tenant's daily retention job).
async function jobFor(tenantId: string) {
  const [job] = await db.select().from(jobs).where(and(eq(jobs.tenantId, tenantId), eq(jobs.name, 'tenant/provision')));
  if (!job) throw new Error(`no job for tenant ${tenantId}`);
  return job;
}

// Seconds from the database's now() to the job's run_at.
async function secondsUntilRun(jobId: string) {
  const [row] = await db
    .select({ s: sql<number>`extract(epoch from ${jobs.runAt} - now())`.mapWith(Number) })
    .from(jobs)
    .where(eq(jobs.id, jobId));
  return row?.s ?? Number.NaN;
}

async function makeDue(jobId: string) {
  await db.update(jobs).set({ runAt: sql`now() - interval '1 second'` }).where(eq(jobs.id, jobId));
}

describe('local job driver + worker', () => {
  it('runs a sent job: the tenant gets provisioned', async () => {
    const tenant = await createTenant();
    await localJobClient.send({ name: 'tenant/provision', data: { tenantId: tenant.id } }, { db });

    const summary = await runDueJobs(db, { limit: 10, workerId: 'w1' });

    expect(summary).toMatchObject({ claimed: 1, completed: 1 });
    const [settings] = await db.select().from(tenantSettings).where(eq(tenantSettings.tenantId, tenant.id));
    expect(settings?.brandName).toBe(tenant.name);
    const [after] = await db.select().from(tenants).where(eq(tenants.id, tenant.id));
    expect(after?.provisionedAt).toBeInstanceOf(Date);
    const job = await jobFor(tenant.id);
    expect(job).toMatchObject({ status: 'completed', attempts: 1, lockedBy: null });
    expect(job.completedAt).toBeInstanceOf(Date);
  });

  it('commits the job with the caller transaction, or not at all', async () => {
    const tenant = await createTenant();
    await expect(
      db.transaction(async (tx) => {
        await localJobClient.send({ name: 'tenant/provision', data: { tenantId: tenant.id } }, { db: tx });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await db.select().from(jobs).where(eq(jobs.tenantId, tenant.id))).toHaveLength(0);
  });

  it('does not run a job before its runAt', async () => {
    const tenant = await createTenant();
    const runAt = new Date(Date.now() + 60 * 60 * 1000);
    await localJobClient.send({ name: 'tenant/provision', data: { tenantId: tenant.id }, runAt }, { db });

    expect(await runDueJobs(db, { limit: 10, workerId: 'w1' })).toMatchObject({ claimed: 0 });
    const job = await jobFor(tenant.id);
    expect(job.status).toBe('pending');
    expect(job.runAt.getTime()).toBe(runAt.getTime());

    await makeDue(job.id);
    expect(await runDueJobs(db, { limit: 10, workerId: 'w1' })).toMatchObject({ claimed: 1, completed: 1 });
  });

  it('queues a dedupeKey once', async () => {
    const tenant = await createTenant();
    const event = { name: 'tenant/provision', data: { tenantId: tenant.id }, dedupeKey: `provision:${tenant.id}` } as const;
    await localJobClient.send(event, { db });
    await localJobClient.send(event, { db });
    expect(await db.select().from(jobs).where(eq(jobs.tenantId, tenant.id))).toHaveLength(1);
  });

  it('rejects a payload that does not match the event schema', async () => {
    await expect(
      localJobClient.send({ name: 'tenant/provision', data: { tenantId: 'not-a-uuid' } }, { db }),
    ).rejects.toThrow();
    expect(await db.select().from(jobs)).toHaveLength(0);
  });

  it('retries a failing handler with backoff, then fails it after maxAttempts', async () => {
    const tenant = await createTenant();
    await localJobClient.send({ name: 'tenant/provision', data: { tenantId: tenant.id } }, { db });
    const attemptsSeen: number[] = [];
    const handlers = withHandler(async ({ attempt }) => {
      attemptsSeen.push(attempt);
      throw new Error(`boom ${attempt} ${'x'.repeat(5000)}`);
    });

    await runDueJobs(db, { limit: 10, workerId: 'w1', handlers });
    let job = await jobFor(tenant.id);
    expect(job).toMatchObject({ status: 'pending', attempts: 1, lockedAt: null, lockedBy: null });
    expect(job.lastError).toMatch(/^boom 1 x+/);
    expect(job.lastError?.length).toBeLessThanOrEqual(1000);
    // 2^1 s ± 20%
    expect(await secondsUntilRun(job.id)).toBeGreaterThan(1.5);
    expect(await secondsUntilRun(job.id)).toBeLessThan(2.5);
    expect(await runDueJobs(db, { limit: 10, workerId: 'w1', handlers })).toMatchObject({ claimed: 0 });

    await makeDue(job.id);
    await runDueJobs(db, { limit: 10, workerId: 'w1', handlers });
    job = await jobFor(tenant.id);
    // 2^2 s ± 20%
    expect(await secondsUntilRun(job.id)).toBeGreaterThan(3.1);
    expect(await secondsUntilRun(job.id)).toBeLessThan(4.9);

    for (let i = 3; i <= job.maxAttempts; i++) {
      await makeDue(job.id);
      await runDueJobs(db, { limit: 10, workerId: 'w1', handlers });
    }
    job = await jobFor(tenant.id);
    expect(job).toMatchObject({ status: 'failed', attempts: 5 });
    expect(job.lastError).toMatch(/^boom 5 /);
    expect(attemptsSeen).toEqual([1, 2, 3, 4, 5]);

    await makeDue(job.id);
    expect(await runDueJobs(db, { limit: 10, workerId: 'w1', handlers })).toMatchObject({ claimed: 0 });
  });

  it('fails an unknown job name or an invalid payload permanently', async () => {
    const tenant = await createTenant();
    await db.insert(jobs).values([
      { tenantId: tenant.id, name: 'nope/unknown', payload: { tenantId: tenant.id } },
      { tenantId: tenant.id, name: 'tenant/provision', payload: { tenantId: 42 } },
    ]);

    expect(await runDueJobs(db, { limit: 10, workerId: 'w1' })).toMatchObject({ claimed: 2, failed: 2 });
    const rows = await db.select().from(jobs).where(eq(jobs.tenantId, tenant.id)).orderBy(jobs.name);
    expect(rows.map((r) => r.status)).toEqual(['failed', 'failed']);
    expect(rows[0]?.lastError).toMatch(/Unknown job "nope\/unknown"/);
    expect(rows[1]?.lastError).toMatch(/Invalid payload for "tenant\/provision"/);
  });

  it('never runs a job twice when two workers claim concurrently', async () => {
    const created = await Promise.all(Array.from({ length: 50 }, (_, i) => createTenant(`Tenant ${i}`)));
    const second = handle.kind === 'postgres' ? openDatabase({ url: await currentDatabaseUrl(db), poolSize: 5 }) : undefined;
    try {
      for (const t of created) await localJobClient.send({ name: 'tenant/provision', data: { tenantId: t.id } }, { db });
      const runs = new Map<string, number>();
      const handlers = withHandler(async ({ data }) => {
        runs.set(data.tenantId, (runs.get(data.tenantId) ?? 0) + 1);
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
      });
      const drain = async (target: Database, workerId: string) => {
        while ((await runDueJobs(target, { limit: 3, workerId, handlers })).claimed > 0);
      };

      await Promise.all([drain(db, 'w1'), drain(second?.db ?? db, 'w2'), drain(db, 'w3')]);

      expect(runs.size).toBe(50);
      expect([...runs.values()].every((n) => n === 1)).toBe(true);
      const done = await db.select().from(jobs).where(eq(jobs.status, 'completed'));
      expect(done).toHaveLength(50);
      expect(done.every((j) => j.attempts === 1)).toBe(true);
    } finally {
      await second?.close();
    }
  });

  it('reclaims a job whose lock is older than the visibility timeout', async () => {
    const crashed = await createTenant();
    const busy = await createTenant();
    await localJobClient.send({ name: 'tenant/provision', data: { tenantId: crashed.id } }, { db });
    await localJobClient.send({ name: 'tenant/provision', data: { tenantId: busy.id } }, { db });
    const lock = { status: 'running', lockedBy: 'dead-worker', attempts: 1 } as const;
    await db.update(jobs).set({ ...lock, lockedAt: sql`now() - interval '10 minutes'` }).where(eq(jobs.tenantId, crashed.id));
    await db.update(jobs).set({ ...lock, lockedAt: sql`now() - interval '1 minute'` }).where(eq(jobs.tenantId, busy.id));

    expect(await runDueJobs(db, { limit: 10, workerId: 'w2' })).toMatchObject({ claimed: 1, completed: 1 });
    expect(await jobFor(crashed.id)).toMatchObject({ status: 'completed', attempts: 2 });
    expect(await jobFor(busy.id)).toMatchObject({ status: 'running', lockedBy: 'dead-worker' });
  });

  it('completes jobs that finish together, leaving one whose lock another worker took over', async () => {
    const created = await Promise.all([createTenant(), createTenant(), createTenant()]);
    for (const t of created) await localJobClient.send({ name: 'tenant/provision', data: { tenantId: t.id } }, { db });
    const stolen = created[1]!.id;
    const handlers = withHandler(async ({ data }) => {
      if (data.tenantId === stolen) await db.update(jobs).set({ lockedBy: 'w-other', attempts: 2 }).where(eq(jobs.tenantId, stolen));
    });

    expect(await runDueJobs(db, { limit: 10, workerId: 'w1', handlers })).toMatchObject({ claimed: 3, completed: 2, lost: 1 });
    expect(await jobFor(stolen)).toMatchObject({ status: 'running', lockedBy: 'w-other' });
    expect(await jobFor(created[0]!.id)).toMatchObject({ status: 'completed', lockedBy: null });
    expect(await jobFor(created[2]!.id)).toMatchObject({ status: 'completed', lockedBy: null });
  });

  it('claims the longest-waiting due jobs first, with abandoned ones, and no more than asked', async () => {
    const [old, young, abandoned] = await Promise.all([createTenant(), createTenant(), createTenant()]);
    for (const t of [old, young, abandoned]) await localJobClient.send({ name: 'tenant/provision', data: { tenantId: t.id } }, { db });
    await db.update(jobs).set({ runAt: sql`now() - interval '1 minute'` }).where(eq(jobs.tenantId, old.id));
    await db.update(jobs).set({ status: 'running', lockedBy: 'dead-worker', attempts: 1, lockedAt: sql`now() - interval '10 minutes'` }).where(eq(jobs.tenantId, abandoned.id));

    expect(await runDueJobs(db, { limit: 2, workerId: 'w1' })).toMatchObject({ claimed: 2, completed: 2 });
    expect(await jobFor(abandoned.id)).toMatchObject({ status: 'completed', attempts: 2 });
    expect(await jobFor(old.id)).toMatchObject({ status: 'completed' });
    expect(await jobFor(young.id)).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it('gives up on a job that crashed on its last attempt', async () => {
    const tenant = await createTenant();
    await localJobClient.send({ name: 'tenant/provision', data: { tenantId: tenant.id } }, { db });
    await db
      .update(jobs)
      .set({ status: 'running', lockedBy: 'dead-worker', attempts: 5, lockedAt: sql`now() - interval '1 hour'` })
      .where(eq(jobs.tenantId, tenant.id));

    expect(await runDueJobs(db, { limit: 10, workerId: 'w2' })).toMatchObject({ claimed: 1, failed: 1 });
    const job = await jobFor(tenant.id);
    expect(job.status).toBe('failed');
    expect(job.lastError).toMatch(/did not finish/);
  });

  it('reports the backlog', async () => {
    const [a, b, c] = await Promise.all([createTenant(), createTenant(), createTenant()]);
    if (!a || !b || !c) throw new Error('tenants missing');
    await localJobClient.send({ name: 'tenant/provision', data: { tenantId: a.id } }, { db });
    await localJobClient.send({ name: 'tenant/provision', data: { tenantId: b.id }, runAt: new Date(Date.now() + 60_000) }, { db });
    await db.insert(jobs).values({ tenantId: c.id, name: 'nope/unknown', payload: {}, status: 'failed' });
    await db.update(jobs).set({ runAt: sql`now() - interval '30 seconds'` }).where(eq(jobs.tenantId, a.id));

    const backlog = await jobBacklog(db);
    expect(backlog).toMatchObject({ pending: 2, running: 0, failed: 1 });
    expect(backlog.oldestPendingAgeSeconds).toBeGreaterThanOrEqual(29);
    expect(backlog.oldestPendingAgeSeconds).toBeLessThan(60);

    await db.delete(jobs);
    expect(await jobBacklog(db)).toEqual({ pending: 0, running: 0, failed: 0, oldestPendingAgeSeconds: 0 });
  });
});

describe('startJobWorker', () => {
  it('polls, runs jobs, and stop() waits for the running ones', async () => {
    const tenant = await createTenant();
    let started!: () => void;
    const handlerStarted = new Promise<void>((resolve) => (started = resolve));
    const handlers = withHandler(async (ctx) => {
      started();
      await new Promise((resolve) => setTimeout(resolve, 200));
      await jobHandlers['tenant/provision'](ctx);
    });
    const worker = startJobWorker({ db, pollIntervalMs: 20, concurrency: 2, workerId: 'w-poll', handlers });
    await localJobClient.send({ name: 'tenant/provision', data: { tenantId: tenant.id } }, { db });

    await handlerStarted;
    await worker.stop();

    expect(await jobFor(tenant.id)).toMatchObject({ status: 'completed' });
  });

  it('keeps going after a handler error', async () => {
    const [bad, good] = [await createTenant(), await createTenant()];
    await localJobClient.send({ name: 'tenant/provision', data: { tenantId: bad.id } }, { db });
    await db.update(jobs).set({ runAt: sql`now() - interval '1 minute'` }).where(eq(jobs.tenantId, bad.id));
    await localJobClient.send({ name: 'tenant/provision', data: { tenantId: good.id } }, { db });
    const handlers = withHandler(async (ctx) => {
      if (ctx.data.tenantId === bad.id) throw new Error('handler blew up');
      await jobHandlers['tenant/provision'](ctx);
    });
    const worker = startJobWorker({ db, pollIntervalMs: 20, concurrency: 1, workerId: 'w-err', handlers });

    await expect.poll(async () => (await jobFor(good.id)).status, { timeout: 5000 }).toBe('completed');
    await worker.stop();

    expect(await jobFor(bad.id)).toMatchObject({ status: 'pending', attempts: 1, lastError: 'handler blew up' });
  });

  it('while the process is busy serving requests, runs one job at a time with a pause between them; full speed once it is not', async () => {
    const tenants = await Promise.all([1, 2, 3, 4, 5, 6].map((i) => createTenant(`Kedai ${i}`)));
    let running = 0;
    let mostAtOnce = 0;
    const spans: { start: number; end: number }[] = [];
    const handlers = withHandler(async (ctx) => {
      running += 1;
      mostAtOnce = Math.max(mostAtOnce, running);
      const span = { start: Date.now(), end: 0 };
      await new Promise((resolve) => setTimeout(resolve, 30));
      await jobHandlers['tenant/provision'](ctx);
      running -= 1;
      span.end = Date.now();
      spans.push(span);
    });
    const provision = (some: typeof tenants) => localJobClient.sendMany(some.map((t) => ({ name: 'tenant/provision' as const, data: { tenantId: t.id } })), { db });
    await provision(tenants.slice(0, 3));
    let busy = true;
    const worker = startJobWorker({ db, pollIntervalMs: 20, concurrency: 4, workerId: 'w-busy', handlers, busy: () => busy, busyPauseMs: 150 });
    try {
      await expect.poll(() => spans.length, { timeout: 5000 }).toBe(3);
      expect(mostAtOnce).toBe(1);
      spans.sort((a, b) => a.start - b.start);
      for (let i = 1; i < spans.length; i++) expect(spans[i]!.start - spans[i - 1]!.end).toBeGreaterThanOrEqual(150);

      // Not busy any more: the rest run side by side again.
      busy = false;
      mostAtOnce = 0;
      await provision(tenants.slice(3));
      await expect.poll(() => spans.length, { timeout: 5000 }).toBe(6);
      expect(mostAtOnce).toBeGreaterThan(1);
    } finally {
      await worker.stop();
    }
    for (const tenant of tenants) expect(await jobFor(tenant.id)).toMatchObject({ status: 'completed' });
  });

  it('survives a database outage and carries on once it is back', async () => {
    const tenant = await createTenant();
    await localJobClient.send({ name: 'tenant/provision', data: { tenantId: tenant.id } }, { db });
    await db.execute(sql`alter table jobs rename to jobs_offline`);
    const worker = startJobWorker({ db, pollIntervalMs: 20, concurrency: 1, workerId: 'w-outage' });
    try {
      // Several polls fail while the table is gone.
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      await db.execute(sql`alter table jobs_offline rename to jobs`);
    }

    await expect.poll(async () => (await jobFor(tenant.id)).status, { timeout: 5000 }).toBe('completed');
    await worker.stop();
  });
});

// The test database's own URL, so a second connection pool can reach it.
async function currentDatabaseUrl(target: Database): Promise<string> {
  const [row] = await target.select({ name: sql<string>`current_database()` }).from(tenants).limit(1);
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!row || !serverUrl) throw new Error('needs TEST_DATABASE_URL and at least one tenant');
  const url = new URL(serverUrl);
  url.pathname = `/${row.name}`;
  return url.toString();
}
