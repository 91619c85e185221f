import { sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { tenantSettings, tierRules, tiers } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { requireRole } from '@/lib/members/members';
import type { TenantContext } from '@/lib/tenants/context';
import { recomputeTiers } from './tier-recompute';
import { type TierSettingsInput, getTierSettings, tierSettingsSchema } from './tier-settings';

// Settings → Tiers (owners and admins): thresholds, basis and the tier-up message, then every
// customer's tier recomputed under the new rules in the same transaction.
export async function saveTierSettings(db: Database, ctx: TenantContext, raw: TierSettingsInput, options: { now?: Date } = {}): Promise<{ changed: number }> {
  requireRole(ctx, 'admin');
  const input = tierSettingsSchema.parse(raw);
  const now = options.now ?? new Date();
  const thresholds = { bronze: '0.00', silver: input.silver, gold: input.gold, platinum: input.platinum };
  return db.transaction(async (tx) => {
    const before = await getTierSettings(tx, ctx.tenantId);
    const settings = { tierBasis: input.basis, tierUpMessage: input.tierUpMessage };
    await tx
      .insert(tenantSettings)
      .values({ tenantId: ctx.tenantId, brandName: ctx.tenantName, ...settings })
      .onConflictDoUpdate({ target: tenantSettings.tenantId, set: { ...settings, updatedAt: now } });
    await tx
      .insert(tierRules)
      .values(tiers.map((tier) => ({ tenantId: ctx.tenantId, tier, minSpend: thresholds[tier] })))
      .onConflictDoUpdate({ target: [tierRules.tenantId, tierRules.tier], set: { minSpend: sql`excluded.min_spend` } });
    const changed = await recomputeTiers(tx, ctx.tenantId, { now, scope: 'all' });
    await recordAudit(tx, ctx, {
      action: 'tier_settings.updated',
      targetType: 'tenant_settings',
      targetId: ctx.tenantId,
      metadata: { before: { ...before.thresholds, basis: before.basis, tierUpMessage: before.tierUpMessage }, after: { ...thresholds, ...settings }, tiersChanged: changed },
    });
    return { changed };
  });
}
