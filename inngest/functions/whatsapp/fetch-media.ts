import { eventType } from 'inngest';
import { inngest } from '@/inngest/client';
import { functionDb } from '@/inngest/database';
import { jobEvents } from '@/lib/jobs/events';
import { fetchAndStoreMedia } from '@/lib/whatsapp/media/fetch-and-store';

const mediaFetch = eventType('whatsapp/media.fetch', { schema: jobEvents['whatsapp/media.fetch'] });

// Inngest counts attempts from 0 and wants a literal: 4 retries = MEDIA_FETCH_ATTEMPTS runs,
// the last of which marks the media failed instead of rethrowing.
export const fetchMediaFunction = inngest.createFunction(
  { id: 'fetch-whatsapp-media', triggers: [mediaFetch], retries: 4 },
  async ({ event, step, attempt }) => {
    await step.run('fetch-and-store', () => fetchAndStoreMedia(functionDb(), event.data, {}, attempt + 1));
  },
);
