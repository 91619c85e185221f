import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db';
import { type OcrJob, customers, ocrJobs, ocrKinds, ocrStatuses } from '@/db/schema';
import { type Cursor, afterCursor, decodeCursor, page } from '@/lib/api/pagination';
import { AppError } from '@/lib/errors';
import type { TenantContext } from '@/lib/tenants/context';

// The OCR log (every attempt, newest first) and the review queue (oldest first: first come,
// first checked). Always within the tenant.

const csvOf = <T extends string>(values: readonly [T, ...T[]], label: string) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (!raw) return undefined;
      const items = [...new Set(raw.split(',').map((v) => v.trim()).filter(Boolean))];
      const wrong = items.find((v) => !values.includes(v as T));
      if (wrong) {
        ctx.addIssue({ code: 'custom', message: `Unknown ${label} "${wrong}"; use ${values.join(', ')}.` });
        return z.NEVER;
      }
      return items as T[];
    })
    .describe(`Comma-separated: ${values.join(', ')}`);

export const ocrJobListQuerySchema = z.object({
  status: csvOf(ocrStatuses, 'status'),
  kind: csvOf(ocrKinds, 'kind'),
  source: csvOf(['whatsapp', 'api', 'dashboard'], 'source'),
  customerId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type OcrJobListQuery = z.output<typeof ocrJobListQuerySchema>;

export type OcrJobRow = OcrJob & { customerName: string | null };

const columns = { job: ocrJobs, customerName: customers.name };
const withCustomer = (rows: { job: OcrJob; customerName: string | null }[]): OcrJobRow[] => rows.map((r) => ({ ...r.job, customerName: r.customerName }));

export async function listOcrJobs(db: Database, ctx: Pick<TenantContext, 'tenantId'>, query: OcrJobListQuery): Promise<{ data: OcrJobRow[]; nextCursor: string | null }> {
  const after: Cursor | null = decodeCursor(query.cursor);
  const rows = await db
    .select(columns)
    .from(ocrJobs)
    .leftJoin(customers, and(eq(customers.tenantId, ocrJobs.tenantId), eq(customers.id, ocrJobs.customerId)))
    .where(
      and(
        eq(ocrJobs.tenantId, ctx.tenantId),
        query.status ? inArray(ocrJobs.status, query.status) : undefined,
        query.kind ? inArray(ocrJobs.kind, query.kind) : undefined,
        query.source ? inArray(ocrJobs.source, query.source) : undefined,
        query.customerId ? eq(ocrJobs.customerId, query.customerId) : undefined,
        afterCursor(ocrJobs.createdAt, ocrJobs.id, after, 'desc'),
      ),
    )
    .orderBy(desc(ocrJobs.createdAt), desc(ocrJobs.id))
    .limit(query.limit + 1);
  return page(withCustomer(rows), query.limit, (r) => ({ createdAt: r.createdAt, id: r.id }));
}

export async function getOcrJob(db: Database, ctx: Pick<TenantContext, 'tenantId'>, id: string): Promise<OcrJobRow> {
  const [row] = await db
    .select(columns)
    .from(ocrJobs)
    .leftJoin(customers, and(eq(customers.tenantId, ocrJobs.tenantId), eq(customers.id, ocrJobs.customerId)))
    .where(and(eq(ocrJobs.tenantId, ctx.tenantId), eq(ocrJobs.id, id)))
    .limit(1);
  if (!row) throw new AppError('not_found', 'No OCR job with that id.');
  return { ...row.job, customerName: row.customerName };
}

export async function reviewQueue(db: Database, ctx: Pick<TenantContext, 'tenantId'>, limit = 100): Promise<{ rows: OcrJobRow[]; total: number }> {
  const inReview = and(eq(ocrJobs.tenantId, ctx.tenantId), eq(ocrJobs.status, 'review'));
  const [rows, [count]] = await Promise.all([
    db
      .select(columns)
      .from(ocrJobs)
      .leftJoin(customers, and(eq(customers.tenantId, ocrJobs.tenantId), eq(customers.id, ocrJobs.customerId)))
      .where(inReview)
      .orderBy(asc(ocrJobs.createdAt), asc(ocrJobs.id))
      .limit(limit),
    db.select({ n: sql<number>`count(*)::int` }).from(ocrJobs).where(inReview),
  ]);
  return { rows: withCustomer(rows), total: count?.n ?? 0 };
}
