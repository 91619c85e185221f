import { and, asc, between, eq, lte, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { analyticsDays, analyticsMessageDays, analyticsResponseTimes } from '@/db/schema';
import { type DayRange, eachDay } from './days';
import { medianFromBuckets } from './response-buckets';

// Reads of the daily rollups shared by the summary, the time series and the analytics page.
// Every read names the tenant; the channel (optional) narrows the message figures only.

export interface AnalyticsScope extends DayRange {
  tenantId: string;
  channelId?: string | null;
}

export interface MessageDay {
  day: string;
  inbound: number;
  outbound: number;
  threads: number;
  answered: number;
  // Answered threads / threads; null on a day without threads.
  responseRate: number | null;
  medianFirstResponseSeconds: number | null;
}

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

export async function messageDays(db: Database, s: AnalyticsScope): Promise<MessageDay[]> {
  const channel = s.channelId ? eq(analyticsMessageDays.channelId, s.channelId) : undefined;
  const rows = await db
    .select({
      day: analyticsMessageDays.day,
      inbound: sql<number>`sum(${analyticsMessageDays.messagesIn})::int`,
      outbound: sql<number>`sum(${analyticsMessageDays.messagesOut})::int`,
      threads: sql<number>`sum(${analyticsMessageDays.threads})::int`,
      answered: sql<number>`sum(${analyticsMessageDays.threadsAnswered})::int`,
    })
    .from(analyticsMessageDays)
    .where(and(eq(analyticsMessageDays.tenantId, s.tenantId), between(analyticsMessageDays.day, s.from, s.to), channel))
    .groupBy(analyticsMessageDays.day);
  const buckets = await responseBuckets(db, s);
  const byDay = new Map(rows.map((r) => [r.day, r]));
  return eachDay(s.from, s.to).map((day) => {
    const r = byDay.get(day) ?? { inbound: 0, outbound: 0, threads: 0, answered: 0 };
    return {
      day,
      inbound: r.inbound,
      outbound: r.outbound,
      threads: r.threads,
      answered: r.answered,
      responseRate: ratio(r.answered, r.threads),
      medianFirstResponseSeconds: medianFromBuckets(buckets.byDay.get(day) ?? new Map()),
    };
  });
}

interface Buckets {
  byDay: Map<string, Map<number, number>>;
  total: Map<number, number>;
}

async function responseBuckets(db: Database, s: AnalyticsScope): Promise<Buckets> {
  const channel = s.channelId ? eq(analyticsResponseTimes.channelId, s.channelId) : undefined;
  const rows = await db
    .select({ day: analyticsResponseTimes.day, bucket: analyticsResponseTimes.bucket, threads: sql<number>`sum(${analyticsResponseTimes.threads})::int` })
    .from(analyticsResponseTimes)
    .where(and(eq(analyticsResponseTimes.tenantId, s.tenantId), between(analyticsResponseTimes.day, s.from, s.to), channel))
    .groupBy(analyticsResponseTimes.day, analyticsResponseTimes.bucket);
  const result: Buckets = { byDay: new Map(), total: new Map() };
  for (const r of rows) {
    const day = result.byDay.get(r.day) ?? new Map<number, number>();
    day.set(r.bucket, (day.get(r.bucket) ?? 0) + r.threads);
    result.byDay.set(r.day, day);
    result.total.set(r.bucket, (result.total.get(r.bucket) ?? 0) + r.threads);
  }
  return result;
}

export type MessageTotals = Omit<MessageDay, 'day'>;

export async function messageTotals(db: Database, s: AnalyticsScope, days?: readonly MessageDay[]): Promise<MessageTotals> {
  const list = days ?? (await messageDays(db, s));
  const sum = (k: 'inbound' | 'outbound' | 'threads' | 'answered') => list.reduce((n, d) => n + d[k], 0);
  const buckets = await responseBuckets(db, s);
  return {
    inbound: sum('inbound'),
    outbound: sum('outbound'),
    threads: sum('threads'),
    answered: sum('answered'),
    responseRate: ratio(sum('answered'), sum('threads')),
    medianFirstResponseSeconds: medianFromBuckets(buckets.total),
  };
}

export interface CustomerDay {
  day: string;
  newCustomers: number;
  noticesSent: number;
  consentAnswers: number;
  consentAnswersGranted: number;
  optOuts: number;
  purchases: number;
  // Decimal string, two places.
  revenue: string;
  // As at the end of the day: customers so far, and the shares granted / withdrawn.
  customers: number;
  consentRate: number | null;
  optOutRate: number | null;
}

// Per day, with the running totals of customers and consent (summed from the tenant's first day).
export async function customerDays(db: Database, s: AnalyticsScope): Promise<CustomerDay[]> {
  const d = analyticsDays;
  const rows = await db
    .select({
      day: d.day,
      newCustomers: d.newCustomers,
      noticesSent: d.noticesSent,
      consentAnswers: d.consentAnswers,
      consentAnswersGranted: d.consentAnswersGranted,
      optOuts: d.optOuts,
      purchases: d.purchases,
      revenue: sql<string>`${d.revenue}::text`,
      customers: sql<number>`(sum(${d.newCustomers}) over (order by ${d.day}))::int`,
      granted: sql<number>`(sum(${d.grantedNet}) over (order by ${d.day}))::int`,
      withdrawn: sql<number>`(sum(${d.withdrawnNet}) over (order by ${d.day}))::int`,
    })
    .from(d)
    .where(and(eq(d.tenantId, s.tenantId), lte(d.day, s.to)))
    .orderBy(asc(d.day));
  const byDay = new Map(rows.map((r) => [r.day, r]));
  // Days before the first rollup row carry nothing; later gaps carry the running totals on.
  let carried = rows.filter((r) => r.day < s.from).at(-1) ?? null;
  return eachDay(s.from, s.to).map((day): CustomerDay => {
    const r = byDay.get(day);
    if (r) carried = r;
    const customers = carried?.customers ?? 0;
    return {
      day,
      newCustomers: r?.newCustomers ?? 0,
      noticesSent: r?.noticesSent ?? 0,
      consentAnswers: r?.consentAnswers ?? 0,
      consentAnswersGranted: r?.consentAnswersGranted ?? 0,
      optOuts: r?.optOuts ?? 0,
      purchases: r?.purchases ?? 0,
      revenue: r?.revenue ?? '0.00',
      customers,
      consentRate: ratio(carried?.granted ?? 0, customers),
      optOutRate: ratio(carried?.withdrawn ?? 0, customers),
    };
  });
}

export type CustomerTotals = Pick<CustomerDay, 'newCustomers' | 'noticesSent' | 'consentAnswers' | 'consentAnswersGranted' | 'optOuts' | 'purchases' | 'revenue' | 'consentRate' | 'optOutRate'> & {
  averageSpend: string | null;
};

// Money is summed in SQL (numeric), never in floating point.
export async function customerTotals(db: Database, s: AnalyticsScope, days?: readonly CustomerDay[]): Promise<CustomerTotals> {
  const list = days ?? (await customerDays(db, s));
  const d = analyticsDays;
  const [money] = await db
    .select({
      revenue: sql<string>`coalesce(sum(${d.revenue}), 0)::numeric(14, 2)::text`,
      averageSpend: sql<string | null>`(sum(${d.revenue}) / nullif(sum(${d.purchases}), 0))::numeric(14, 2)::text`,
    })
    .from(d)
    .where(and(eq(d.tenantId, s.tenantId), between(d.day, s.from, s.to)));
  const sum = (k: 'newCustomers' | 'noticesSent' | 'consentAnswers' | 'consentAnswersGranted' | 'optOuts' | 'purchases') => list.reduce((n, x) => n + x[k], 0);
  const last = list.at(-1);
  return {
    newCustomers: sum('newCustomers'),
    noticesSent: sum('noticesSent'),
    consentAnswers: sum('consentAnswers'),
    consentAnswersGranted: sum('consentAnswersGranted'),
    optOuts: sum('optOuts'),
    purchases: sum('purchases'),
    revenue: money?.revenue ?? '0.00',
    averageSpend: money?.averageSpend ?? null,
    consentRate: last?.consentRate ?? null,
    optOutRate: last?.optOutRate ?? null,
  };
}

