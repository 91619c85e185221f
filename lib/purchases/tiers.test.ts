import { describe, expect, it } from 'vitest';
import { DEFAULT_TIER_THRESHOLDS, addDays, thresholdProblem, thresholdsFrom, tierForSpend, windowStart } from './tiers';

describe('tierForSpend', () => {
  it('is the highest tier whose threshold the spend has reached (defaults 0 / 500 / 2,000 / 5,000)', () => {
    const t = DEFAULT_TIER_THRESHOLDS;
    expect(tierForSpend('0.00', t)).toBe('bronze');
    expect(tierForSpend('499.99', t)).toBe('bronze');
    expect(tierForSpend('500.00', t)).toBe('silver');
    expect(tierForSpend('1999.99', t)).toBe('silver');
    expect(tierForSpend('2000', t)).toBe('gold');
    expect(tierForSpend('5000.00', t)).toBe('platinum');
    expect(tierForSpend('999999.00', t)).toBe('platinum');
  });

  it("follows the tenant's thresholds, defaults for tiers without a rule, Bronze always from 0", () => {
    const t = thresholdsFrom([
      { tier: 'silver', minSpend: '100.00' },
      { tier: 'bronze', minSpend: '50.00' },
    ]);
    expect(t).toEqual({ bronze: '0.00', silver: '100.00', gold: '2000.00', platinum: '5000.00' });
    expect(tierForSpend('10.00', t)).toBe('bronze');
    expect(tierForSpend('100.00', t)).toBe('silver');
  });
});

describe('thresholdProblem', () => {
  it('accepts thresholds that rise strictly', () => {
    expect(thresholdProblem(DEFAULT_TIER_THRESHOLDS)).toBeNull();
  });

  it('names the first tier that does not rise above the one below', () => {
    expect(thresholdProblem({ bronze: '0.00', silver: '500.00', gold: '500.00', platinum: '5000.00' })).toEqual({
      tier: 'gold',
      message: 'Gold must start above Silver (RM 500.00): tiers must rise Bronze < Silver < Gold < Platinum.',
    });
    expect(thresholdProblem({ bronze: '0.00', silver: '0.00', gold: '2000.00', platinum: '5000.00' })?.tier).toBe('silver');
    expect(thresholdProblem({ bronze: '0.00', silver: '500.00', gold: '2000.00', platinum: '1500.00' })?.tier).toBe('platinum');
  });
});

describe('the last-12-months window', () => {
  it('counts purchases after the same day a year earlier, clamping month ends', () => {
    expect(windowStart('2026-06-16')).toBe('2025-06-16');
    expect(windowStart('2028-02-29')).toBe('2027-02-28');
    expect(windowStart('2026-01-01')).toBe('2025-01-01');
  });

  it('moves days across months and years', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });
});
