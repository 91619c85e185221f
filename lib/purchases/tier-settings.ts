import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db';
import { type Tier, customers, tenantSettings, tierRules, tiers } from '@/db/schema';
import { moneySchema } from './money';
import { DEFAULT_TIER_THRESHOLDS, type TierThresholds, thresholdProblem, thresholdsFrom } from './tiers';

export const tierBases = tenantSettings.tierBasis.enumValues;
export type TierBasis = (typeof tierBases)[number];

export interface TierSettings {
  thresholds: TierThresholds;
  basis: TierBasis;
  tierUpMessage: boolean;
}

// The tenant's tier rules; defaults for what provisioning has not written (yet).
export async function getTierSettings(db: Database, tenantId: string): Promise<TierSettings> {
  const [rules, [settings]] = await Promise.all([
    db.select({ tier: tierRules.tier, minSpend: tierRules.minSpend }).from(tierRules).where(eq(tierRules.tenantId, tenantId)),
    db.select({ basis: tenantSettings.tierBasis, tierUpMessage: tenantSettings.tierUpMessage }).from(tenantSettings).where(eq(tenantSettings.tenantId, tenantId)).limit(1),
  ]);
  return { thresholds: thresholdsFrom(rules), basis: settings?.basis ?? 'lifetime', tierUpMessage: settings?.tierUpMessage ?? false };
}

// How many of the tenant's customers are in each tier (Settings → Tiers).
export async function customersPerTier(db: Database, tenantId: string): Promise<Record<Tier, number>> {
  const rows = await db
    .select({ tier: customers.tier, n: sql<number>`count(*)::int` })
    .from(customers)
    .where(eq(customers.tenantId, tenantId))
    .groupBy(customers.tier);
  const counts = Object.fromEntries(tiers.map((t) => [t, 0])) as Record<Tier, number>;
  for (const row of rows) counts[row.tier] = row.n;
  return counts;
}

// Provisioning: the default thresholds, unless the tenant already has rules.
export async function ensureDefaultTierRules(db: Database, tenantId: string): Promise<void> {
  await db
    .insert(tierRules)
    .values(tiers.map((tier) => ({ tenantId, tier, minSpend: DEFAULT_TIER_THRESHOLDS[tier] })))
    .onConflictDoNothing();
}

const threshold = (label: string) => moneySchema({ minCents: 1, maxCents: 100_000_000_00, label: `${label} threshold` });

// Settings → Tiers (form fields arrive as strings; a checkbox is "on" or absent).
export const tierSettingsSchema = z
  .object({
    silver: threshold('Silver'),
    gold: threshold('Gold'),
    platinum: threshold('Platinum'),
    basis: z.enum(tierBases, { error: 'Choose lifetime or the last 12 months.' }),
    tierUpMessage: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean()),
  })
  .superRefine((input, ctx) => {
    const problem = thresholdProblem({ bronze: '0.00', silver: input.silver, gold: input.gold, platinum: input.platinum });
    if (problem) ctx.addIssue({ code: 'custom', path: [problem.tier], message: problem.message });
  });
export type TierSettingsInput = z.input<typeof tierSettingsSchema>;
