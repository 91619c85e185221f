import { eventType } from 'inngest';
import { inngest } from '@/inngest/client';
import { functionDb } from '@/inngest/database';
import { dispatchCampaign } from '@/lib/campaigns/dispatch';
import { dispatchJob, startCampaign } from '@/lib/campaigns/jobs';
import { jobEvents } from '@/lib/jobs/events';

const campaignLaunch = eventType('campaigns/launch', { schema: jobEvents['campaigns/launch'] });
const campaignDispatch = eventType('campaigns/dispatch', { schema: jobEvents['campaigns/dispatch'] });

// The campaign's start (the event's ts delays a scheduled one): fan-out is one statement and a
// retry adds nobody twice; it queues the first dispatch run.
export const launchCampaignFunction = inngest.createFunction({ id: 'campaigns-launch', triggers: [campaignLaunch], retries: 4 }, async ({ event, step }) =>
  step.run('fan-out', async () => ({ fanned: await startCampaign(functionDb(), event.data) })),
);

// One paced run per campaign at a time (the pacing itself is shared in the database, so runs of
// other campaigns on the same channel keep the channel's rate together). The run stops after
// 20 s and the next one is sent as an event with its own id, so a retried step sends it once.
export const dispatchCampaignFunction = inngest.createFunction(
  { id: 'campaigns-dispatch', triggers: [campaignDispatch], retries: 4, concurrency: { key: 'event.data.campaignId', limit: 1 } },
  async ({ event, step }) => {
    const result = await step.run('dispatch', () => dispatchCampaign(functionDb(), event.data, { origin: event.data.origin, maxRunMs: 20_000 }));
    if (result.next) {
      const job = dispatchJob(event.data, new Date(result.next));
      await step.sendEvent('next-run', { name: job.name, data: job.data, ts: job.runAt?.getTime(), id: job.dedupeKey });
    }
    return { sent: result.sent, skipped: result.skipped, failed: result.failed, retried: result.retried, status: result.status };
  },
);
