import { sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { customers, purchases, tierChanges } from '@/db/schema';
import { todayInMalaysia } from '@/lib/mykad';
import { getTierSettings } from './tier-settings';
import { addDays, windowStart } from './tiers';

// Which customers to look at:
// - 'all': every customer of the tenant (new thresholds or basis);
// - 'window_expired': on the last-12-months basis, customers above Bronze who had a purchase
//   leave the window lately (the daily job). Time alone can only lower a tier, and a missed
//   run or two is caught up because the band reaches back a month;
// - { customerIds }: these customers (after an import added their purchases).
export type RecomputeScope = 'all' | 'window_expired' | { customerIds: readonly string[] };

const CATCH_UP_DAYS = 31;

// Recomputes tiers set-based: one statement locks the chosen customers' rows (so a purchase
// being recorded for one of them finishes first, and our sums see it), one UPDATE sets the new
// tiers and writes a tier_changes row per customer whose tier changed. No tier-up messages:
// a change of rules is not a customer's achievement. Answers how many tiers changed.
export async function recomputeTiers(db: Database, tenantId: string, options: { now: Date; scope: RecomputeScope }): Promise<number> {
  return db.transaction(async (tx) => {
    const settings = await getTierSettings(tx, tenantId);
    if (options.scope === 'window_expired' && settings.basis !== 'last_12_months') return 0;
    const since = windowStart(todayInMalaysia(options.now));
    const scope = options.scope;
    if (typeof scope === 'object' && scope.customerIds.length === 0) return 0;
    const chosen =
      scope === 'all'
        ? sql`c.tenant_id = ${tenantId}`
        : scope === 'window_expired'
          ? sql`c.tenant_id = ${tenantId} and c.tier <> 'bronze' and exists (
              select 1 from ${purchases} p where p.tenant_id = ${tenantId} and p.customer_id = c.id
                and p.purchased_on > ${addDays(since, -CATCH_UP_DAYS)} and p.purchased_on <= ${since})`
          : sql`c.tenant_id = ${tenantId} and c.id in (${sql.join(
              scope.customerIds.map((id) => sql`${id}::uuid`),
              sql`, `,
            )})`;
    const spend =
      settings.basis === 'lifetime'
        ? sql`c.total_spent`
        : sql`coalesce((select sum(p.total) from ${purchases} p where p.tenant_id = ${tenantId} and p.customer_id = c.id and p.purchased_on > ${since}), 0)`;
    const { silver, gold, platinum } = settings.thresholds;

    await tx.execute(sql`select count(*) from (select 1 from ${customers} c where ${chosen} order by c.id for update of c) locked`);
    const decided = tx.$with('decided', { id: sql<string>`id` }).as(sql`
      select c.id, c.tier as old_tier, s.spend,
        case when s.spend >= ${platinum}::numeric then 'platinum' when s.spend >= ${gold}::numeric then 'gold'
             when s.spend >= ${silver}::numeric then 'silver' else 'bronze' end as tier
      from ${customers} c cross join lateral (select (${spend})::numeric(12,2) as spend) s
      where ${chosen}`);
    const updated = tx.$with('updated', { id: sql<string>`id` }).as(sql`
      update ${customers} c set tier = d.tier, updated_at = ${options.now.toISOString()}::timestamptz
      from decided d where c.tenant_id = ${tenantId} and c.id = d.id and c.tier <> d.tier
      returning c.id, d.old_tier, d.tier, d.spend`);
    const written = tx.$with('written', { id: sql<string>`id` }).as(sql`
      insert into ${tierChanges} (tenant_id, customer_id, from_tier, to_tier, spend, created_at)
      select ${tenantId}::uuid, id, old_tier, tier, spend, ${options.now.toISOString()}::timestamptz from updated
      returning id`);
    const [row] = await tx.with(decided, updated, written).select({ changed: sql<number>`count(*)::int` }).from(written);
    return row?.changed ?? 0;
  });
}
