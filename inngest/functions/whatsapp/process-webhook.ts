import { eventType } from 'inngest';
import { inngest } from '@/inngest/client';
import { functionDb } from '@/inngest/database';
import { jobEvents } from '@/lib/jobs/events';
import { processWebhookDeliveries } from '@/lib/whatsapp/ingest/process-delivery';

const webhookReceived = eventType('whatsapp/webhook.received', { schema: jobEvents['whatsapp/webhook.received'] });

// Processing is idempotent, so Inngest's at-least-once retries are safe.
export const processWebhookFunction = inngest.createFunction(
  { id: 'process-whatsapp-webhook', triggers: [webhookReceived], retries: 8 },
  async ({ event, step }) => {
    await step.run('process-delivery', async () => {
      const { processed, created, statusesApplied } = await processWebhookDeliveries(functionDb(), event.data);
      return { processed, created, statusesApplied };
    });
  },
);
