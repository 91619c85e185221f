import { and, count, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { campaigns, contests } from '@/db/schema';
import { type DayRange, dayStart, addDays, previousRange } from './days';
import { type AnalyticsScope, customerTotals, messageTotals } from './queries';

export interface AnalyticsFigures {
  newCustomers: number;
  messagesIn: number;
  messagesOut: number;
  threads: number;
  // Fractions 0–1; null when there is nothing to divide by.
  responseRate: number | null;
  medianFirstResponseSeconds: number | null;
  noticesSent: number;
  consentRate: number | null;
  optOutRate: number | null;
  optOuts: number;
  // MYR decimal strings, e.g. "45.90".
  revenue: string;
  purchases: number;
  averageSpend: string | null;
}

export interface AnalyticsSummary extends AnalyticsFigures {
  from: string;
  to: string;
  channelId: string | null;
  // The same figures for the period of the same length just before.
  previous: AnalyticsFigures & { from: string; to: string };
}

async function figures(db: Database, s: AnalyticsScope): Promise<AnalyticsFigures> {
  const [m, c] = await Promise.all([messageTotals(db, s), customerTotals(db, s)]);
  return {
    newCustomers: c.newCustomers,
    messagesIn: m.inbound,
    messagesOut: m.outbound,
    threads: m.threads,
    responseRate: m.responseRate,
    medianFirstResponseSeconds: m.medianFirstResponseSeconds,
    noticesSent: c.noticesSent,
    consentRate: c.consentRate,
    optOutRate: c.optOutRate,
    optOuts: c.optOuts,
    revenue: c.revenue,
    purchases: c.purchases,
    averageSpend: c.averageSpend,
  };
}

export async function analyticsSummary(db: Database, s: AnalyticsScope): Promise<AnalyticsSummary> {
  const before = previousRange(s);
  const [current, previous] = await Promise.all([figures(db, s), figures(db, { ...s, ...before })]);
  return { from: s.from, to: s.to, channelId: s.channelId ?? null, ...current, previous: { ...before, ...previous } };
}

export interface RunningCounts {
  campaignsRunning: number;
  contestsRunning: number;
}

// Campaigns and contests running at the end of a range (or now, when the range ends today):
// a campaign from its launch until it completes or is cancelled; a contest between its start
// and end.
export async function runningAt(db: Database, tenantId: string, range: DayRange, now: Date = new Date()): Promise<RunningCounts> {
  const endOfRange = dayStart(addDays(range.to, 1));
  const at = endOfRange < now ? endOfRange : now;
  const [c] = await db
    .select({ n: count() })
    .from(campaigns)
    .where(
      and(
        eq(campaigns.tenantId, tenantId),
        lt(campaigns.launchedAt, at),
        or(isNull(campaigns.completedAt), gt(campaigns.completedAt, at)),
        or(isNull(campaigns.cancelledAt), gt(campaigns.cancelledAt, at)),
        sql`${campaigns.status} <> 'draft'`,
      ),
    );
  const [k] = await db
    .select({ n: count() })
    .from(contests)
    .where(and(eq(contests.tenantId, tenantId), lt(contests.startsAt, at), gt(contests.endsAt, at)));
  return { campaignsRunning: c?.n ?? 0, contestsRunning: k?.n ?? 0 };
}
