import { Inngest } from 'inngest';
import { logger } from '@/lib/logger';

// The SDK reads INNGEST_EVENT_KEY, INNGEST_SIGNING_KEY and INNGEST_DEV from the environment
// when it sends or serves (lib/env.ts validates them and decides whether Inngest is used at
// all). Not calling getEnv() here keeps this module importable during `next build`.
export const inngest = new Inngest({ id: 'sembang', logger: logger.child({ component: 'inngest' }) });
