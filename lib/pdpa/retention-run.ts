import { z } from 'zod';
import type { Database } from '@/db';
import { type RetentionCounts, applyRetention, noRetention, tenantsWithRetention } from './retention';

export const retentionArgsSchema = z.object({
  tenant: z.uuid('--tenant takes a tenant id.').optional(),
  now: z.iso.datetime({ offset: true, error: '--now takes an ISO time, e.g. 2026-06-16T03:00:00+08:00.' }).optional(),
});

// `npm run cli -- retention:run`: what the daily job does, for every tenant with a schedule
// (or the one named), one after another. The counts are per tenant and in total.
export async function runRetention(db: Database, args: z.infer<typeof retentionArgsSchema>) {
  const now = args.now ? new Date(args.now) : new Date();
  const tenantIds = args.tenant ? [args.tenant] : await tenantsWithRetention(db);
  const tenants: (RetentionCounts & { tenantId: string })[] = [];
  const total = noRetention();
  for (const tenantId of tenantIds) {
    const counts = await applyRetention(db, tenantId, now);
    tenants.push({ tenantId, ...counts });
    for (const key of Object.keys(total) as (keyof RetentionCounts)[]) total[key] += counts[key];
  }
  return { now: now.toISOString(), tenants, total };
}
