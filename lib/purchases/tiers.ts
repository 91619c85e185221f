import { type Tier, tiers } from '@/db/schema';
import { toCents } from './money';
import { tierLabels } from './tier-labels';

// Loyalty tiers: a customer is in the highest tier whose threshold their spend has reached.
// Bronze is the floor (0); the others must rise strictly: Bronze < Silver < Gold < Platinum.

export type TierThresholds = Record<Tier, string>;

// Used when a tenant has no tier_rules rows (provisioning writes these).
export const DEFAULT_TIER_THRESHOLDS: TierThresholds = { bronze: '0.00', silver: '500.00', gold: '2000.00', platinum: '5000.00' };

export function tierRank(tier: Tier): number {
  return tiers.indexOf(tier);
}

// Thresholds from whatever rules are stored; a missing tier takes its default.
export function thresholdsFrom(rows: readonly { tier: Tier; minSpend: string }[]): TierThresholds {
  const thresholds = { ...DEFAULT_TIER_THRESHOLDS };
  for (const row of rows) thresholds[row.tier] = row.minSpend;
  thresholds.bronze = '0.00';
  return thresholds;
}

export function tierForSpend(spend: string, thresholds: TierThresholds): Tier {
  const cents = toCents(spend) ?? 0;
  let reached: Tier = 'bronze';
  for (const tier of tiers) {
    if (cents >= (toCents(thresholds[tier]) ?? Number.POSITIVE_INFINITY)) reached = tier;
  }
  return reached;
}

// The first tier (above Bronze) that does not rise above the one below it, or null.
export function thresholdProblem(thresholds: TierThresholds): { tier: Tier; message: string } | null {
  for (let i = 1; i < tiers.length; i++) {
    const tier = tiers[i]!;
    const below = tiers[i - 1]!;
    const cents = toCents(thresholds[tier]);
    if (cents === null || cents <= (toCents(thresholds[below]) ?? 0)) {
      const label = tierLabels.en;
      return { tier, message: `${label[tier]} must start above ${label[below]} (RM ${thresholds[below]}): tiers must rise Bronze < Silver < Gold < Platinum.` };
    }
  }
  return null;
}

// A Malaysian calendar day moved by whole days.
export function addDays(day: string, days: number): string {
  const at = new Date(`${day}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

// The last 12 months, in Malaysian calendar days: purchases after this day count. Month ends
// are clamped (29 Feb → 28 Feb a year earlier).
export function windowStart(today: string): string {
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(year - 1, month, 0)).getUTCDate();
  return `${year - 1}-${String(month).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}
