import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyticsStaleDays } from '@/db/schema';
import { localJobClient } from '@/lib/jobs/local-driver';
import { recordPurchase } from '@/lib/purchases/record';
import { useTestDatabase } from '@/lib/testing/database';
import { addTestMessage, createTestConversation } from '@/lib/testing/factories';
import { type TwoTenants, createTwoTenants } from '@/lib/testing/isolation';
import { messageDays } from './queries';
import { markAnalyticsStale, refreshAnalytics } from './refresh';
import { analyticsReport } from './report';
import { analyticsSummary, runningAt } from './summary';
import { FIXTURE_NOW, type AnalyticsFixture, seedAnalyticsFixture } from './test-fixture';
import { analyticsTimeseries } from './timeseries';

const test = useTestDatabase();
let t: TwoTenants;
let f: AnalyticsFixture;
const range = { from: '2026-03-01', to: '2026-03-03' };

beforeAll(async () => {
  t = await createTwoTenants(test.db);
  f = await seedAnalyticsFixture(test.db, t.a);
  // Tenant B talks on the same days; none of it may show in A's figures.
  const other = await createTestConversation(test.db, t.b);
  await addTestMessage(test.db, t.b, other, { direction: 'inbound', createdAt: new Date('2026-03-02T12:00:00+08:00') });
  expect((await refreshAnalytics(test.db, t.a.tenantId, { now: FIXTURE_NOW })).refreshed).toBe(true);
  await refreshAnalytics(test.db, t.b.tenantId, { now: FIXTURE_NOW });
});

describe('message figures', () => {
  it('counts per Malaysian day: 23:59 and 00:01 are different days; threads, team answers within 24 hours and the median first response', async () => {
    const days = await messageDays(test.db, { tenantId: t.a.tenantId, ...range });
    expect(days).toEqual([
      { day: '2026-03-01', inbound: 1, outbound: 0, threads: 1, answered: 1, responseRate: 1, medianFirstResponseSeconds: 240 },
      // The automated reply at 00:01:30 is outbound but not the team's; Bala's answer came 25 hours late.
      { day: '2026-03-02', inbound: 2, outbound: 2, threads: 2, answered: 1, responseRate: 0.5, medianFirstResponseSeconds: 120 },
      { day: '2026-03-03', inbound: 0, outbound: 1, threads: 0, answered: 0, responseRate: null, medianFirstResponseSeconds: null },
    ]);
  });

  it('narrows message figures to one channel', async () => {
    const summary = await analyticsSummary(test.db, { tenantId: t.a.tenantId, ...range, channelId: f.channelY });
    expect(summary).toMatchObject({ messagesIn: 1, messagesOut: 1, threads: 1, responseRate: 0, medianFirstResponseSeconds: null });
  });
});

describe('summary', () => {
  it('answers every figure for the range, and the previous period of the same length', async () => {
    const summary = await analyticsSummary(test.db, { tenantId: t.a.tenantId, ...range });
    expect(summary).toEqual({
      from: '2026-03-01', to: '2026-03-03', channelId: null,
      newCustomers: 3, messagesIn: 3, messagesOut: 3, threads: 3, responseRate: 2 / 3, medianFirstResponseSeconds: 120,
      noticesSent: 3, optOuts: 2,
      // As at the end of 3 March: nobody granted (Aminah stopped), Bala and Aminah withdrawn, of 3 customers.
      consentRate: 0, optOutRate: 2 / 3,
      revenue: '75.95', purchases: 3, averageSpend: '25.32',
      previous: {
        from: '2026-02-26', to: '2026-02-28',
        newCustomers: 0, messagesIn: 0, messagesOut: 0, threads: 0, responseRate: null, medianFirstResponseSeconds: null,
        noticesSent: 0, optOuts: 0, consentRate: null, optOutRate: null, revenue: '0.00', purchases: 0, averageSpend: null,
      },
    });
  });

  it('gives zeros and nulls for an empty period', async () => {
    const summary = await analyticsSummary(test.db, { tenantId: t.a.tenantId, from: '2025-01-01', to: '2025-01-31' });
    expect(summary).toMatchObject({ newCustomers: 0, messagesIn: 0, responseRate: null, consentRate: null, revenue: '0.00', purchases: 0, averageSpend: null });
  });

  it('counts campaigns and contests running at the end of the range', async () => {
    expect(await runningAt(test.db, t.a.tenantId, range, FIXTURE_NOW)).toEqual({ campaignsRunning: 1, contestsRunning: 1 });
    expect(await runningAt(test.db, t.a.tenantId, { from: '2026-02-01', to: '2026-02-28' }, FIXTURE_NOW)).toEqual({ campaignsRunning: 0, contestsRunning: 0 });
    expect(await runningAt(test.db, t.b.tenantId, range, FIXTURE_NOW)).toEqual({ campaignsRunning: 0, contestsRunning: 0 });
  });
});

