import { cron, eventType } from 'inngest';
import { inngest } from '@/inngest/client';
import { functionDb } from '@/inngest/database';
import { jobEvents } from '@/lib/jobs/events';
import { todayInMalaysia } from '@/lib/mykad';
import { recomputeTiers } from '@/lib/purchases/tier-recompute';
import { tenantsOnTwelveMonthBasis, tierRecomputeJob } from '@/lib/purchases/tier-schedule';

const tiersDaily = eventType('purchases/tiers.daily', { schema: jobEvents['purchases/tiers.daily'] });

// Every day at 00:15 Malaysia time, when the last-12-months window has moved: one event per
// tenant on that basis. The event id (tenant + day) makes a re-run of the cron send nothing new.
export const tiersCronFunction = inngest.createFunction(
  { id: 'purchases-tiers-cron', triggers: [cron('TZ=Asia/Kuala_Lumpur 15 0 * * *')] },
  async ({ step }) => {
    const { day, tenantIds } = await step.run('list-tenants', async () => ({ day: todayInMalaysia(new Date()), tenantIds: await tenantsOnTwelveMonthBasis(functionDb()) }));
    if (tenantIds.length === 0) return { tenants: 0 };
    await step.sendEvent(
      'fan-out',
      tenantIds.map((tenantId) => {
        const job = tierRecomputeJob(tenantId, day);
        return { name: job.name, data: job.data, id: job.dedupeKey };
      }),
    );
    return { tenants: tenantIds.length };
  },
);

// One tenant's recompute; set-based and idempotent, so retries are safe. The cron books the
// next day, not this function.
export const recomputeTiersFunction = inngest.createFunction(
  { id: 'purchases-recompute-tiers', triggers: [tiersDaily], retries: 4 },
  async ({ event, step }) => step.run('recompute-tiers', async () => ({ changed: await recomputeTiers(functionDb(), event.data.tenantId, { now: new Date(), scope: 'window_expired' }) })),
);
