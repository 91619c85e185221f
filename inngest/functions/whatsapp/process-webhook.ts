import { eventType } from 'inngest';
import { inngest } from '@/inngest/client';
import { functionDb } from '@/inngest/database';
import { jobEvents } from '@/lib/jobs/events';
import { processWebhookDelivery } from '@/lib/whatsapp/ingest/process-delivery';

const webhookReceived = eventType('whatsapp/webhook.received', { schema: jobEvents['whatsapp/webhook.received'] });

// Processing is idempotent, so Inngest's at-least-once retries are safe.
export const processWebhookFunction = inngest.createFunction(
  { id: 'process-whatsapp-webhook', triggers: [webhookReceived], retries: 8 },
  async ({ event, step }) => {
    await step.run('process-delivery', async () => {
      const result = await processWebhookDelivery(functionDb(), event.data);
      return { inbound: result.inbound.length, statusesApplied: result.statusesApplied };
    });
  },
);
