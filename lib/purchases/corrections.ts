import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { type Purchase, ocrJobs, purchases } from '@/db/schema';
import { markAnalyticsStale } from '@/lib/analytics/refresh';
import { recordAudit } from '@/lib/audit';
import { isUniqueViolation } from '@/lib/database-errors';
import { AppError } from '@/lib/errors';
import { requireRole } from '@/lib/members/members';
import type { TenantContext } from '@/lib/tenants/context';
import { receiptFingerprint } from './fingerprint';
import { type PurchasePatch, purchasePatchSchema } from './input';
import type { PurchaseOptions } from './record';
import { type SpendSummary, type TierChangeResult, lockCustomerForPurchases, refreshCustomerSpend } from './spend';

export type CorrectPurchaseResult =
  | { ok: true; purchase: Purchase; customer: SpendSummary; tierChange: TierChangeResult | null }
  | { ok: false; reason: 'duplicate'; existingPurchaseId: string };

async function purchaseOwner(db: Database, tenantId: string, purchaseId: string): Promise<string> {
  const [row] = await db
    .select({ customerId: purchases.customerId })
    .from(purchases)
    .where(and(eq(purchases.tenantId, tenantId), eq(purchases.id, purchaseId)))
    .limit(1);
  if (!row) throw new AppError('not_found', 'No purchase with that id.');
  return row.customerId;
}

// The customer's row is locked before the purchase is touched, as recordPurchase does, so
// statistics stay exact when corrections race with new purchases.
async function lockPurchase(tx: Database, tenantId: string, purchaseId: string) {
  const customer = await lockCustomerForPurchases(tx, tenantId, await purchaseOwner(tx, tenantId, purchaseId));
  const [row] = await tx
    .select()
    .from(purchases)
    .where(and(eq(purchases.tenantId, tenantId), eq(purchases.id, purchaseId), eq(purchases.customerId, customer.id)))
    .limit(1);
  if (!row) throw new AppError('not_found', 'No purchase with that id.');
  return { customer, row };
}

const patchFields = ['date', 'total', 'merchant', 'items', 'tax', 'rounding', 'receiptNumber', 'paymentMethod'] as const;

// Owners and admins correct what a receipt or a POS got wrong; spend and tier follow.
export async function correctPurchase(db: Database, ctx: TenantContext, purchaseId: string, patch: PurchasePatch, options: PurchaseOptions = {}): Promise<CorrectPurchaseResult> {
  requireRole(ctx, 'admin');
  const input = purchasePatchSchema.parse(patch);
  const changed = patchFields.filter((f) => input[f] !== undefined);
  let fingerprint: string | null = null;
  try {
    return await db.transaction(async (tx): Promise<CorrectPurchaseResult> => {
      const { customer, row } = await lockPurchase(tx, ctx.tenantId, purchaseId);
      const next = {
        purchasedOn: input.date ?? row.purchasedOn,
        total: input.total ?? row.total,
        merchant: input.merchant === undefined ? row.merchant : input.merchant,
        items: input.items ?? row.items,
        tax: input.tax === undefined ? row.tax : input.tax,
        rounding: input.rounding === undefined ? row.rounding : input.rounding,
        receiptNumber: input.receiptNumber === undefined ? row.receiptNumber : input.receiptNumber,
        paymentMethod: input.paymentMethod === undefined ? row.paymentMethod : input.paymentMethod,
      };
      fingerprint = receiptFingerprint({ customerId: row.customerId, source: row.source, merchant: next.merchant, date: next.purchasedOn, total: next.total, receiptNumber: next.receiptNumber });
      const [updated] = await tx
        .update(purchases)
        .set({ ...next, receiptFingerprint: fingerprint, updatedAt: options.now ?? new Date() })
        .where(and(eq(purchases.tenantId, ctx.tenantId), eq(purchases.id, row.id)))
        .returning();
      if (!updated) throw new AppError('not_found', 'No purchase with that id.');
      await markAnalyticsStale(tx, ctx.tenantId, [row.purchasedOn, updated.purchasedOn]);
      const { summary, tierChange } = await refreshCustomerSpend(tx, ctx.tenantId, customer, options);
      await recordAudit(tx, ctx, { action: 'purchase.corrected', targetType: 'purchase', targetId: row.id, metadata: { fields: changed } });
      return { ok: true, purchase: updated, customer: summary, tierChange };
    });
  } catch (error) {
    if (!isUniqueViolation(error) || !fingerprint) throw error;
    // The corrected receipt is one that is already recorded.
    const [existing] = await db
      .select({ id: purchases.id })
      .from(purchases)
      .where(and(eq(purchases.tenantId, ctx.tenantId), eq(purchases.receiptFingerprint, fingerprint)))
      .limit(1);
    if (!existing) throw error;
    return { ok: false, reason: 'duplicate', existingPurchaseId: existing.id };
  }
}

// Owners and admins delete a purchase recorded by mistake; spend and tier follow.
export async function deletePurchase(db: Database, ctx: TenantContext, purchaseId: string, options: PurchaseOptions = {}): Promise<{ customer: SpendSummary; tierChange: TierChangeResult | null }> {
  requireRole(ctx, 'admin');
  return db.transaction(async (tx) => {
    const { customer, row } = await lockPurchase(tx, ctx.tenantId, purchaseId);
    await tx.delete(purchases).where(and(eq(purchases.tenantId, ctx.tenantId), eq(purchases.id, row.id)));
    await markAnalyticsStale(tx, ctx.tenantId, [row.purchasedOn]);
    // The OCR job that produced it no longer led to a purchase.
    await tx
      .update(ocrJobs)
      .set({ purchaseId: null })
      .where(and(eq(ocrJobs.tenantId, ctx.tenantId), eq(ocrJobs.purchaseId, row.id)));
    const result = await refreshCustomerSpend(tx, ctx.tenantId, customer, options);
    await recordAudit(tx, ctx, { action: 'purchase.deleted', targetType: 'purchase', targetId: row.id, metadata: { customerId: row.customerId, total: row.total, date: row.purchasedOn } });
    return { customer: result.summary, tierChange: result.tierChange };
  });
}
