import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db';
import { type Job, jobs } from '@/db/schema';
import { createMicroBatcher } from '@/lib/batching/micro-batcher';
import { logger } from '@/lib/logger';
import type { JobEventData, JobEventName } from './events';
import { type JobHandlers, jobHandlers } from './handlers';
import { claimDueJobs, completeJobs, extendJobLock, failJob } from './queue';
import { isJobEventName, parseJobEventData } from './validation';

const DEFAULT_VISIBILITY_TIMEOUT_MS = 5 * 60 * 1000;

const log = logger.child({ component: 'jobs' });

export interface RunJobsOptions {
  workerId?: string;
  // Tests swap in their own handlers; the app always runs the real registry.
  handlers?: JobHandlers;
  // A running job whose lock is older than this is treated as crashed and run again.
  visibilityTimeoutMs?: number;
}

export interface RunSummary {
  claimed: number;
  completed: number;
  retried: number;
  failed: number;
  // Another worker took the job over (lock expired) or the result could not be recorded.
  lost: number;
}

type Outcome = Exclude<keyof RunSummary, 'claimed'>;

interface Settings {
  workerId: string;
  handlers: JobHandlers;
  visibilityTimeoutMs: number;
  // Resolves false when the lock was lost.
  complete: (job: Job) => Promise<boolean>;
}

function settingsFrom(db: Database, options: RunJobsOptions): Settings {
  const workerId = options.workerId ?? defaultWorkerId();
  // Jobs finishing within a millisecond of each other are completed by one statement: for
  // short jobs (one per inbound message) a statement each was most of the queue's cost.
  const complete = createMicroBatcher(
    async (finished: Job[]) => {
      const completed = await completeJobs(db, finished, workerId);
      return finished.map((job) => completed.has(job.id));
    },
    { maxItems: 100, maxWaitMs: 1 },
  );
  return {
    workerId,
    handlers: options.handlers ?? jobHandlers,
    visibilityTimeoutMs: options.visibilityTimeoutMs ?? DEFAULT_VISIBILITY_TIMEOUT_MS,
    complete,
  };
}

function defaultWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

// Claims up to `limit` due jobs and runs them to the end. Handler errors are recorded on the
// job, never thrown; only a failure to claim throws.
export async function runDueJobs(db: Database, options: RunJobsOptions & { limit?: number } = {}): Promise<RunSummary> {
  const settings = settingsFrom(db, options);
  const claimed = await claimDueJobs(db, { limit: options.limit ?? 10, ...settings });
  const outcomes = await Promise.all(claimed.map((job) => runJob(db, job, settings)));
  const summary: RunSummary = { claimed: claimed.length, completed: 0, retried: 0, failed: 0, lost: 0 };
  for (const outcome of outcomes) summary[outcome] += 1;
  return summary;
}

// Never throws: a database error while recording the result leaves the job locked, and it is
// retried once the lock expires.
async function runJob(db: Database, job: Job, settings: Settings): Promise<Outcome> {
  const jobLog = log.child({ jobId: job.id, job: job.name, tenantId: job.tenantId, attempt: job.attempts });
  try {
    const outcome = await attempt(db, job, settings);
    if (outcome === 'completed') jobLog.debug('job completed');
    else if (outcome === 'lost') jobLog.warn('job lock was lost before the result was recorded');
    return outcome;
  } catch (error) {
    jobLog.error({ err: error }, 'could not record the job result; it will be retried when its lock expires');
    return 'lost';
  }
}

async function attempt(db: Database, job: Job, settings: Settings): Promise<Outcome> {
  const { workerId } = settings;
  const giveUp = (message: string) => failJob(db, job, workerId, new Error(message), { permanent: true });
  if (job.attempts > job.maxAttempts) {
    return giveUp(`Gave up after ${job.maxAttempts} attempts; the last one did not finish (worker crashed or timed out).`);
  }
  if (!isJobEventName(job.name)) return giveUp(`Unknown job "${job.name}": no handler is registered for it.`);
  let data: JobEventData<typeof job.name>;
  try {
    data = parseJobEventData(job.name, job.payload);
  } catch (error) {
    const detail = error instanceof z.ZodError ? z.prettifyError(error) : String(error);
    return giveUp(`Invalid payload for "${job.name}": ${detail}`);
  }

  const heartbeat = setInterval(() => {
    extendJobLock(db, job, workerId).catch((error: unknown) => log.warn({ err: error, jobId: job.id }, 'could not extend job lock'));
  }, settings.visibilityTimeoutMs / 3);
  heartbeat.unref();
  let failure: { error: unknown } | undefined;
  try {
    await dispatch(settings.handlers, job.name, { db, data, attempt: job.attempts });
  } catch (error) {
    failure = { error };
  } finally {
    clearInterval(heartbeat);
  }
  if (!failure) return (await settings.complete(job)) ? 'completed' : 'lost';
  const outcome = await failJob(db, job, workerId, failure.error, { permanent: false });
  log.warn({ err: failure.error, jobId: job.id, job: job.name, attempt: job.attempts, outcome }, 'job failed');
  return outcome;
}

