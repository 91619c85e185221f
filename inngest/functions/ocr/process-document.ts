import { eventType } from 'inngest';
import { inngest } from '@/inngest/client';
import { functionDb } from '@/inngest/database';
import { jobEvents } from '@/lib/jobs/events';
import { processOcrJob } from '@/lib/ocr-jobs/process';

const documentReceived = eventType('ocr/document.received', { schema: jobEvents['ocr/document.received'] });

// OCR keeps a core busy for seconds: a few at a time per tenant. 4 retries = OCR_JOB_ATTEMPTS
// runs, the last of which records a failure instead of rethrowing.
export const processDocumentFunction = inngest.createFunction(
  { id: 'ocr-process-document', triggers: [documentReceived], retries: 4, concurrency: { key: 'event.data.tenantId', limit: 4 } },
  async ({ event, step, attempt }) => {
    await step.run('process-document', () => processOcrJob(functionDb(), event.data, {}, attempt + 1));
  },
);
