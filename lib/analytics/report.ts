import { and, asc, between, desc, eq, isNotNull, lte, or, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { analyticsCampaignFunnels, analyticsContestDays, analyticsMerchantDays, analyticsSnapshots, analyticsState, campaigns, contests } from '@/db/schema';
import { malaysianStates } from '@/lib/mykad/places';
import { addDays, dayStart } from './days';
import { AGE_BANDS, ENGAGEMENT_BANDS, GENDERS, MARITAL_STATUSES, TIERS } from './dimensions';
import { type AnalyticsScope, type CustomerDay, type CustomerTotals, type MessageDay, type MessageTotals, customerDays, customerTotals, messageDays, messageTotals } from './queries';
import { contestEntryDays } from './timeseries';

export interface Distribution {
  key: string;
  label: string;
  customers: number;
}

export interface LifetimeValue {
  key: string;
  label: string;
  customers: number;
  // MYR decimal strings: the group's recorded spend, and per customer.
  spend: string;
  averageValue: string | null;
}

export interface CampaignFunnel {
  id: string;
  name: string;
  status: string;
  recipients: number;
  sent: number;
  delivered: number;
  read: number;
  clicked: number;
  converted: number;
}

export interface AnalyticsReport {
  scope: { from: string; to: string; channelId: string | null };
  refreshedAt: string | null;
  snapshotAt: string | null;
  messages: MessageDay[];
  messageTotals: MessageTotals;
  customers: CustomerDay[];
  customerTotals: CustomerTotals;
  engagement: Distribution[];
  demographics: { age: Distribution[]; gender: Distribution[]; state: Distribution[]; marital: Distribution[]; tier: Distribution[] };
  topMerchants: { merchant: string; purchases: number; revenue: string }[];
  lifetimeValueByTier: LifetimeValue[];
  lifetimeValueByMonth: LifetimeValue[];
  campaigns: CampaignFunnel[];
  contestDays: { day: string; entries: number }[];
  contests: { id: string; name: string; entries: number }[];
}

const TOP_MERCHANTS = 10;
// The funnels side by side: the most recently launched campaigns of the range.
const CAMPAIGNS_SHOWN = 5;
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const genderLabels: Record<string, string> = { F: 'Female', M: 'Male', NB: 'Non-binary', unknown: 'Unknown' };

// Everything the analytics page shows for one range: rollups and snapshots only.
export async function analyticsReport(db: Database, s: AnalyticsScope): Promise<AnalyticsReport> {
  const [messages, customers, snapshot, topMerchants, funnels, contestDays, perContest, [state]] = await Promise.all([
    messageDays(db, s),
    customerDays(db, s),
    db.select().from(analyticsSnapshots).where(eq(analyticsSnapshots.tenantId, s.tenantId)),
    merchants(db, s),
    campaignFunnels(db, s),
    contestEntryDays(db, s),
    contestTotals(db, s),
    db.select().from(analyticsState).where(eq(analyticsState.tenantId, s.tenantId)),
  ]);
  const [mTotals, cTotals] = await Promise.all([messageTotals(db, s, messages), customerTotals(db, s, customers)]);
  const rows = (dimension: string) => new Map(snapshot.filter((r) => r.dimension === dimension).map((r) => [r.key, r]));
  const dist = (dimension: string, keys: readonly string[], label: (k: string) => string): Distribution[] => {
    const m = rows(dimension);
    return keys.map((key) => ({ key, label: label(key), customers: m.get(key)?.customers ?? 0 }));
  };
  const value = (dimension: string, keys: readonly string[], label: (k: string) => string): LifetimeValue[] => {
    const m = rows(dimension);
    return keys.map((key) => {
      const r = m.get(key);
      const customers = r?.customers ?? 0;
      return { key, label: label(key), customers, spend: r?.spend ?? '0.00', averageValue: r && customers > 0 ? perCustomer(r.spend, customers) : null };
    });
  };
  const months = [...rows('acquisition_month').keys()].sort().slice(-12);
  return {
    scope: { from: s.from, to: s.to, channelId: s.channelId ?? null },
    refreshedAt: state?.refreshedAt?.toISOString() ?? null,
    snapshotAt: state?.snapshotAt?.toISOString() ?? null,
    messages,
    messageTotals: mTotals,
    customers,
    customerTotals: cTotals,
    engagement: dist('engagement', ENGAGEMENT_BANDS, (k) => k),
    demographics: {
      age: dist('age', AGE_BANDS, capitalise),
      gender: dist('gender', GENDERS, (k) => genderLabels[k] ?? k),
      state: dist('state', [...malaysianStates.map((st) => st.code), 'unknown'], (k) => malaysianStates.find((st) => st.code === k)?.name ?? 'Unknown'),
      marital: dist('marital', MARITAL_STATUSES, capitalise),
      tier: dist('tier', TIERS, capitalise),
    },
    topMerchants,
    lifetimeValueByTier: value('tier', TIERS, capitalise),
    lifetimeValueByMonth: value('acquisition_month', months, (k) => k),
    campaigns: funnels,
    contestDays,
    contests: perContest,
  };
}

// Spend / customers to the sen, from decimal strings (no floating point on money).
function perCustomer(spend: string, customers: number): string {
  const sen = BigInt(spend.replace('.', ''));
  const n = BigInt(customers);
  const rounded = (sen * 2n + n) / (2n * n);
  const text = rounded.toString().padStart(3, '0');
  return `${text.slice(0, -2)}.${text.slice(-2)}`;
}

async function merchants(db: Database, s: AnalyticsScope) {
  const t = analyticsMerchantDays;
  return db
    .select({ merchant: sql<string>`min(${t.merchant})`, purchases: sql<number>`sum(${t.purchases})::int`, revenue: sql<string>`sum(${t.revenue})::numeric(14, 2)::text` })
    .from(t)
    .where(and(eq(t.tenantId, s.tenantId), between(t.day, s.from, s.to)))
    .groupBy(sql`lower(${t.merchant})`)
    .orderBy(desc(sql`sum(${t.revenue})`), asc(sql`lower(${t.merchant})`))
    .limit(TOP_MERCHANTS);
}

// Campaigns launched before the range ended that were still going at its start.
async function campaignFunnels(db: Database, s: AnalyticsScope): Promise<CampaignFunnel[]> {
  const start = dayStart(s.from);
  const end = dayStart(addDays(s.to, 1));
  const f = analyticsCampaignFunnels;
  return db
    .select({ id: campaigns.id, name: campaigns.name, status: campaigns.status, recipients: f.recipients, sent: f.sent, delivered: f.delivered, read: f.read, clicked: f.clicked, converted: f.converted })
    .from(campaigns)
    .innerJoin(f, and(eq(f.tenantId, s.tenantId), eq(f.campaignId, campaigns.id)))
    .where(
      and(
        eq(campaigns.tenantId, s.tenantId),
        isNotNull(campaigns.launchedAt),
        lte(campaigns.launchedAt, end),
        or(sql`coalesce(${campaigns.completedAt}, ${campaigns.cancelledAt}) is null`, sql`coalesce(${campaigns.completedAt}, ${campaigns.cancelledAt}) >= ${start.toISOString()}::timestamptz`),
        s.channelId ? eq(campaigns.channelId, s.channelId) : undefined,
      ),
    )
    .orderBy(desc(campaigns.launchedAt))
    .limit(CAMPAIGNS_SHOWN);
}

async function contestTotals(db: Database, s: AnalyticsScope) {
  const t = analyticsContestDays;
  return db
    .select({ id: contests.id, name: contests.name, entries: sql<number>`sum(${t.entries})::int` })
    .from(t)
    .innerJoin(contests, and(eq(contests.tenantId, s.tenantId), eq(contests.id, t.contestId)))
    .where(and(eq(t.tenantId, s.tenantId), between(t.day, s.from, s.to)))
    .groupBy(contests.id, contests.name)
    .orderBy(desc(sql`sum(${t.entries})`));
}
