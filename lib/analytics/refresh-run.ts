import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db';
import { tenants } from '@/db/schema';
import { type RefreshResult, refreshAnalytics } from './refresh';

export const refreshArgsSchema = z.object({ tenant: z.uuid().optional(), full: z.boolean().default(false) });

// The operator's recount (`npm run cli -- analytics:refresh`): one tenant or every tenant; with
// --full the whole history (a backfill, e.g. after importing old data or messages Meta delivered
// more than the recent window late).
export async function runAnalyticsRefresh(db: Database, args: z.infer<typeof refreshArgsSchema>): Promise<({ tenantId: string; ms: number } & RefreshResult)[]> {
  const rows = await db.select({ id: tenants.id }).from(tenants).where(args.tenant ? eq(tenants.id, args.tenant) : undefined).orderBy(asc(tenants.id));
  const results = [];
  for (const { id } of rows) {
    const start = Date.now();
    const result = await refreshAnalytics(db, id, { full: args.full });
    results.push({ tenantId: id, ms: Date.now() - start, ...result });
  }
  return results;
}
