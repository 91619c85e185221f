import { eventType } from 'inngest';
import { inngest } from '@/inngest/client';
import { functionDb } from '@/inngest/database';
import { jobEvents } from '@/lib/jobs/events';
import { deliverOutboundMessage } from '@/lib/whatsapp/outbound/deliver-message';

const messageSend = eventType('whatsapp/message.send', { schema: jobEvents['whatsapp/message.send'] });

// Inngest counts attempts from 0; the lib function marks the message failed on the last one.
export const sendMessageFunction = inngest.createFunction(
  { id: 'send-whatsapp-message', triggers: [messageSend], retries: 4 },
  async ({ event, step, attempt }) => {
    await step.run('deliver', () => deliverOutboundMessage(functionDb(), event.data, attempt + 1));
  },
);
