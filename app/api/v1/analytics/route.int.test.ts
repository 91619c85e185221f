import { beforeAll, describe, expect, it } from 'vitest';
import { seedAnalyticsFixture } from '@/lib/analytics/test-fixture';
import { useTestDatabase } from '@/lib/testing/database';
import { callRoute, expectProblem } from '@/lib/testing/http';
import { type ApiTenants, createApiTenants } from '@/lib/testing/isolation';
import { GET as summary } from './summary/route';
import { GET as timeseries } from './timeseries/route';

const test = useTestDatabase({ asAppDatabase: true });
let t: ApiTenants;

beforeAll(async () => {
  t = await createApiTenants(test.db);
  await seedAnalyticsFixture(test.db, t.a);
});

describe('GET /api/v1/analytics/summary', () => {
  it("answers the tenant's figures for the range (counted on the first call), rates as fractions and money as strings", async () => {
    const res = await callRoute(summary, { path: '/api/v1/analytics/summary?from=2026-03-01&to=2026-03-03', key: t.keyA });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      from: '2026-03-01', to: '2026-03-03', newCustomers: 3, messagesIn: 3, messagesOut: 3, responseRate: 2 / 3,
      consentRate: 0, optOutRate: 2 / 3, revenue: '75.95', purchases: 3, averageSpend: '25.32',
      previous: { from: '2026-02-26', to: '2026-02-28', revenue: '0.00', responseRate: null },
    });
  });

  it("gives another tenant nothing of tenant A's", async () => {
    const res = await callRoute(summary, { path: '/api/v1/analytics/summary?from=2026-03-01&to=2026-03-03', key: t.keyB });
    expect(await res.json()).toMatchObject({ newCustomers: 0, messagesIn: 0, revenue: '0.00', purchases: 0, averageSpend: null, consentRate: null });
  });

  it('refuses a range that ends before it starts, a bad date and a range over 366 days, as problem+json', async () => {
    await expectProblem(await callRoute(summary, { path: '/api/v1/analytics/summary?from=2026-03-05&to=2026-03-01', key: t.keyA }), 422);
    await expectProblem(await callRoute(summary, { path: '/api/v1/analytics/summary?from=2026-02-30', key: t.keyA }), 422);
    await expectProblem(await callRoute(summary, { path: '/api/v1/analytics/summary?from=2024-01-01&to=2026-01-01', key: t.keyA }), 422);
    await expectProblem(await callRoute(summary, { path: '/api/v1/analytics/summary?channelId=nope', key: t.keyA }), 422);
  });
});

describe('GET /api/v1/analytics/timeseries', () => {
  it('answers one value per Malaysian day', async () => {
    const res = await callRoute(timeseries, { path: '/api/v1/analytics/timeseries?metric=messagesIn&from=2026-03-01&to=2026-03-04&interval=day', key: t.keyA });
    expect(await res.json()).toEqual({
      metric: 'messagesIn', interval: 'day', from: '2026-03-01', to: '2026-03-04', channelId: null,
      data: [{ day: '2026-03-01', value: 1 }, { day: '2026-03-02', value: 2 }, { day: '2026-03-03', value: 0 }, { day: '2026-03-04', value: 0 }],
    });
    const revenue = await callRoute(timeseries, { path: '/api/v1/analytics/timeseries?metric=revenue&from=2026-03-02&to=2026-03-03', key: t.keyA });
    expect(((await revenue.json()) as { data: unknown[] }).data).toEqual([{ day: '2026-03-02', value: '55.90' }, { day: '2026-03-03', value: '20.05' }]);
  });

  it('refuses an unknown metric or interval', async () => {
    await expectProblem(await callRoute(timeseries, { path: '/api/v1/analytics/timeseries?metric=vibes', key: t.keyA }), 422);
    await expectProblem(await callRoute(timeseries, { path: '/api/v1/analytics/timeseries?metric=revenue&interval=week', key: t.keyA }), 422);
  });
});
