import { eventType } from 'inngest';
import { inngest } from '@/inngest/client';
import { functionDb } from '@/inngest/database';
import { sendConsentReminder } from '@/lib/consent/reminder';
import { jobEvents } from '@/lib/jobs/events';

const reminderDue = eventType('consent/reminder', { schema: jobEvents['consent/reminder'] });

// Sent with a future `ts`, so Inngest runs it when the reminder is due.
export const consentReminderFunction = inngest.createFunction(
  { id: 'consent-reminder', triggers: [reminderDue], retries: 5 },
  async ({ event, step }) => {
    await step.run('send-reminder', () => sendConsentReminder(functionDb(), event.data));
  },
);