describe('time series', () => {
  it('gives consent and opt-out rates as at the end of each day', async () => {
    const s = { tenantId: t.a.tenantId, ...range };
    expect(await analyticsTimeseries(test.db, s, 'consentRate')).toEqual([
      { day: '2026-03-01', value: 0.5 },
      { day: '2026-03-02', value: 1 / 3 },
      { day: '2026-03-03', value: 0 },
    ]);
    expect((await analyticsTimeseries(test.db, s, 'optOutRate')).map((d) => d.value)).toEqual([0, 1 / 3, 2 / 3]);
    expect((await analyticsTimeseries(test.db, s, 'revenue')).map((d) => d.value)).toEqual(['0.00', '55.90', '20.05']);
    expect((await analyticsTimeseries(test.db, s, 'averageSpend')).map((d) => d.value)).toEqual([null, '27.95', '20.05']);
    expect((await analyticsTimeseries(test.db, s, 'newCustomers')).map((d) => d.value)).toEqual([2, 1, 0]);
    // Disqualified entries do not count; 23:59 and 00:01 are different days.
    expect((await analyticsTimeseries(test.db, s, 'contestEntries')).map((d) => d.value)).toEqual([0, 1, 1]);
  });
});

describe('analytics page report', () => {
  it('has the consent funnel, demographics, engagement, merchants, lifetime value, campaign funnels and contests', async () => {
    const r = await analyticsReport(test.db, { tenantId: t.a.tenantId, ...range });
    expect(r.customerTotals).toMatchObject({ noticesSent: 3, consentAnswers: 2, consentAnswersGranted: 1 });
    const counts = (d: { key: string; customers: number }[]) => Object.fromEntries(d.filter((x) => x.customers > 0).map((x) => [x.key, x.customers]));
    expect(counts(r.demographics.age)).toEqual({ '35–44': 1, '<18': 1, unknown: 1 });
    expect(counts(r.demographics.gender)).toEqual({ F: 1, M: 1, unknown: 1 });
    expect(r.demographics.state).toHaveLength(17);
    expect(counts(r.demographics.state)).toEqual({ 'MY-10': 1, unknown: 2 });
    expect(counts(r.demographics.marital)).toEqual({ married: 1, unknown: 2 });
    expect(counts(r.demographics.tier)).toEqual({ bronze: 2, silver: 1 });
    expect(counts(r.engagement)).toEqual({ '0': 1, '1': 1, '2–3': 1 });
    expect(r.topMerchants).toEqual([
      { merchant: 'Kedai Ali', purchases: 2, revenue: '55.90' },
      { merchant: 'Mydin', purchases: 1, revenue: '20.05' },
    ]);
    expect(r.lifetimeValueByTier.filter((v) => v.customers > 0)).toEqual([
      { key: 'bronze', label: 'Bronze', customers: 2, spend: '30.05', averageValue: '15.03' },
      { key: 'silver', label: 'Silver', customers: 1, spend: '45.90', averageValue: '45.90' },
    ]);
    expect(r.lifetimeValueByMonth).toEqual([{ key: '2026-03', label: '2026-03', customers: 3, spend: '75.95', averageValue: '25.32' }]);
    expect(r.campaigns).toEqual([{ id: expect.any(String), name: 'March promo', status: 'running', recipients: 3, sent: 2, delivered: 2, read: 1, clicked: 1, converted: 1 }]);
    expect(r.contests).toEqual([{ id: expect.any(String), name: 'Raya draw', entries: 2 }]);
  });

  it("shows nothing of another tenant's", async () => {
    const r = await analyticsReport(test.db, { tenantId: t.b.tenantId, ...range });
    expect(r.messageTotals).toMatchObject({ inbound: 1, outbound: 0 });
    expect(r.campaigns).toEqual([]);
    expect(r.contests).toEqual([]);
    expect(r.topMerchants).toEqual([]);
  });
});

describe('refresh', () => {
  it('recounts the recent days and the days marked stale; the snapshot waits an hour', async () => {
    const later = new Date('2026-03-10T12:30:00+08:00');
    await addTestMessage(test.db, t.a, f.c3, { direction: 'inbound', createdAt: new Date('2026-03-10T12:20:00+08:00') });
    await addTestMessage(test.db, t.a, f.c3, { direction: 'inbound', createdAt: new Date('2026-03-02T15:00:00+08:00') });
    await markAnalyticsStale(test.db, t.a.tenantId, ['2026-03-02', '2026-03-10'], later);
    expect(await refreshAnalytics(test.db, t.a.tenantId, { now: later })).toEqual({ refreshed: true, days: 4, snapshot: false });
    const days = await messageDays(test.db, { tenantId: t.a.tenantId, from: '2026-03-02', to: '2026-03-10' });
    expect(days[0]?.inbound).toBe(3);
    expect(days.at(-1)?.inbound).toBe(1);
  });

  it('a purchase recorded today for a receipt dated weeks ago marks that day, and the next refresh counts it', async () => {
    await recordPurchase(test.db, t.a, { customerId: f.c3.customerId, date: '2026-03-01', total: '12.30', merchant: 'Kedai Ali' }, { jobs: localJobClient });
    expect(await test.db.select({ day: analyticsStaleDays.day }).from(analyticsStaleDays).where(eq(analyticsStaleDays.tenantId, t.a.tenantId))).toEqual([{ day: '2026-03-01' }]);
    await refreshAnalytics(test.db, t.a.tenantId, { now: new Date('2026-03-10T12:40:00+08:00') });
    expect((await analyticsTimeseries(test.db, { tenantId: t.a.tenantId, ...range }, 'revenue')).map((d) => d.value)).toEqual(['12.30', '55.90', '20.05']);
  });
});
