import { z } from 'zod';

// Every background event, with its payload schema. Payloads always carry tenantId.
export const jobEvents = {
  'tenant/provision': z.object({ tenantId: z.uuid() }),
} as const;

export type JobEventName = keyof typeof jobEvents;
export type JobEventData<N extends JobEventName> = z.infer<(typeof jobEvents)[N]>;

export interface JobEvent<N extends JobEventName = JobEventName> {
  name: N;
  data: JobEventData<N>;
  // Run no earlier than this.
  runAt?: Date;
  // Sending the same key twice queues one job.
  dedupeKey?: string;
}
