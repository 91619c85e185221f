import { inArray } from 'drizzle-orm';
import type { Database } from '@/db';
import { jobs } from '@/db/schema';
import { runDueJobs } from '@/lib/jobs/worker';

// Runs queued jobs, including those scheduled a moment ahead (the sandbox's status webhooks)
// and retries, until none is left waiting or the time is up.
export async function drainJobs(db: Database, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await runDueJobs(db, { limit: 50 });
    const waiting = await db.$count(jobs, inArray(jobs.status, ['pending', 'running']));
    if (waiting === 0) return;
    if (Date.now() > deadline) throw new Error(`${waiting} job(s) still waiting after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
