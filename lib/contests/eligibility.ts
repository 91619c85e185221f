import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { type Contest, type Customer, customers, segments } from '@/db/schema';
import { segmentCondition } from '@/lib/segments/compile';

export type Eligibility = 'eligible' | 'consent' | 'segment';

// May this customer enter? Marketing consent when the contest requires it (the default), and
// membership of its segment now. A segment deleted since is nobody: the restriction stays.
export async function contestEligibility(
  tx: Database,
  contest: Pick<Contest, 'tenantId' | 'requireConsent' | 'segmentId'>,
  customer: Pick<Customer, 'id' | 'consentStatus'>,
  now: Date,
): Promise<Eligibility> {
  if (contest.requireConsent && customer.consentStatus !== 'granted') return 'consent';
  if (!contest.segmentId) return 'eligible';
  const [segment] = await tx
    .select({ criteria: segments.criteria })
    .from(segments)
    .where(and(eq(segments.tenantId, contest.tenantId), eq(segments.id, contest.segmentId)))
    .limit(1);
  if (!segment) return 'segment';
  const [member] = await tx
    .select({ one: sql<number>`1` })
    .from(customers)
    .where(and(segmentCondition(contest.tenantId, segment.criteria.filter, now), eq(customers.id, customer.id)))
    .limit(1);
  return member ? 'eligible' : 'segment';
}
