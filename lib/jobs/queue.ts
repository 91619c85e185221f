import { and, eq, lt, lte, or, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { type Job, jobs } from '@/db/schema';

const MAX_ERROR_LENGTH = 1000;
const BASE_RETRY_DELAY_MS = 1000;
const MAX_RETRY_DELAY_MS = 60 * 60 * 1000;

// min(2^attempts s, 1 h) ± 20%; the jitter spreads out jobs that failed together.
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(2 ** attempts * BASE_RETRY_DELAY_MS, MAX_RETRY_DELAY_MS);
  return Math.round(base * (0.8 + 0.4 * random()));
}

// Locks up to `limit` due jobs for this worker in one statement. SKIP LOCKED lets workers on
// other connections claim different rows at the same time; a running job whose lock is older
// than the visibility timeout belonged to a worker that died, so it is taken over. The two
// kinds are looked up apart so each walks the (status, run_at) index and stops after `limit`
// rows: one OR over both collected and sorted every due job, so a claim cost as much as the
// backlog was long.
export function claimDueJobs(
  db: Database,
  { limit, workerId, visibilityTimeoutMs }: { limit: number; workerId: string; visibilityTimeoutMs: number },
): Promise<Job[]> {
  const due = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.status, 'pending'), lte(jobs.runAt, sql`now()`)))
    .orderBy(jobs.runAt)
    .limit(limit)
    .for('update', { skipLocked: true });
  const abandoned = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.status, 'running'), lt(jobs.lockedAt, sql`now() - ${visibilityTimeoutMs}::int * interval '1 millisecond'`)))
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(jobs)
    .set({ status: 'running', lockedAt: sql`now()`, lockedBy: workerId, attempts: sql`${jobs.attempts} + 1` })
    .where(sql`${jobs.id} in (with abandoned as (${abandoned}), due as (${due}) select id from abandoned union all select id from due limit ${limit})`)
    .returning();
}

// Matches only while this worker still holds this attempt's lock, so a worker that was too slow
// and lost its job to another cannot overwrite the newer run's result.
function heldBy(job: Job, workerId: string) {
  return and(eq(jobs.id, job.id), eq(jobs.status, 'running'), eq(jobs.lockedBy, workerId), eq(jobs.attempts, job.attempts));
}

// Marks finished jobs completed in one statement and returns the ids it completed; a job
// whose lock this worker lost to another (after the visibility timeout) is left alone.
export async function completeJobs(db: Database, held: readonly Job[], workerId: string): Promise<Set<string>> {
  if (held.length === 0) return new Set();
  const rows = await db
    .update(jobs)
    .set({ status: 'completed', completedAt: sql`now()`, lockedAt: null, lockedBy: null, lastError: null })
    .where(or(...held.map((job) => heldBy(job, workerId))))
    .returning({ id: jobs.id });
  return new Set(rows.map((r) => r.id));
}

// Puts the job back with a later run_at, or fails it for good when it is permanent or out of
// attempts. Returns what happened, or 'lost' when the lock was lost.
export async function failJob(
  db: Database,
  job: Job,
  workerId: string,
  error: unknown,
  { permanent }: { permanent: boolean },
): Promise<'retried' | 'failed' | 'lost'> {
  const lastError = errorMessage(error).slice(0, MAX_ERROR_LENGTH);
  const retry = !permanent && job.attempts < job.maxAttempts;
  const next = retry
    ? { status: 'pending' as const, runAt: sql`now() + ${retryDelayMs(job.attempts)}::int * interval '1 millisecond'` }
    : { status: 'failed' as const };
  const rows = await db
    .update(jobs)
    .set({ ...next, lastError, lockedAt: null, lockedBy: null })
    .where(heldBy(job, workerId))
    .returning({ id: jobs.id });
  if (rows.length === 0) return 'lost';
  return retry ? 'retried' : 'failed';
}

// Keeps a long-running job's lock fresh so it is not mistaken for a crashed one.
export async function extendJobLock(db: Database, job: Job, workerId: string): Promise<void> {
  await db.update(jobs).set({ lockedAt: sql`now()` }).where(heldBy(job, workerId));
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return typeof error === 'string' ? error : 'Unknown error';
}
