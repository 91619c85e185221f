import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db';
import { type OcrJob, customers, media, ocrJobs, ocrKinds, ocrStatuses } from '@/db/schema';
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

// With the customer's name and the stored file's type (photo or PDF) for the pages.
export type OcrJobRow = OcrJob & { customerName: string | null; fileType: string | null };

const columns = { job: ocrJobs, customerName: customers.name, fileType: media.mimeType };
type Selected = { job: OcrJob; customerName: string | null; fileType: string | null };
const withCustomer = (rows: Selected[]): OcrJobRow[] => rows.map((r) => ({ ...r.job, customerName: r.customerName, fileType: r.fileType }));

const joined = (db: Database) =>
  db
    .select(columns)
    .from(ocrJobs)
    .leftJoin(customers, and(eq(customers.tenantId, ocrJobs.tenantId), eq(customers.id, ocrJobs.customerId)))
    .leftJoin(media, and(eq(media.tenantId, ocrJobs.tenantId), eq(media.id, ocrJobs.mediaId)));

export async function listOcrJobs(db: Database, ctx: Pick<TenantContext, 'tenantId'>, query: OcrJobListQuery): Promise<{ data: OcrJobRow[]; nextCursor: string | null }> {
  const after: Cursor | null = decodeCursor(query.cursor);
  const rows = await joined(db)
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
  const [row] = withCustomer(await joined(db).where(and(eq(ocrJobs.tenantId, ctx.tenantId), eq(ocrJobs.id, id))).limit(1));
  if (!row) throw new AppError('not_found', 'No OCR job with that id.');
  return row;
}

const inReview = (tenantId: string) => and(eq(ocrJobs.tenantId, tenantId), eq(ocrJobs.status, 'review'));

export async function countInReview(db: Database, ctx: Pick<TenantContext, 'tenantId'>): Promise<number> {
  return db.$count(ocrJobs, inReview(ctx.tenantId));
}

export async function reviewQueue(db: Database, ctx: Pick<TenantContext, 'tenantId'>, limit = 100): Promise<{ rows: OcrJobRow[]; total: number }> {
  const rows = await joined(db)
    .where(inReview(ctx.tenantId))
    .orderBy(asc(ocrJobs.createdAt), asc(ocrJobs.id))
    .limit(limit);
  return { rows: withCustomer(rows), total: rows.length < limit ? rows.length : await countInReview(db, ctx) };
}
