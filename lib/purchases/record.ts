import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { type Purchase, media, ocrJobs, purchases } from '@/db/schema';
import { markAnalyticsStale } from '@/lib/analytics/refresh';
import { attributeConversion } from '@/lib/campaigns/tracking';
import { isUniqueViolation } from '@/lib/database-errors';
import { AppError } from '@/lib/errors';
import type { JobClient } from '@/lib/jobs/client';
import type { TenantContext } from '@/lib/tenants/context';
import { receiptFingerprint } from './fingerprint';
import { type ParsedPurchaseInput, type PurchaseInput, idempotencyKeySchema, purchaseInputSchema } from './input';
import { type SpendSummary, type TierChangeResult, lockCustomerForPurchases, refreshCustomerSpend, spendSummary } from './spend';

export type RecordPurchaseResult =
  | {
      ok: true;
      purchase: Purchase;
      // False when an Idempotency-Key replayed an earlier request: nothing new was written.
      created: boolean;
      customer: SpendSummary;
      tierChange: TierChangeResult | null;
    }
  | { ok: false; reason: 'duplicate'; existingPurchaseId: string };

export interface PurchaseOptions {
  now?: Date;
  // Where a tier-up message's delivery job goes (default: the configured driver).
  jobs?: JobClient;
}

type Actor = Pick<TenantContext, 'tenantId' | 'userId'>;

async function findBy(db: Database, tenantId: string, where: { idempotencyKey: string } | { receiptFingerprint: string }): Promise<Purchase | undefined> {
  const condition = 'idempotencyKey' in where ? eq(purchases.idempotencyKey, where.idempotencyKey) : eq(purchases.receiptFingerprint, where.receiptFingerprint);
  const [row] = await db.select().from(purchases).where(and(eq(purchases.tenantId, tenantId), condition)).limit(1);
  return row;
}

// A receipt image or OCR job named in the input must be the tenant's own.
export async function checkReferences(db: Database, tenantId: string, input: { receiptMediaId?: string | null; ocrJobId?: string | null }): Promise<void> {
  if (input.receiptMediaId) {
    const [row] = await db.select({ id: media.id }).from(media).where(and(eq(media.tenantId, tenantId), eq(media.id, input.receiptMediaId))).limit(1);
    if (!row) throw AppError.field('validation', 'receiptMediaId', 'No media file with that id.');
  }
  if (input.ocrJobId) {
    const [row] = await db.select({ id: ocrJobs.id }).from(ocrJobs).where(and(eq(ocrJobs.tenantId, tenantId), eq(ocrJobs.id, input.ocrJobId))).limit(1);
    if (!row) throw AppError.field('validation', 'ocrJobId', 'No OCR job with that id.');
  }
}

function parseIdempotencyKey(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  const parsed = idempotencyKeySchema.safeParse(raw);
  if (!parsed.success) throw AppError.field('validation', 'Idempotency-Key', parsed.error.issues[0]?.message ?? 'Invalid Idempotency-Key.');
  return parsed.data;
}

// Everything a request said, in one comparable form (jsonb reorders object keys, so items
// are compared field by field; a real column keeps about 6 digits).
function requestShape(customerId: string, p: ParsedPurchaseInput): string {
  return JSON.stringify([
    customerId,
    p.source,
    p.date,
    p.total,
    p.merchant ?? null,
    p.tax ?? null,
    p.rounding ?? null,
    p.receiptNumber ?? null,
    p.paymentMethod ?? null,
    p.receiptMediaId ?? null,
    p.ocrJobId ?? null,
    p.confidence == null ? null : p.confidence.toFixed(4),
    p.items.map((i) => [i.name, i.quantity, i.amount]),
  ]);
}

function storedShape(row: Purchase): string {
  return requestShape(row.customerId, {
    source: row.source,
    date: row.purchasedOn,
    total: row.total,
    merchant: row.merchant,
    tax: row.tax,
    rounding: row.rounding,
    receiptNumber: row.receiptNumber,
    paymentMethod: row.paymentMethod,
    receiptMediaId: row.receiptMediaId,
    ocrJobId: row.ocrJobId,
    confidence: row.confidence,
    items: row.items,
  });
}

