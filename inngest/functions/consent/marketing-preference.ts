import { eventType } from 'inngest';
import { inngest } from '@/inngest/client';
import { functionDb } from '@/inngest/database';
import { applyMarketingPreference } from '@/lib/consent/marketing-preference';
import { jobEvents } from '@/lib/jobs/events';

const marketingPreference = eventType('consent/marketing-preference', { schema: jobEvents['consent/marketing-preference'] });

export const marketingPreferenceFunction = inngest.createFunction(
  { id: 'consent-marketing-preference', triggers: [marketingPreference], retries: 5 },
  async ({ event, step }) => {
    await step.run('apply-preference', () => applyMarketingPreference(functionDb(), event.data));
  },
);
