import { eventType } from 'inngest';
import { inngest } from '@/inngest/client';
import { functionDb } from '@/inngest/database';
import { jobEvents } from '@/lib/jobs/events';
import { syncTemplates } from '@/lib/templates/meta';

const templatesSync = eventType('whatsapp/templates.sync', { schema: jobEvents['whatsapp/templates.sync'] });

// Pulls template statuses from Meta; a rerun only writes the same values again.
export const syncTemplatesFunction = inngest.createFunction(
  { id: 'sync-whatsapp-templates', triggers: [templatesSync], retries: 4 },
  async ({ event, step }) => {
    await step.run('sync-templates', () => syncTemplates(functionDb(), event.data, event.data.channelId));
  },
);
