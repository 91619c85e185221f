import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db';
import { type DataSubjectRequest, dataSubjectRequests } from '@/db/schema';
import { afterCursor, type Cursor } from '@/lib/api/pagination';
import { recordAudit } from '@/lib/audit';
import { getCustomer } from '@/lib/customers/customers';
import { AppError } from '@/lib/errors';
import { requireRole } from '@/lib/members/members';
import type { TenantContext } from '@/lib/tenants/context';
import { describeClock, requestDueAt } from './clock';

export const dataRequestKinds = dataSubjectRequests.kind.enumValues;
export type DataRequestKind = (typeof dataRequestKinds)[number];
export const dataRequestStatuses = dataSubjectRequests.status.enumValues;

// A clock a little fast must not make "received just now" a date in the future.
const CLOCK_SKEW_MS = 5 * 60_000;

const notes = z.string().trim().max(2000, 'Keep notes under 2,000 characters.');

export const dataRequestCreateSchema = z
  .object({
    kind: z.enum(dataRequestKinds, { error: `Choose one of ${dataRequestKinds.join(', ')}.` }),
    customerId: z.uuid('Not a customer id.').optional().describe('The customer the request is about, when they are on file.'),
    subjectLabel: z.string().trim().max(200).optional().describe("Who asked; defaults to the customer's name. Survives the customer's erasure."),
    receivedAt: z.iso.datetime({ offset: true }).optional().describe('When the request arrived; defaults to now. The 21-day clock starts here.'),
    notes: notes.optional(),
  })
  .refine((r) => r.customerId || r.subjectLabel, { path: ['subjectLabel'], message: 'Choose the customer, or say who the request is from.' });
export type DataRequestCreate = z.infer<typeof dataRequestCreateSchema>;

export const dataRequestPatchSchema = z
  .object({
    status: z.enum(['completed', 'rejected']).optional().describe('Close the request; it cannot be reopened.'),
    notes: notes.optional().describe('What was done, or why the request was refused (PDPA s.33: the subject is told why).'),
  })
  .refine((p) => p.status !== 'rejected' || p.notes, { path: ['notes'], message: 'Say why the request is refused; the data subject must be told.' });
export type DataRequestPatch = z.infer<typeof dataRequestPatchSchema>;

export const dataRequestListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
  status: z.enum(dataRequestStatuses).optional(),
  customerId: z.uuid().optional(),
});

export function dataRequestJson(row: DataSubjectRequest, now = new Date()) {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    customerId: row.customerId,
    subjectLabel: row.subjectLabel,
    notes: row.notes,
    receivedAt: row.receivedAt.toISOString(),
    dueAt: row.dueAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
    overdue: row.status === 'open' && describeClock(row.dueAt, now).overdue,
  };
}

export const dataRequestSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(dataRequestKinds),
    status: z.enum(dataRequestStatuses),
    customerId: z.uuid().nullable(),
    subjectLabel: z.string(),
    notes: z.string().nullable(),
    receivedAt: z.iso.datetime(),
    dueAt: z.iso.datetime().describe('21 days after receipt (PDPA s.31)'),
    completedAt: z.iso.datetime().nullable(),
    overdue: z.boolean().describe('Still open after the due date'),
  })
  .meta({ id: 'DataRequest' });

export async function createDataRequest(db: Database, ctx: TenantContext, input: DataRequestCreate, now = new Date()): Promise<DataSubjectRequest> {
  requireRole(ctx, 'admin');
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : now;
  if (receivedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) throw AppError.field('validation', 'receivedAt', 'The request cannot arrive in the future.');
  const customer = input.customerId ? await getCustomer(db, ctx, input.customerId).catch(notFoundAs('customerId')) : null;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(dataSubjectRequests)
      .values({
        tenantId: ctx.tenantId,
        customerId: customer?.id ?? null,
        subjectLabel: input.subjectLabel || customer?.name || '',
        kind: input.kind,
        notes: input.notes || null,
        receivedAt,
        dueAt: requestDueAt(receivedAt),
        createdByUserId: ctx.userId,
      })
      .returning();
    if (!row) throw new Error('data request insert returned nothing');
    await recordAudit(tx, ctx, { action: 'data_request.created', targetType: 'data_request', targetId: row.id, metadata: { kind: row.kind } });
    return row;
  });
}

function notFoundAs(field: string) {
  return (error: unknown): never => {
    if (error instanceof AppError && error.code === 'not_found') throw AppError.field('not_found', field, error.message);
    throw error;
  };
}

