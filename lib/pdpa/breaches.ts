import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db';
import { type BreachIncident, breachIncidents } from '@/db/schema';
import { afterCursor, type Cursor } from '@/lib/api/pagination';
import { recordAudit } from '@/lib/audit';
import { AppError } from '@/lib/errors';
import { requireRole } from '@/lib/members/members';
import type { TenantContext } from '@/lib/tenants/context';
import { breachDataKinds } from './breach-kinds';
import { breachNotifyBy, describeClock } from './clock';

export const breachStatuses = breachIncidents.status.enumValues;

const CLOCK_SKEW_MS = 5 * 60_000;
const instant = z.iso.datetime({ offset: true });

export const breachCreateSchema = z.object({
  title: z.string().trim().min(1, 'Give the breach a short title.').max(200),
  description: z.string().trim().min(1, 'Describe what happened and what was done.').max(5000),
  dataKinds: z.array(z.enum(breachDataKinds)).min(1, 'Choose at least one kind of data.').max(breachDataKinds.length),
  affectedCount: z.int().min(0).max(100_000_000).nullable().optional().describe('People affected, when known'),
  discoveredAt: instant.describe('When the breach was discovered; the 72-hour clock starts here'),
});
export type BreachCreate = z.infer<typeof breachCreateSchema>;

export const breachPatchSchema = z.object({
  description: breachCreateSchema.shape.description.optional(),
  affectedCount: breachCreateSchema.shape.affectedCount,
  commissionerNotifiedAt: instant.optional().describe('When the Personal Data Protection Commissioner was notified'),
  subjectsNotifiedAt: instant.optional().describe('When the affected people were notified'),
  status: z.literal('closed').optional().describe('Close the incident; it cannot be reopened'),
});
export type BreachPatch = z.infer<typeof breachPatchSchema>;

export const breachListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export function breachJson(row: BreachIncident, now = new Date()) {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    dataKinds: row.dataKinds,
    affectedCount: row.affectedCount,
    status: row.status,
    discoveredAt: row.discoveredAt.toISOString(),
    notifyBy: row.notifyBy.toISOString(),
    commissionerNotifiedAt: row.commissionerNotifiedAt?.toISOString() ?? null,
    subjectsNotifiedAt: row.subjectsNotifiedAt?.toISOString() ?? null,
    notificationOverdue: !row.commissionerNotifiedAt && row.status === 'open' && describeClock(row.notifyBy, now).overdue,
    createdAt: row.createdAt.toISOString(),
  };
}

export const breachSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    description: z.string(),
    dataKinds: z.array(z.string()),
    affectedCount: z.int().nullable(),
    status: z.enum(breachStatuses).describe('open → notified (Commissioner told) → closed'),
    discoveredAt: z.iso.datetime(),
    notifyBy: z.iso.datetime().describe('72 hours after discovery'),
    commissionerNotifiedAt: z.iso.datetime().nullable(),
    subjectsNotifiedAt: z.iso.datetime().nullable(),
    notificationOverdue: z.boolean(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Breach' });

function notInFuture(field: string, value: string, now: Date): Date {
  const at = new Date(value);
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) throw AppError.field('validation', field, 'This time is in the future.');
  return at;
}

export async function createBreach(db: Database, ctx: TenantContext, input: BreachCreate, now = new Date()): Promise<BreachIncident> {
  requireRole(ctx, 'admin');
  const discoveredAt = notInFuture('discoveredAt', input.discoveredAt, now);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(breachIncidents)
      .values({
        tenantId: ctx.tenantId,
        title: input.title,
        description: input.description,
        dataKinds: [...new Set(input.dataKinds)],
        affectedCount: input.affectedCount ?? null,
        discoveredAt,
        notifyBy: breachNotifyBy(discoveredAt),
        createdByUserId: ctx.userId,
      })
      .returning();
    if (!row) throw new Error('breach insert returned nothing');
    await recordAudit(tx, ctx, { action: 'breach.recorded', targetType: 'breach', targetId: row.id, metadata: { dataKinds: row.dataKinds } });
    return row;
  });
}

export async function getBreach(db: Database, ctx: TenantContext, id: string): Promise<BreachIncident> {
  const [row] = await db
    .select()
    .from(breachIncidents)
    .where(and(eq(breachIncidents.tenantId, ctx.tenantId), eq(breachIncidents.id, id)))
    .limit(1);
  if (!row) throw new AppError('not_found', 'No breach with that id.');
  return row;
}

// Newest first (keyset on createdAt, id); callers fetch limit + 1.
export async function listBreaches(db: Database, ctx: TenantContext, options: { limit: number; after?: Cursor | null }): Promise<BreachIncident[]> {
  return db
    .select()
    .from(breachIncidents)
    .where(and(eq(breachIncidents.tenantId, ctx.tenantId), afterCursor(breachIncidents.createdAt, breachIncidents.id, options.after, 'desc')))
    .orderBy(desc(breachIncidents.createdAt), desc(breachIncidents.id))
    .limit(options.limit);
}

// Notification times can be recorded once each; notifying the Commissioner moves an open
// incident to 'notified'. A closed incident is final.
export async function updateBreach(db: Database, ctx: TenantContext, id: string, patch: BreachPatch, now = new Date()): Promise<BreachIncident> {
  requireRole(ctx, 'admin');
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(breachIncidents)
      .where(and(eq(breachIncidents.tenantId, ctx.tenantId), eq(breachIncidents.id, id)))
      .for('update')
      .limit(1);
    if (!current) throw new AppError('not_found', 'No breach with that id.');
    if (current.status === 'closed') throw new AppError('conflict', 'This incident is closed.');
    const notified = (field: 'commissionerNotifiedAt' | 'subjectsNotifiedAt') => {
      const value = patch[field];
      if (value === undefined) return undefined;
      if (current[field]) throw AppError.field('conflict', field, 'This notification is already recorded.');
      const at = notInFuture(field, value, now);
      if (at < current.discoveredAt) throw AppError.field('validation', field, 'A notification cannot come before the breach was discovered.');
      return at;
    };
    const commissionerNotifiedAt = notified('commissionerNotifiedAt');
    const subjectsNotifiedAt = notified('subjectsNotifiedAt');
    const status = patch.status ?? (commissionerNotifiedAt && current.status === 'open' ? 'notified' : current.status);
    const [row] = await tx
      .update(breachIncidents)
      .set({
        ...(patch.description !== undefined && { description: patch.description }),
        ...(patch.affectedCount !== undefined && { affectedCount: patch.affectedCount }),
        ...(commissionerNotifiedAt && { commissionerNotifiedAt }),
        ...(subjectsNotifiedAt && { subjectsNotifiedAt }),
        status,
      })
      .where(and(eq(breachIncidents.tenantId, ctx.tenantId), eq(breachIncidents.id, id)))
      .returning();
    if (!row) throw new Error('breach update returned nothing');
    const fields = Object.keys(patch).filter((k) => patch[k as keyof BreachPatch] !== undefined);
    await recordAudit(tx, ctx, { action: status === 'closed' ? 'breach.closed' : 'breach.updated', targetType: 'breach', targetId: id, metadata: { fields } });
    return row;
  });
}
