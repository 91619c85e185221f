import { getDb } from '@/db';
import { jobs } from '@/db/schema';
import type { JobClient } from './client';
import { parseJobEventData } from './validation';

// Stores the event in the jobs table; startJobWorker runs it.
export const localJobClient: JobClient = {
  async send(event, options) {
    const data = parseJobEventData(event.name, event.data);
    await (options?.db ?? getDb())
      .insert(jobs)
      .values({ tenantId: data.tenantId, name: event.name, payload: data, runAt: event.runAt, dedupeKey: event.dedupeKey })
      .onConflictDoNothing({ target: jobs.dedupeKey });
  },
};