function dispatch<N extends JobEventName>(
  handlers: JobHandlers,
  name: N,
  ctx: { db: Database; data: JobEventData<N>; attempt: number },
): Promise<void> {
  return handlers[name](ctx);
}

export interface StartJobWorkerOptions extends RunJobsOptions {
  db: Database;
  pollIntervalMs: number;
  // Jobs run at the same time by this worker.
  concurrency: number;
  // True while the process is busy serving requests (a webhook burst): the worker then runs one
  // job at a time and waits `busyPauseMs` after each, so requests get the CPU and the event
  // loop; the queue catches up once the burst is over.
  busy?: () => boolean;
  busyPauseMs?: number;
}

export interface JobWorker {
  // Stops claiming and resolves once the jobs already running have finished.
  stop(): Promise<void>;
}

// Polls the jobs table and keeps up to `concurrency` jobs running. Errors are logged, never
// thrown: a bad handler or a database outage must not take the process down.
export function startJobWorker(options: StartJobWorkerOptions): JobWorker {
  const { db, pollIntervalMs, concurrency } = options;
  const busyPauseMs = options.busyPauseMs ?? 250;
  const settings = settingsFrom(db, options);
  // Claim once half the slots are free rather than one job per finished job, so a claim
  // statement serves several jobs.
  const claimAt = Math.ceil(concurrency / 2);
  const running = new Set<Promise<Outcome>>();
  let lastEndedAt = 0;
  let stopped = false;
  let wake: (() => void) | undefined;

  const nap = (ms: number) =>
    new Promise<void>((resolve) => {
      if (stopped) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });

  async function loop() {
    while (!stopped) {
      const busy = options.busy?.() ?? false;
      const free = (busy ? 1 : concurrency) - running.size;
      // Too few free slots: a finishing job wakes the loop.
      if (free <= 0 || (!busy && free < claimAt)) {
        await nap(pollIntervalMs);
        continue;
      }
      const pause = busy ? lastEndedAt + busyPauseMs - Date.now() : 0;
      if (pause > 0) {
        await nap(pause);
        continue;
      }
      let claimed: Job[] = [];
      try {
        claimed = await claimDueJobs(db, { limit: free, ...settings });
      } catch (error) {
        log.error({ err: error }, 'could not claim jobs; trying again after the poll interval');
      }
      for (const job of claimed) {
        const task: Promise<Outcome> = runJob(db, job, settings).finally(() => {
          running.delete(task);
          lastEndedAt = Date.now();
          wake?.();
        });
        running.add(task);
      }
      // A full batch means more jobs may be due: claim again as soon as slots free up.
      if (!busy && claimed.length === free) continue;
      await nap(pollIntervalMs);
    }
  }

  log.info({ workerId: settings.workerId, pollIntervalMs, concurrency }, 'job worker started');
  const done = loop().catch((error: unknown) => log.error({ err: error }, 'job worker loop stopped unexpectedly'));
  return {
    async stop() {
      stopped = true;
      wake?.();
      await done;
      await Promise.allSettled(running);
      log.info({ workerId: settings.workerId }, 'job worker stopped');
    },
  };
}

export interface JobBacklog {
  pending: number;
  running: number;
  failed: number;
  // How long the longest-waiting due job has been waiting; jobs scheduled for later do not count.
  oldestPendingAgeSeconds: number;
}

// For the health endpoint. Completed jobs are left out so the status index does the work.
export async function jobBacklog(db: Database): Promise<JobBacklog> {
  const count = (status: Job['status']) => sql<number>`count(*) filter (where ${jobs.status} = ${status})`.mapWith(Number);
  const [row] = await db
    .select({
      pending: count('pending'),
      running: count('running'),
      failed: count('failed'),
      oldestPendingAgeSeconds: sql<number>`coalesce(extract(epoch from now() - min(${jobs.runAt}) filter (where ${jobs.status} = 'pending' and ${jobs.runAt} <= now())), 0)`.mapWith(Number),
    })
    .from(jobs)
    .where(inArray(jobs.status, ['pending', 'running', 'failed']));
  return {
    pending: row?.pending ?? 0,
    running: row?.running ?? 0,
    failed: row?.failed ?? 0,
    oldestPendingAgeSeconds: Math.floor(row?.oldestPendingAgeSeconds ?? 0),
  };
}
