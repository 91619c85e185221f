import { and, eq, isNotNull } from 'drizzle-orm';
import type { Database } from '@/db';
import { campaigns, tenants } from '@/db/schema';
import type { JobClient } from '@/lib/jobs/client';
import type { JobEvent } from '@/lib/jobs/events';
import { localJobClient } from '@/lib/jobs/local-driver';
import { logger } from '@/lib/logger';
import { todayInMalaysia } from '@/lib/mykad';
import { addDays } from '@/lib/purchases/tiers';
import { type TriggerQueued, dispatchTriggered, queueDailyTriggers } from './triggers';

// Birthdays and quiet customers are looked for once a day per tenant, at 09:00 Malaysia time
// (a greeting at breakfast, not at midnight). Scheduled like the tier and retention jobs:
// embedded, a chain of one job per tenant and day (dedupe key tenant + day); Inngest, a cron
// that fans out to the tenants with a running automated campaign.

const SCHEDULE_CHUNK = 1000;

export function triggerJob(tenantId: string, day: string): JobEvent<'campaigns/triggers.daily'> {
  return { name: 'campaigns/triggers.daily', data: { tenantId, day }, runAt: new Date(`${day}T09:00:00+08:00`), dedupeKey: `campaign-triggers:${tenantId}:${day}` };
}

// Embedded driver only: a new tenant's first run, today.
export async function startTriggerChain(db: Database, tenantId: string, now: Date): Promise<void> {
  await localJobClient.send(triggerJob(tenantId, todayInMalaysia(now)), { db });
}

// Embedded driver only: at start-up, today's run for every tenant.
export async function scheduleTriggersForAllTenants(db: Database, now: Date): Promise<void> {
  const day = todayInMalaysia(now);
  const rows = await db.select({ id: tenants.id }).from(tenants);
  for (let i = 0; i < rows.length; i += SCHEDULE_CHUNK) {
    await localJobClient.sendMany(rows.slice(i, i + SCHEDULE_CHUNK).map((t) => triggerJob(t.id, day)), { db });
  }
}

// The Inngest cron's fan-out: only tenants with a running automated campaign.
export async function tenantsWithRunningTriggers(db: Database): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: campaigns.tenantId })
    .from(campaigns)
    .where(and(eq(campaigns.status, 'running'), isNotNull(campaigns.trigger)));
  return rows.map((r) => r.id);
}

// One tenant's day: queue who is due, then start sending them. Retrying it is safe: the
// occurrences add nobody twice.
export async function runTriggersForDay(db: Database, data: { tenantId: string; day: string }, options: { now?: Date; jobs?: JobClient } = {}): Promise<TriggerQueued[]> {
  const results = await queueDailyTriggers(db, data.tenantId, data.day, options.now ?? new Date());
  await dispatchTriggered(db, data.tenantId, results, options.jobs);
  const queued = results.reduce((n, r) => n + r.queued, 0);
  if (queued > 0) logger.info({ tenantId: data.tenantId, day: data.day, queued }, 'automated campaigns queued');
  return results;
}

// The embedded job: tomorrow's run is booked first, so a failing day never breaks the chain.
export async function runDailyTriggers(db: Database, data: { tenantId: string; day: string }, options: { now?: Date; jobs?: JobClient } = {}): Promise<TriggerQueued[]> {
  await localJobClient.send(triggerJob(data.tenantId, addDays(data.day, 1)), { db });
  return runTriggersForDay(db, data, options);
}