// Same key and same request: the purchase it made, unchanged. Same key, another request: 422,
// as the IETF Idempotency-Key draft and Stripe answer a key reused for something else.
async function replay(db: Database, existing: Purchase, customerId: string, parsed: ParsedPurchaseInput): Promise<RecordPurchaseResult> {
  if (storedShape(existing) !== requestShape(customerId, parsed)) {
    throw AppError.field(
      'validation',
      'Idempotency-Key',
      'This Idempotency-Key was used for a different purchase (another body or customer). Use a new key for a new purchase.',
    );
  }
  return { ok: true, purchase: existing, created: false, customer: await spendSummary(db, existing.tenantId, existing.customerId), tierChange: null };
}

// Records a purchase and, in the same transaction, the customer's spend, count, last purchase
// and tier (with a tier_changes row and possibly a tier-up message). The same receipt twice
// answers { ok: false, reason: 'duplicate' }; an Idempotency-Key makes a retry answer the first
// result. Any member may record; the OCR flow calls this with its job's context.
export async function recordPurchase(
  db: Database,
  ctx: Actor,
  input: PurchaseInput & { customerId: string; idempotencyKey?: string | null },
  options: PurchaseOptions = {},
): Promise<RecordPurchaseResult> {
  const parsed = purchaseInputSchema.parse(input);
  const key = parseIdempotencyKey(input.idempotencyKey);
  const fingerprint = receiptFingerprint({ customerId: input.customerId, source: parsed.source, merchant: parsed.merchant ?? null, date: parsed.date, total: parsed.total, receiptNumber: parsed.receiptNumber ?? null });
  try {
    return await db.transaction(async (tx): Promise<RecordPurchaseResult> => {
      const customer = await lockCustomerForPurchases(tx, ctx.tenantId, input.customerId);
      const earlier = key ? await findBy(tx, ctx.tenantId, { idempotencyKey: key }) : undefined;
      if (earlier) return replay(tx, earlier, input.customerId, parsed);
      const duplicate = fingerprint ? await findBy(tx, ctx.tenantId, { receiptFingerprint: fingerprint }) : undefined;
      if (duplicate) return { ok: false, reason: 'duplicate', existingPurchaseId: duplicate.id };
      await checkReferences(tx, ctx.tenantId, parsed);
      const [purchase] = await tx
        .insert(purchases)
        .values({
          tenantId: ctx.tenantId,
          customerId: customer.id,
          source: parsed.source,
          merchant: parsed.merchant ?? null,
          purchasedOn: parsed.date,
          total: parsed.total,
          tax: parsed.tax ?? null,
          rounding: parsed.rounding ?? null,
          items: parsed.items,
          receiptNumber: parsed.receiptNumber ?? null,
          paymentMethod: parsed.paymentMethod ?? null,
          receiptFingerprint: fingerprint,
          receiptMediaId: parsed.receiptMediaId ?? null,
          ocrJobId: parsed.ocrJobId ?? null,
          confidence: parsed.confidence ?? null,
          idempotencyKey: key,
          createdByUserId: ctx.userId,
          ...(options.now ? { createdAt: options.now, updatedAt: options.now } : {}),
        })
        .returning();
      if (!purchase) throw new Error('purchase insert returned nothing');
      await attributeConversion(tx, purchase);
      await markAnalyticsStale(tx, ctx.tenantId, [purchase.purchasedOn]);
      const { summary, tierChange } = await refreshCustomerSpend(tx, ctx.tenantId, customer, options);
      return { ok: true, purchase, created: true, customer: summary, tierChange };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Another customer's request took this key or receipt between our check and our insert.
    const earlier = key ? await findBy(db, ctx.tenantId, { idempotencyKey: key }) : undefined;
    if (earlier) return replay(db, earlier, input.customerId, parsed);
    const duplicate = fingerprint ? await findBy(db, ctx.tenantId, { receiptFingerprint: fingerprint }) : undefined;
    if (duplicate) return { ok: false, reason: 'duplicate', existingPurchaseId: duplicate.id };
    throw error;
  }
}
