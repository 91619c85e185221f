import type { Database } from '@/db';
import { tenants } from '@/db/schema';
import type { JobEvent } from '@/lib/jobs/events';
import { localJobClient } from '@/lib/jobs/local-driver';
import { refreshAnalytics } from './refresh';

// Besides the recount on read (keep-fresh.ts), every tenant's rollups and snapshot are recounted
// hourly, so engagement moves with time and the first look of the day is already counted.
// Embedded: a chain of one job per tenant and hour (dedupe key tenant + hour), each booking the
// next first; Inngest: an hourly cron that fans out (inngest/functions/analytics).

const HOUR_MS = 60 * 60_000;
const SCHEDULE_CHUNK = 1000;

// The start of the hour after `now`, as the job's key.
export function nextHour(now: Date): string {
  return new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS + HOUR_MS).toISOString();
}

export function analyticsRefreshJob(tenantId: string, hour: string): JobEvent<'analytics/refresh'> {
  // A few minutes past the hour, after the hour's last messages are in.
  return { name: 'analytics/refresh', data: { tenantId, hour }, runAt: new Date(Date.parse(hour) + 5 * 60_000), dedupeKey: `analytics-refresh:${tenantId}:${hour}` };
}

// Embedded driver only: a new tenant's chain.
export async function startAnalyticsChain(db: Database, tenantId: string, now: Date): Promise<void> {
  await localJobClient.send(analyticsRefreshJob(tenantId, nextHour(now)), { db });
}

// Embedded driver only: at start-up, the next hour's run for every tenant.
export async function scheduleAnalyticsForAllTenants(db: Database, now: Date): Promise<void> {
  const rows = await db.select({ id: tenants.id }).from(tenants);
  for (let i = 0; i < rows.length; i += SCHEDULE_CHUNK) {
    await localJobClient.sendMany(rows.slice(i, i + SCHEDULE_CHUNK).map((t) => analyticsRefreshJob(t.id, nextHour(now))), { db });
  }
}

// The embedded job: the next hour is booked first, so a failing run never breaks the chain.
export async function runScheduledAnalyticsRefresh(db: Database, data: { tenantId: string; hour: string }, now: Date = new Date()): Promise<void> {
  await localJobClient.send(analyticsRefreshJob(data.tenantId, nextHour(new Date(Math.max(now.getTime(), Date.parse(data.hour))))), { db });
  await refreshAnalytics(db, data.tenantId, { now });
}