export async function getDataRequest(db: Database, ctx: TenantContext, id: string): Promise<DataSubjectRequest> {
  const [row] = await db
    .select()
    .from(dataSubjectRequests)
    .where(and(eq(dataSubjectRequests.tenantId, ctx.tenantId), eq(dataSubjectRequests.id, id)))
    .limit(1);
  if (!row) throw new AppError('not_found', 'No data request with that id.');
  return row;
}

// Newest received first, for the API (keyset on receivedAt, id). Callers fetch limit + 1.
export async function listDataRequests(
  db: Database,
  ctx: TenantContext,
  options: { limit: number; after?: Cursor | null; status?: DataSubjectRequest['status']; customerId?: string },
): Promise<DataSubjectRequest[]> {
  return db
    .select()
    .from(dataSubjectRequests)
    .where(
      and(
        eq(dataSubjectRequests.tenantId, ctx.tenantId),
        options.status ? eq(dataSubjectRequests.status, options.status) : undefined,
        options.customerId ? eq(dataSubjectRequests.customerId, options.customerId) : undefined,
        afterCursor(dataSubjectRequests.receivedAt, dataSubjectRequests.id, options.after, 'desc'),
      ),
    )
    .orderBy(desc(dataSubjectRequests.receivedAt), desc(dataSubjectRequests.id))
    .limit(options.limit);
}

// The page's order: open requests soonest-due first, then the most recently closed.
export async function dataRequestLog(db: Database, ctx: TenantContext, limit = 200): Promise<DataSubjectRequest[]> {
  return db
    .select()
    .from(dataSubjectRequests)
    .where(eq(dataSubjectRequests.tenantId, ctx.tenantId))
    .orderBy(sql`${dataSubjectRequests.status} <> 'open'`, asc(sql`case when ${dataSubjectRequests.status} = 'open' then ${dataSubjectRequests.dueAt} end`), desc(dataSubjectRequests.completedAt))
    .limit(limit);
}

export async function updateDataRequest(db: Database, ctx: TenantContext, id: string, patch: DataRequestPatch): Promise<DataSubjectRequest> {
  requireRole(ctx, 'admin');
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(dataSubjectRequests)
      .where(and(eq(dataSubjectRequests.tenantId, ctx.tenantId), eq(dataSubjectRequests.id, id)))
      .for('update')
      .limit(1);
    if (!current) throw new AppError('not_found', 'No data request with that id.');
    if (current.status !== 'open') throw new AppError('conflict', `This request was already ${current.status}.`);
    const closing = patch.status !== undefined;
    const [row] = await tx
      .update(dataSubjectRequests)
      .set({
        ...(patch.notes !== undefined && { notes: patch.notes || null }),
        ...(closing && { status: patch.status, completedAt: new Date(), handledByUserId: ctx.userId }),
      })
      .where(and(eq(dataSubjectRequests.tenantId, ctx.tenantId), eq(dataSubjectRequests.id, id)))
      .returning();
    if (!row) throw new Error('data request update returned nothing');
    await recordAudit(tx, ctx, { action: closing ? `data_request.${patch.status}` : 'data_request.updated', targetType: 'data_request', targetId: id, metadata: { kind: row.kind } });
    return row;
  });
}

// Every export answers an access request: the open one if there is one, else a completed
// entry is logged so the register shows the access was given.
export async function logAccessFulfilled(db: Database, ctx: TenantContext, customer: { id: string; name: string }, now = new Date()): Promise<{ requestId: string; logged: boolean }> {
  const [open] = await db
    .select({ id: dataSubjectRequests.id })
    .from(dataSubjectRequests)
    .where(
      and(
        eq(dataSubjectRequests.tenantId, ctx.tenantId),
        eq(dataSubjectRequests.customerId, customer.id),
        eq(dataSubjectRequests.status, 'open'),
        inArray(dataSubjectRequests.kind, ['access', 'portability']),
      ),
    )
    .orderBy(asc(dataSubjectRequests.dueAt))
    .limit(1);
  if (open) return { requestId: open.id, logged: false };
  const [row] = await db
    .insert(dataSubjectRequests)
    .values({
      tenantId: ctx.tenantId,
      customerId: customer.id,
      subjectLabel: customer.name,
      kind: 'access',
      status: 'completed',
      notes: 'Export downloaded from Sembang.',
      receivedAt: now,
      dueAt: requestDueAt(now),
      completedAt: now,
      createdByUserId: ctx.userId,
      handledByUserId: ctx.userId,
    })
    .returning({ id: dataSubjectRequests.id });
  if (!row) throw new Error('data request insert returned nothing');
  return { requestId: row.id, logged: true };
}
