import { and, asc, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Database } from '@/db';
import { customers, purchases, tierChanges } from '@/db/schema';
import { localJobClient } from '@/lib/jobs/local-driver';
import { todayInMalaysia } from '@/lib/mykad';
import type { TenantContext } from '@/lib/tenants/context';
import { formatCents, toCents } from './money';
import { type RecordPurchaseResult, recordPurchase } from './record';
import { addDays } from './tiers';

export const today = () => todayInMalaysia();
export const daysAgo = (days: number) => addDays(todayInMalaysia(), -days);

// A purchase recorded through the one code path, with jobs in the jobs table.
export function buy(db: Database, ctx: Pick<TenantContext, 'tenantId' | 'userId'>, customerId: string, input: Partial<Parameters<typeof recordPurchase>[2]> = {}) {
  return recordPurchase(db, ctx, { customerId, date: today(), total: '10.00', source: 'manual', ...input }, { jobs: localJobClient });
}

export function expectRecorded(result: RecordPurchaseResult) {
  if (!result.ok) throw new Error(`expected a purchase, got a duplicate of ${result.existingPurchaseId}`);
  return result;
}

export async function customerRow(db: Database, ctx: Pick<TenantContext, 'tenantId'>, customerId: string) {
  const [row] = await db.select().from(customers).where(and(eq(customers.tenantId, ctx.tenantId), eq(customers.id, customerId)));
  if (!row) throw new Error('no such customer');
  return row;
}

export async function tierHistory(db: Database, ctx: Pick<TenantContext, 'tenantId'>, customerId: string) {
  const rows = await db
    .select()
    .from(tierChanges)
    .where(and(eq(tierChanges.tenantId, ctx.tenantId), eq(tierChanges.customerId, customerId)))
    .orderBy(asc(tierChanges.createdAt), asc(tierChanges.id));
  return rows.map((r) => [r.fromTier, r.toTier, r.spend]);
}

// The customer's stored statistics equal what their purchases add up to.
export async function expectStatsMatchPurchases(db: Database, ctx: Pick<TenantContext, 'tenantId'>, customerId: string): Promise<void> {
  const rows = await db.select().from(purchases).where(and(eq(purchases.tenantId, ctx.tenantId), eq(purchases.customerId, customerId)));
  const customer = await customerRow(db, ctx, customerId);
  const latest = rows.map((r) => r.purchasedOn).sort().at(-1);
  expect({ totalSpent: customer.totalSpent, purchaseCount: customer.purchaseCount, lastPurchaseAt: customer.lastPurchaseAt?.toISOString() ?? null }).toEqual({
    totalSpent: formatCents(rows.reduce((sum, r) => sum + (toCents(r.total) ?? 0), 0)),
    purchaseCount: rows.length,
    lastPurchaseAt: latest ? new Date(`${latest}T00:00:00+08:00`).toISOString() : null,
  });
}
