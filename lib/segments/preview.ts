import { type SQL, and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { customers, segments } from '@/db/schema';
import { customerJson } from '@/lib/customers/customers';
import { AppError } from '@/lib/errors';
import type { TenantContext } from '@/lib/tenants/context';
import { segmentCondition } from './compile';
import type { FilterTree, SegmentCriteria } from './filter-schema';

// Segments are dynamic: who is in one is worked out each time it is used, from its criteria.

export const SAMPLE_SIZE = 10;

// Exact: the builder and a campaign's audience must agree. One count(*) over the compiled
// condition; indexes on the customers' columns serve the selective leaves.
async function countMatching(db: Database, where: SQL): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(customers).where(where);
  return row?.n ?? 0;
}

// How many customers match, and the newest few of them as the API shows customers.
export async function previewSegment(db: Database, ctx: Pick<TenantContext, 'tenantId'>, criteria: SegmentCriteria, now: Date = new Date()) {
  const where = segmentCondition(ctx.tenantId, criteria.filter, now);
  const [count, sample] = await Promise.all([
    countMatching(db, where),
    db.select().from(customers).where(where).orderBy(desc(customers.createdAt), desc(customers.id)).limit(SAMPLE_SIZE),
  ]);
  return { count, sample: sample.map((row) => customerJson(row, now)) };
}
export type SegmentPreview = Awaited<ReturnType<typeof previewSegment>>;

export function countSegment(db: Database, ctx: Pick<TenantContext, 'tenantId'>, criteria: SegmentCriteria, now: Date = new Date()): Promise<number> {
  return countMatching(db, segmentCondition(ctx.tenantId, criteria.filter, now));
}

// The customers in any of these segments, evaluated now, as one condition on `customers` for a
// set-based INSERT … SELECT (a campaign's audience). An unknown id — or another tenant's — is
// an error on `segmentIds`.
export async function segmentsAudience(db: Database, ctx: Pick<TenantContext, 'tenantId'>, segmentIds: readonly string[], now: Date = new Date()): Promise<SQL> {
  const ids = [...new Set(segmentIds)];
  const rows = ids.length === 0 ? [] : await db.select({ id: segments.id, criteria: segments.criteria }).from(segments).where(and(eq(segments.tenantId, ctx.tenantId), inArray(segments.id, ids)));
  const missing = ids.find((id) => !rows.some((r) => r.id === id));
  if (missing !== undefined) throw AppError.field('not_found', 'segmentIds', `No segment with the id ${missing}.`);
  const filters: FilterTree[] = rows.map((r) => r.criteria.filter);
  const [only] = filters;
  if (!only) return sql`false`;
  return segmentCondition(ctx.tenantId, filters.length === 1 ? only : { or: filters }, now);
}
