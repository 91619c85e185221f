import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { type Tier, customers, purchases, tierChanges } from '@/db/schema';
import { dispatchTriggered, queueTierUpTriggers } from '@/lib/campaigns/triggers';
import { AppError } from '@/lib/errors';
import type { JobClient } from '@/lib/jobs/client';
import { todayInMalaysia } from '@/lib/mykad';
import { averageSpend, formatCents, toCents } from './money';
import { getTierSettings } from './tier-settings';
import { sendTierUpMessage } from './tier-message';
import { tierForSpend, tierRank, windowStart } from './tiers';

// A customer's spend statistics are a function of their purchases, rewritten in the same
// transaction as every purchase change. Consistency under concurrency comes from the order:
// lock the customer's row FIRST, then change purchases, then recompute from the purchases
// table. Two writers for one customer run one after the other, and the second one's
// statements start after the first committed, so its sums see every purchase (recomputing in
// a single UPDATE without the lock would not: PostgreSQL re-checks a waiting UPDATE's row but
// not its subqueries' snapshot).

export async function lockCustomerForPurchases(db: Database, tenantId: string, customerId: string) {
  const [row] = await db
    .select({ id: customers.id, name: customers.name, tier: customers.tier, language: customers.language, consentStatus: customers.consentStatus })
    .from(customers)
    .where(and(eq(customers.tenantId, tenantId), eq(customers.id, customerId)))
    .for('update')
    .limit(1);
  if (!row) throw new AppError('not_found', 'No customer with that id.');
  return row;
}
export type LockedPurchaseCustomer = Awaited<ReturnType<typeof lockCustomerForPurchases>>;

export interface SpendSummary {
  totalSpent: string;
  purchaseCount: number;
  averageSpend: string;
  lastPurchaseAt: string | null;
  tier: Tier;
}

export interface TierChangeResult {
  from: Tier;
  to: Tier;
  spend: string;
  // A tier-up message was queued.
  notified: boolean;
}

// What the customer's row says now (after a replay, nothing was recomputed).
export async function spendSummary(db: Database, tenantId: string, customerId: string): Promise<SpendSummary> {
  const [row] = await db
    .select({ totalSpent: customers.totalSpent, purchaseCount: customers.purchaseCount, lastPurchaseAt: customers.lastPurchaseAt, tier: customers.tier })
    .from(customers)
    .where(and(eq(customers.tenantId, tenantId), eq(customers.id, customerId)))
    .limit(1);
  if (!row) throw new AppError('not_found', 'No customer with that id.');
  return { ...row, averageSpend: averageSpend(row.totalSpent, row.purchaseCount), lastPurchaseAt: row.lastPurchaseAt?.toISOString() ?? null };
}

// The day a purchase was made, as the moment that day began in Malaysia.
const lastPurchaseDay = sql`(max(${purchases.purchasedOn})::text || 'T00:00:00+08:00')::timestamptz`;

// Rewrites the customers' statistics from their purchases in one statement. The caller holds
// their row locks (see the top of this file).
export async function recomputeSpendStats(tx: Database, tenantId: string, customerIds: readonly string[], now: Date) {
  if (customerIds.length === 0) return [];
  const totals = tx
    .select({
      id: sql`${customers.id}`.as('customer_id'),
      total: sql`coalesce(sum(${purchases.total}), 0)`.as('total'),
      count: sql`count(${purchases.id})::int`.as('count'),
      last: lastPurchaseDay.as('last'),
    })
    .from(customers)
    .leftJoin(purchases, and(eq(purchases.tenantId, customers.tenantId), eq(purchases.customerId, customers.id)))
    .where(and(eq(customers.tenantId, tenantId), inArray(customers.id, [...customerIds])))
    .groupBy(customers.id)
    .as('totals');
  return tx
    .update(customers)
    .set({ totalSpent: sql`${totals.total}`, purchaseCount: sql`${totals.count}`, lastPurchaseAt: sql`${totals.last}`, updatedAt: now })
    .from(totals)
    .where(and(eq(customers.tenantId, tenantId), eq(customers.id, totals.id)))
    .returning({ id: customers.id, totalSpent: customers.totalSpent, purchaseCount: customers.purchaseCount, lastPurchaseAt: customers.lastPurchaseAt });
}

// Recomputes the locked customer's statistics and tier from their purchases; a tier change is
// written to tier_changes, and a move up may be told to the customer (tier-message.ts) and
// starts the tenant's tier-up campaigns (lib/campaigns/triggers).
export async function refreshCustomerSpend(
  tx: Database,
  tenantId: string,
  customer: LockedPurchaseCustomer,
  options: { now?: Date; jobs?: JobClient } = {},
): Promise<{ summary: SpendSummary; tierChange: TierChangeResult | null }> {
  const now = options.now ?? new Date();
  const ofCustomer = and(eq(purchases.tenantId, tenantId), eq(purchases.customerId, customer.id));
  const [stats] = await recomputeSpendStats(tx, tenantId, [customer.id], now);
  if (!stats) throw new Error('customer stats update returned nothing');

  const settings = await getTierSettings(tx, tenantId);
  let spend = stats.totalSpent;
  if (settings.basis === 'last_12_months') {
    const [recent] = await tx
      .select({ spend: sql<string>`coalesce(sum(${purchases.total}), 0)::numeric(12,2)::text` })
      .from(purchases)
      .where(and(ofCustomer, gt(purchases.purchasedOn, windowStart(todayInMalaysia(now)))));
    spend = recent?.spend ?? '0.00';
  }
  const tier = tierForSpend(spend, settings.thresholds);
  const summary: SpendSummary = {
    totalSpent: stats.totalSpent,
    purchaseCount: stats.purchaseCount,
    averageSpend: averageSpend(stats.totalSpent, stats.purchaseCount),
    lastPurchaseAt: stats.lastPurchaseAt?.toISOString() ?? null,
    tier,
  };
  if (tier === customer.tier) return { summary, tierChange: null };

  await tx
    .update(customers)
    .set({ tier })
    .where(and(eq(customers.tenantId, tenantId), eq(customers.id, customer.id)));
  const up = tierRank(tier) > tierRank(customer.tier);
  const notified = up && settings.tierUpMessage ? await sendTierUpMessage(tx, tenantId, { ...customer, tier, spend }, { now, jobs: options.jobs }) : false;
  await tx.insert(tierChanges).values({ tenantId, customerId: customer.id, fromTier: customer.tier, toTier: tier, spend, notified, createdAt: now });
  // Automated tier-up campaigns, queued and started in this transaction.
  if (up) await dispatchTriggered(tx, tenantId, await queueTierUpTriggers(tx, tenantId, customer.id, tier, now), options.jobs);
  return { summary, tierChange: { from: customer.tier, to: tier, spend: formatCents(toCents(spend) ?? 0), notified } };
}
