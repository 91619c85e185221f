import { eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { tenantSettings, tenants } from '@/db/schema';
import type { JobEvent } from '@/lib/jobs/events';
import { localJobClient } from '@/lib/jobs/local-driver';
import { logger } from '@/lib/logger';
import { todayInMalaysia } from '@/lib/mykad';
import { recomputeTiers } from './tier-recompute';
import { addDays } from './tiers';

// On the last-12-months basis a tier can fall with time alone, so once a day, just after
// midnight in Malaysia (when the window moves), the tiers of customers whose window lost a
// purchase are recomputed. Scheduled the way the PDPA retention job is: embedded, a chain of
// one job per tenant and day (dedupe key tenant + day); Inngest, a cron that fans out.

const SCHEDULE_CHUNK = 1000;

export function tierRecomputeJob(tenantId: string, day: string): JobEvent<'purchases/tiers.daily'> {
  return { name: 'purchases/tiers.daily', data: { tenantId, day }, runAt: new Date(`${day}T00:15:00+08:00`), dedupeKey: `tiers-daily:${tenantId}:${day}` };
}

// Embedded driver only: a new tenant's first run, today.
export async function startTierChain(db: Database, tenantId: string, now: Date): Promise<void> {
  await localJobClient.send(tierRecomputeJob(tenantId, todayInMalaysia(now)), { db });
}

// Embedded driver only: at start-up, today's run for every tenant.
export async function scheduleTiersForAllTenants(db: Database, now: Date): Promise<void> {
  const day = todayInMalaysia(now);
  const rows = await db.select({ id: tenants.id }).from(tenants);
  for (let i = 0; i < rows.length; i += SCHEDULE_CHUNK) {
    await localJobClient.sendMany(rows.slice(i, i + SCHEDULE_CHUNK).map((t) => tierRecomputeJob(t.id, day)), { db });
  }
}

// The Inngest cron's fan-out: only tenants whose tiers can fall with time.
export async function tenantsOnTwelveMonthBasis(db: Database): Promise<string[]> {
  const rows = await db.select({ id: tenantSettings.tenantId }).from(tenantSettings).where(eq(tenantSettings.tierBasis, 'last_12_months'));
  return rows.map((r) => r.id);
}

// The embedded job: tomorrow's run is booked first, so a failing day never breaks the chain.
export async function runDailyTierRecompute(db: Database, data: { tenantId: string; day: string }, deps: { now?: Date } = {}): Promise<number> {
  await localJobClient.send(tierRecomputeJob(data.tenantId, addDays(data.day, 1)), { db });
  const changed = await recomputeTiers(db, data.tenantId, { now: deps.now ?? new Date(), scope: 'window_expired' });
  if (changed > 0) logger.info({ tenantId: data.tenantId, day: data.day, changed }, 'tiers recomputed');
  return changed;
}
