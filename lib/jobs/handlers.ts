import type { Database } from '@/db';
import { provisionTenant } from '@/lib/tenants/provision';
import type { JobEventData, JobEventName } from './events';

export interface JobContext<N extends JobEventName> {
  db: Database;
  data: JobEventData<N>;
  // 1 on the first run.
  attempt: number;
}

export type JobHandler<N extends JobEventName> = (ctx: JobContext<N>) => Promise<void>;

export type JobHandlers = { [N in JobEventName]: JobHandler<N> };

// What the local worker runs for each event. Thin on purpose: the logic lives in lib/ and the
// matching Inngest function calls the same function.
export const jobHandlers: JobHandlers = {
  'tenant/provision': ({ db, data }) => provisionTenant(db, data),
};
