import { eventType } from 'inngest';
import { inngest } from '@/inngest/client';
import { functionDb } from '@/inngest/database';
import { jobEvents } from '@/lib/jobs/events';
import { emitSandboxStatuses } from '@/lib/whatsapp/sandbox/statuses';

const sandboxStatuses = eventType('whatsapp/sandbox.statuses', { schema: jobEvents['whatsapp/sandbox.statuses'] });

// The event's ts already delays it; statuses never move backwards, so retries are safe.
export const sandboxStatusesFunction = inngest.createFunction(
  { id: 'emit-sandbox-statuses', triggers: [sandboxStatuses], retries: 4 },
  async ({ event, step }) => {
    await step.run('emit-statuses', () => emitSandboxStatuses(functionDb(), event.data));
  },
);
