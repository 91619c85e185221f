import { eventType } from 'inngest';
import { inngest } from '@/inngest/client';
import { functionDb } from '@/inngest/database';
import { handleInboundMessages } from '@/lib/automation/handle-inbound';
import { jobEvents } from '@/lib/jobs/events';

const messageReceived = eventType('whatsapp/message.received', { schema: jobEvents['whatsapp/message.received'] });

// One customer's messages are handled one at a time, in order: "YA" must not overtake "hello".
export const handleInboundFunction = inngest.createFunction(
  { id: 'handle-inbound-message', triggers: [messageReceived], retries: 5, concurrency: { key: 'event.data.tenantId', limit: 10 } },
  async ({ event, step }) => {
    await step.run('handle-inbound', () => handleInboundMessages(functionDb(), event.data));
  },
);
