import type { Database } from '@/db';
import { getEnv } from '@/lib/env';
import type { JobEvent, JobEventName } from './events';
import { inngestJobClient } from './inngest-driver';
import { localJobClient } from './local-driver';

export interface SendOptions {
  // The local driver inserts through this handle, so a job sent inside a transaction commits
  // or rolls back with the data it refers to. Inngest ignores it.
  db?: Database;
}

export interface JobClient {
  send<N extends JobEventName>(event: JobEvent<N>, options?: SendOptions): Promise<void>;
  // One round trip for many events (webhook bursts).
  sendMany(events: JobEvent[], options?: SendOptions): Promise<void>;
}

// Inngest when it is configured, otherwise the jobs table and the in-process worker (DESIGN §3).
export function getJobClient(): JobClient {
  return getEnv().inngestEnabled ? inngestJobClient : localJobClient;
}
