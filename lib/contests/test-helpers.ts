import type { Database } from '@/db';
import type { ContestEntryMethod } from '@/db/schema';
import type { TenantContext } from '@/lib/tenants/context';
import { createContest } from './contests';
import { contestInputSchema } from './schema';

const HOUR = 3_600_000;

// A contest through the same validation as the API: running from an hour ago for a day unless
// told otherwise.
export async function createTestContest(
  db: Database,
  ctx: TenantContext,
  over: { name?: string; entryMethod?: ContestEntryMethod; startsAt?: Date; endsAt?: Date; maxEntriesPerCustomer?: number; requireConsent?: boolean; segmentId?: string; prizes?: { name: string; quantity: number }[]; onePrizePerCustomer?: boolean } = {},
) {
  const now = Date.now();
  const input = contestInputSchema.parse({
    name: over.name ?? 'Raya Giveaway',
    startsAt: (over.startsAt ?? new Date(now - HOUR)).toISOString(),
    endsAt: (over.endsAt ?? new Date(now + 24 * HOUR)).toISOString(),
    prizes: over.prizes ?? [{ name: 'Hamper Raya', quantity: 1 }],
    maxEntriesPerCustomer: over.maxEntriesPerCustomer,
    entryMethod: over.entryMethod ?? { type: 'keyword', keyword: 'MASUK RAYA' },
    requireConsent: over.requireConsent,
    segmentId: over.segmentId,
    onePrizePerCustomer: over.onePrizePerCustomer,
  });
  return (await createContest(db, ctx, input)).contest;
}
