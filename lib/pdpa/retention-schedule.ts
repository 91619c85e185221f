import type { Database } from '@/db';
import { tenants } from '@/db/schema';
import type { JobEvent } from '@/lib/jobs/events';
import { localJobClient } from '@/lib/jobs/local-driver';
import { logger } from '@/lib/logger';
import { type ObjectStorage } from '@/lib/storage';
import { malaysiaDay } from './clock';
import { type RetentionCounts, applyRetention } from './retention';

// The retention job runs once a day per tenant at 03:00 Malaysia time (UTC+8, no daylight saving).
const RUN_HOUR_MYT = 3;
const SCHEDULE_CHUNK = 1000;


export function nextDay(day: string): string {
  const at = new Date(`${day}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + 1);
  return at.toISOString().slice(0, 10);
}

export function retentionRunAt(day: string): Date {
  return new Date(`${day}T${String(RUN_HOUR_MYT).padStart(2, '0')}:00:00+08:00`);
}

// One job per tenant and day: the date in the key makes every re-schedule of the same day
// (a restart, a retried run) a no-op, and a day whose run time has passed runs at once.
export function retentionJob(tenantId: string, day: string): JobEvent<'pdpa/retention.daily'> {
  return { name: 'pdpa/retention.daily', data: { tenantId, day }, runAt: retentionRunAt(day), dedupeKey: `pdpa-retention:${tenantId}:${day}` };
}

// Embedded driver only (Inngest runs a cron instead): a new tenant's first run, today.
export async function startRetentionChain(db: Database, tenantId: string, now: Date): Promise<void> {
  await localJobClient.send(retentionJob(tenantId, malaysiaDay(now)), { db });
}

// Embedded driver only: at start-up, today's run for every tenant.
export async function scheduleRetentionForAllTenants(db: Database, now: Date): Promise<void> {
  const day = malaysiaDay(now);
  const rows = await db.select({ id: tenants.id }).from(tenants);
  for (let i = 0; i < rows.length; i += SCHEDULE_CHUNK) {
    await localJobClient.sendMany(rows.slice(i, i + SCHEDULE_CHUNK).map((t) => retentionJob(t.id, day)), { db });
  }
}

// The embedded job: book tomorrow's run first, so a failing day never breaks the chain, then
// apply the tenant's retention.
export async function runDailyRetention(
  db: Database,
  data: { tenantId: string; day: string },
  deps: { storage?: ObjectStorage; now?: Date } = {},
): Promise<RetentionCounts> {
  await localJobClient.send(retentionJob(data.tenantId, nextDay(data.day)), { db });
  const counts = await applyRetention(db, data.tenantId, deps.now ?? new Date(), deps);
  logger.info({ tenantId: data.tenantId, day: data.day, ...counts }, 'retention applied');
  return counts;
}
