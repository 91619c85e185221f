import { inngest } from '@/inngest/client';
import type { JobClient } from './client';
import type { JobEvent } from './events';
import { parseJobEventData } from './validation';

// Sends the event to Inngest. It cannot join the caller's transaction, so functions must
// tolerate an event whose rows were rolled back (provisioning throws not_found and gives up).
function toInngest(event: JobEvent) {
  return {
    name: event.name,
    data: parseJobEventData(event.name, event.data),
    // A future ts delays the run; the same id within 24 hours triggers no second run.
    ...(event.runAt && { ts: event.runAt.getTime() }),
    ...(event.dedupeKey && { id: event.dedupeKey }),
  };
}

export const inngestJobClient: JobClient = {
  async send(event) {
    await inngest.send(toInngest(event));
  },
  async sendMany(events) {
    if (events.length > 0) await inngest.send(events.map(toInngest));
  },
};
