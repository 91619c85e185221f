import { cron, eventType } from 'inngest';
import { inngest } from '@/inngest/client';
import { functionDb } from '@/inngest/database';
import { jobEvents } from '@/lib/jobs/events';
import { applyRetention, tenantsWithRetention } from '@/lib/pdpa/retention';
import { malaysiaDay } from '@/lib/pdpa/clock';
import { retentionJob } from '@/lib/pdpa/retention-schedule';

const retentionDaily = eventType('pdpa/retention.daily', { schema: jobEvents['pdpa/retention.daily'] });

// Every day at 03:00 Malaysia time: one event per tenant with a retention schedule. The event
// id (tenant + day) makes a re-run of the cron send nothing new.
export const retentionCronFunction = inngest.createFunction(
  { id: 'pdpa-retention-cron', triggers: [cron('TZ=Asia/Kuala_Lumpur 0 3 * * *')] },
  async ({ step }) => {
    const { day, tenantIds } = await step.run('list-tenants', async () => ({ day: malaysiaDay(new Date()), tenantIds: await tenantsWithRetention(functionDb()) }));
    if (tenantIds.length === 0) return { tenants: 0 };
    await step.sendEvent(
      'fan-out',
      tenantIds.map((tenantId) => {
        const job = retentionJob(tenantId, day);
        return { name: job.name, data: job.data, id: job.dedupeKey };
      }),
    );
    return { tenants: tenantIds.length };
  },
);

// One tenant's retention; it is idempotent, so Inngest's retries are safe. Unlike the embedded
// job it books no next run: the cron does.
export const applyRetentionFunction = inngest.createFunction(
  { id: 'pdpa-apply-retention', triggers: [retentionDaily], retries: 4 },
  async ({ event, step }) => step.run('apply-retention', () => applyRetention(functionDb(), event.data.tenantId, new Date())),
);
