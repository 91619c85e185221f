import { eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { messages } from '@/db/schema';
import { logger } from '@/lib/logger';
import { analyticsFreshness, refreshAnalytics } from './refresh';

// Runs work after the response is sent (Next.js `after`).
export type AfterResponse = (task: () => Promise<void>) => void;

// Up to this many messages a tenant's first count (its whole history) is quick enough to wait
// for (the demo: 3 s on PGlite); beyond it (10M messages: 5 minutes) it runs after the response.
export const WAIT_FOR_FIRST_COUNT_MAX_MESSAGES = 200_000;

// Called by the analytics pages and API before they read: a small tenant never counted is
// counted now, so the first visit has charts; a large one is counted after the response (the
// page says so); rollups older than the refresh interval are recounted after the response, so
// nobody waits for them.
export async function keepAnalyticsFresh(db: Database, tenantId: string, afterResponse: AfterResponse, options: { waitUpToMessages?: number } = {}): Promise<void> {
  const { refreshedAt, due } = await analyticsFreshness(db, tenantId);
  if (!due) return;
  if (refreshedAt === null && (await messagesAtMost(db, tenantId, options.waitUpToMessages ?? WAIT_FOR_FIRST_COUNT_MAX_MESSAGES))) {
    await refreshAnalytics(db, tenantId);
    return;
  }
  afterResponse(async () => {
    try {
      await refreshAnalytics(db, tenantId);
    } catch (error) {
      logger.error({ tenantId, err: error instanceof Error ? error.message : String(error) }, 'analytics refresh failed');
    }
  });
}

// Whether the tenant has at most `limit` messages: reads at most limit + 1 index entries.
async function messagesAtMost(db: Database, tenantId: string, limit: number): Promise<boolean> {
  const rows = await db.select({ id: messages.id }).from(messages).where(eq(messages.tenantId, tenantId)).offset(limit).limit(1);
  return rows.length === 0;
}
