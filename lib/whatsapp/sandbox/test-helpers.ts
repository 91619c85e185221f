import { and, eq, lte, or } from 'drizzle-orm';
import type { Database } from '@/db';
import { jobs } from '@/db/schema';
import { runDueJobs } from '@/lib/jobs/worker';

// Runs queued jobs, including those scheduled a moment ahead (the sandbox's status webhooks)
// and retries, until none is left waiting or the time is up. Jobs scheduled beyond the
// deadline (the consent reminder, hours ahead) are left for the test to move or ignore.
export async function drainJobs(db: Database, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await runDueJobs(db, { limit: 50 });
    const waiting = await db.$count(jobs, or(eq(jobs.status, 'running'), and(eq(jobs.status, 'pending'), lte(jobs.runAt, new Date(deadline)))));
    if (waiting === 0) return;
    if (Date.now() > deadline) throw new Error(`${waiting} job(s) still waiting after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
