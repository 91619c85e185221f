import { cron, eventType } from 'inngest';
import { inngest } from '@/inngest/client';
import { functionDb } from '@/inngest/database';
import { tenants } from '@/db/schema';
import { refreshAnalytics } from '@/lib/analytics/refresh';
import { analyticsRefreshJob, nextHour } from '@/lib/analytics/refresh-schedule';
import { jobEvents } from '@/lib/jobs/events';

const refreshHourly = eventType('analytics/refresh', { schema: jobEvents['analytics/refresh'] });

// Five minutes past every hour: one event per tenant. The event id (tenant + hour) makes a
// re-run of the cron send nothing new.
export const analyticsCronFunction = inngest.createFunction(
  { id: 'analytics-refresh-cron', triggers: [cron('5 * * * *')] },
  async ({ step }) => {
    const { hour, tenantIds } = await step.run('list-tenants', async () => ({
      hour: new Date(Date.parse(nextHour(new Date())) - 60 * 60_000).toISOString(),
      tenantIds: (await functionDb().select({ id: tenants.id }).from(tenants)).map((t) => t.id),
    }));
    if (tenantIds.length === 0) return { tenants: 0 };
    await step.sendEvent(
      'fan-out',
      tenantIds.map((tenantId) => {
        const job = analyticsRefreshJob(tenantId, hour);
        return { name: job.name, data: job.data, id: job.dedupeKey };
      }),
    );
    return { tenants: tenantIds.length };
  },
);

// One tenant's recount; idempotent, so retries are safe. The cron books the next hour.
export const refreshAnalyticsFunction = inngest.createFunction(
  { id: 'analytics-refresh', triggers: [refreshHourly], retries: 4 },
  async ({ event, step }) => step.run('refresh-analytics', async () => refreshAnalytics(functionDb(), event.data.tenantId)),
);
