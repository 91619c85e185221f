import { cron, eventType } from 'inngest';
import { inngest } from '@/inngest/client';
import { functionDb } from '@/inngest/database';
import { runTriggersForDay, tenantsWithRunningTriggers, triggerJob } from '@/lib/campaigns/trigger-schedule';
import { jobEvents } from '@/lib/jobs/events';
import { todayInMalaysia } from '@/lib/mykad';

const triggersDaily = eventType('campaigns/triggers.daily', { schema: jobEvents['campaigns/triggers.daily'] });

// Every day at 09:00 Malaysia time: one event per tenant with a running automated campaign.
// The event id (tenant + day) makes a re-run of the cron send nothing new.
export const campaignTriggersCronFunction = inngest.createFunction(
  { id: 'campaigns-triggers-cron', triggers: [cron('TZ=Asia/Kuala_Lumpur 0 9 * * *')] },
  async ({ step }) => {
    const { day, tenantIds } = await step.run('list-tenants', async () => ({ day: todayInMalaysia(new Date()), tenantIds: await tenantsWithRunningTriggers(functionDb()) }));
    if (tenantIds.length === 0) return { tenants: 0 };
    await step.sendEvent(
      'fan-out',
      tenantIds.map((tenantId) => {
        const job = triggerJob(tenantId, day);
        return { name: job.name, data: job.data, id: job.dedupeKey };
      }),
    );
    return { tenants: tenantIds.length };
  },
);

// One tenant's day: who is due is queued set-based (retries add nobody twice), then dispatched.
export const campaignTriggersFunction = inngest.createFunction({ id: 'campaigns-triggers-daily', triggers: [triggersDaily], retries: 4 }, async ({ event, step }) =>
  step.run('queue-due', async () => ({ campaigns: (await runTriggersForDay(functionDb(), event.data)).length })),
);
