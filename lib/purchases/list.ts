import { and, desc, eq, lt, or } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db';
import { type Purchase, type TierChange, purchases, tierChanges } from '@/db/schema';
import { getCustomer } from '@/lib/customers/customers';
import { AppError } from '@/lib/errors';
import type { TenantContext } from '@/lib/tenants/context';

// A purchase as the API and the dashboard show it (money as "45.90", dates ISO).
export function purchaseJson(row: Purchase) {
  return {
    id: row.id,
    customerId: row.customerId,
    source: row.source,
    date: row.purchasedOn,
    merchant: row.merchant,
    total: row.total,
    currency: row.currency,
    tax: row.tax,
    rounding: row.rounding,
    items: row.items.map((i) => ({ name: i.name, quantity: i.quantity, amount: i.amount })),
    receiptNumber: row.receiptNumber,
    paymentMethod: row.paymentMethod,
    receiptMediaId: row.receiptMediaId,
    ocrJobId: row.ocrJobId,
    confidence: row.confidence,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type PurchaseJson = ReturnType<typeof purchaseJson>;

export async function getPurchase(db: Database, ctx: Pick<TenantContext, 'tenantId'>, id: string): Promise<Purchase> {
  const [row] = await db
    .select()
    .from(purchases)
    .where(and(eq(purchases.tenantId, ctx.tenantId), eq(purchases.id, id)))
    .limit(1);
  if (!row) throw new AppError('not_found', 'No purchase with that id.');
  return row;
}

// Purchases list newest receipt day first, then newest recorded: the cursor is all three keys.
interface PurchaseCursor {
  date: string;
  createdAt: Date;
  id: string;
}

export function encodePurchaseCursor(row: Pick<Purchase, 'purchasedOn' | 'createdAt' | 'id'>): string {
  return Buffer.from(JSON.stringify([row.purchasedOn, row.createdAt.toISOString(), row.id])).toString('base64url');
}

export function decodePurchaseCursor(raw: string | undefined): PurchaseCursor | null {
  if (!raw) return null;
  try {
    const [date, createdAt, id] = z.tuple([z.iso.date(), z.iso.datetime(), z.uuid()]).parse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
    return { date, createdAt: new Date(createdAt), id };
  } catch {
    throw AppError.field('validation', 'cursor', 'The cursor is not one this API returned.');
  }
}

// A customer's purchases; 404 for another tenant's customer. Fetch limit + 1 to learn
// whether there is a next page.
export async function listCustomerPurchases(db: Database, ctx: TenantContext, customerId: string, paging: { limit: number; after?: PurchaseCursor | null }): Promise<Purchase[]> {
  await getCustomer(db, ctx, customerId);
  const after = paging.after;
  const beyond = after
    ? or(
        lt(purchases.purchasedOn, after.date),
        and(eq(purchases.purchasedOn, after.date), lt(purchases.createdAt, after.createdAt)),
        and(eq(purchases.purchasedOn, after.date), eq(purchases.createdAt, after.createdAt), lt(purchases.id, after.id)),
      )
    : undefined;
  return db
    .select()
    .from(purchases)
    .where(and(eq(purchases.tenantId, ctx.tenantId), eq(purchases.customerId, customerId), beyond))
    .orderBy(desc(purchases.purchasedOn), desc(purchases.createdAt), desc(purchases.id))
    .limit(paging.limit);
}

export function tierChangeJson(row: TierChange) {
  return { id: row.id, from: row.fromTier, to: row.toTier, spend: row.spend, notified: row.notified, createdAt: row.createdAt.toISOString() };
}

// The customer's tier history, newest first.
export async function listTierChanges(db: Database, ctx: Pick<TenantContext, 'tenantId'>, customerId: string, limit = 50): Promise<TierChange[]> {
  return db
    .select()
    .from(tierChanges)
    .where(and(eq(tierChanges.tenantId, ctx.tenantId), eq(tierChanges.customerId, customerId)))
    .orderBy(desc(tierChanges.createdAt), desc(tierChanges.id))
    .limit(limit);
}
