import { eventType } from 'inngest';
import { inngest } from '@/inngest/client';
import { functionDb } from '@/inngest/database';
import { jobEvents } from '@/lib/jobs/events';
import { provisionTenant } from '@/lib/tenants/provision';

// The schema makes Inngest validate event.data before the run; invalid data fails it for good.
const tenantProvision = eventType('tenant/provision', { schema: jobEvents['tenant/provision'] });

export const provisionTenantFunction = inngest.createFunction(
  { id: 'provision-tenant', triggers: [tenantProvision] },
  async ({ event, step }) => {
    await step.run('provision-tenant', () => provisionTenant(functionDb(), { tenantId: event.data.tenantId }));
  },
);
