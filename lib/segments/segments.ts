import { type SQL, and, desc, eq, ne, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { type Segment, segments, tenants } from '@/db/schema';
import { type Cursor, afterCursor } from '@/lib/api/pagination';
import { recordAudit } from '@/lib/audit';
import { AppError } from '@/lib/errors';
import { requireRole } from '@/lib/members/members';
import type { TenantContext } from '@/lib/tenants/context';
import type { SegmentInput, SegmentPatch } from './schema';

// Saved segments: every member may read them and preview their customers; owners and admins
// (and API keys) create, change and delete them.

export function segmentJson(row: Segment) {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    criteria: row.criteria,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type SegmentJson = ReturnType<typeof segmentJson>;

function tenantSegment(ctx: Pick<TenantContext, 'tenantId'>, id: string): SQL | undefined {
  return and(eq(segments.tenantId, ctx.tenantId), eq(segments.id, id));
}

// Names are unique per tenant ignoring case. There is no unique index on lower(name) (yet), so
// writers take the tenant row first: two saves of the same name cannot both pass the check.
// NO KEY UPDATE leaves other tables' foreign-key checks on the tenant unblocked.
async function assertNameFree(tx: Database, ctx: TenantContext, name: string, exceptId?: string): Promise<void> {
  await tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.id, ctx.tenantId)).for('no key update');
  const [taken] = await tx
    .select({ name: segments.name })
    .from(segments)
    .where(and(eq(segments.tenantId, ctx.tenantId), sql`lower(${segments.name}) = lower(${name})`, exceptId ? ne(segments.id, exceptId) : undefined))
    .limit(1);
  if (taken) throw AppError.field('conflict', 'name', `There is already a segment called “${taken.name}”. Choose another name.`);
}

export async function createSegment(db: Database, ctx: TenantContext, input: SegmentInput): Promise<Segment> {
  requireRole(ctx, 'admin');
  return db.transaction(async (tx) => {
    await assertNameFree(tx, ctx, input.name);
    const [row] = await tx
      .insert(segments)
      .values({ tenantId: ctx.tenantId, name: input.name, description: input.description ?? null, criteria: input.criteria, createdByUserId: ctx.userId })
      .returning();
    if (!row) throw new Error('segment insert returned nothing');
    await recordAudit(tx, ctx, { action: 'segment.created', targetType: 'segment', targetId: row.id, metadata: { name: row.name } });
    return row;
  });
}

// Newest first (keyset on createdAt, id); callers fetch limit + 1.
export async function listSegments(db: Database, ctx: Pick<TenantContext, 'tenantId'>, paging: { limit: number; after?: Cursor | null }): Promise<Segment[]> {
  return db
    .select()
    .from(segments)
    .where(and(eq(segments.tenantId, ctx.tenantId), afterCursor(segments.createdAt, segments.id, paging.after, 'desc')))
    .orderBy(desc(segments.createdAt), desc(segments.id))
    .limit(paging.limit);
}

export async function getSegment(db: Database, ctx: Pick<TenantContext, 'tenantId'>, id: string): Promise<Segment> {
  const [row] = await db.select().from(segments).where(tenantSegment(ctx, id)).limit(1);
  if (!row) throw new AppError('not_found', 'No segment with that id.');
  return row;
}

export async function updateSegment(db: Database, ctx: TenantContext, id: string, patch: SegmentPatch): Promise<Segment> {
  requireRole(ctx, 'admin');
  return db.transaction(async (tx) => {
    if (patch.name !== undefined) await assertNameFree(tx, ctx, patch.name, id);
    const [row] = await tx
      .update(segments)
      .set({ name: patch.name, description: patch.description, criteria: patch.criteria, updatedAt: new Date() })
      .where(tenantSegment(ctx, id))
      .returning();
    if (!row) throw new AppError('not_found', 'No segment with that id.');
    const changed = Object.keys(patch).filter((k) => patch[k as keyof SegmentPatch] !== undefined);
    await recordAudit(tx, ctx, { action: 'segment.updated', targetType: 'segment', targetId: row.id, metadata: { name: row.name, changed } });
    return row;
  });
}

export async function deleteSegment(db: Database, ctx: TenantContext, id: string): Promise<void> {
  requireRole(ctx, 'admin');
  await db.transaction(async (tx) => {
    const [row] = await tx.delete(segments).where(tenantSegment(ctx, id)).returning({ id: segments.id, name: segments.name });
    if (!row) throw new AppError('not_found', 'No segment with that id.');
    await recordAudit(tx, ctx, { action: 'segment.deleted', targetType: 'segment', targetId: row.id, metadata: { name: row.name } });
  });
}
