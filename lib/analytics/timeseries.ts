import { and, between, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { analyticsContestDays } from '@/db/schema';
import { eachDay } from './days';
import { type AnalyticsScope, type CustomerDay, type MessageDay, customerDays, messageDays } from './queries';
import type { TimeseriesMetric } from './schema';

export type SeriesValue = number | string | null;

const fromMessages: Partial<Record<TimeseriesMetric, (d: MessageDay) => SeriesValue>> = {
  messagesIn: (d) => d.inbound,
  messagesOut: (d) => d.outbound,
  responseRate: (d) => d.responseRate,
  medianFirstResponseSeconds: (d) => d.medianFirstResponseSeconds,
};

const fromCustomers: Partial<Record<TimeseriesMetric, (d: CustomerDay) => SeriesValue>> = {
  newCustomers: (d) => d.newCustomers,
  noticesSent: (d) => d.noticesSent,
  optOuts: (d) => d.optOuts,
  consentRate: (d) => d.consentRate,
  optOutRate: (d) => d.optOutRate,
  purchases: (d) => d.purchases,
  revenue: (d) => d.revenue,
  averageSpend: (d) => (d.purchases > 0 ? (Math.round((Number(d.revenue) * 100) / d.purchases) / 100).toFixed(2) : null),
};

// Valid contest entries per day (all contests).
export async function contestEntryDays(db: Database, s: AnalyticsScope): Promise<{ day: string; entries: number }[]> {
  const rows = await db
    .select({ day: analyticsContestDays.day, entries: sql<number>`sum(${analyticsContestDays.entries})::int` })
    .from(analyticsContestDays)
    .where(and(eq(analyticsContestDays.tenantId, s.tenantId), between(analyticsContestDays.day, s.from, s.to)))
    .groupBy(analyticsContestDays.day);
  const byDay = new Map(rows.map((r) => [r.day, r.entries]));
  return eachDay(s.from, s.to).map((day) => ({ day, entries: byDay.get(day) ?? 0 }));
}

// One metric per Malaysian day, every day of the range present.
export async function analyticsTimeseries(db: Database, s: AnalyticsScope, metric: TimeseriesMetric): Promise<{ day: string; value: SeriesValue }[]> {
  const m = fromMessages[metric];
  if (m) return (await messageDays(db, s)).map((d) => ({ day: d.day, value: m(d) }));
  const c = fromCustomers[metric];
  if (c) return (await customerDays(db, s)).map((d) => ({ day: d.day, value: c(d) }));
  return (await contestEntryDays(db, s)).map((d) => ({ day: d.day, value: d.entries }));
}
