import { getDb } from '@/db';
import { jobs } from '@/db/schema';
import type { JobClient } from './client';
import { parseJobEventData } from './validation';

// Stores the event in the jobs table; startJobWorker runs it.
export const localJobClient: JobClient = {
  send(event, options) {
    return localJobClient.sendMany([event], options);
  },
  async sendMany(events, options) {
    if (events.length === 0) return;
    const rows = events.map((event) => {
      const data = parseJobEventData(event.name, event.data);
      return { tenantId: data.tenantId, name: event.name, payload: data, runAt: event.runAt, dedupeKey: event.dedupeKey };
    });
    await (options?.db ?? getDb()).insert(jobs).values(rows).onConflictDoNothing({ target: jobs.dedupeKey });
  },
};
