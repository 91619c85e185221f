import { InngestTestEngine } from '@inngest/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setFunctionDb } from '@/inngest/database';
import { useTestDatabase } from '@/lib/testing/database';
import { createTestTenant } from '@/lib/testing/factories';
import { analyticsCronFunction, refreshAnalyticsFunction } from './refresh';

const t = useTestDatabase();

beforeAll(() => setFunctionDb(t.db));
afterAll(() => setFunctionDb(undefined));

describe('analytics functions', () => {
  it('fans the hourly cron out to every tenant, keyed by tenant and hour', async () => {
    const shop = await createTestTenant(t.db);
    const engine = new InngestTestEngine({
      function: analyticsCronFunction,
      events: [{ name: 'inngest/scheduled.timer', data: { cron: '5 * * * *' } }],
      steps: [{ id: 'fan-out', handler: () => ({ ids: [] }) }],
    });
    const { result, ctx, error } = await engine.execute();
    expect(error).toBeUndefined();
    expect(result).toEqual({ tenants: 1 });
    expect(ctx.step.sendEvent).toHaveBeenCalledWith('fan-out', [
      { name: 'analytics/refresh', data: { tenantId: shop.tenantId, hour: expect.stringMatching(/T\d{2}:00:00\.000Z$/) }, id: expect.stringMatching(new RegExp(`^analytics-refresh:${shop.tenantId}:`)) },
    ]);
  });

  it("recounts one tenant's rollups in a step", async () => {
    const shop = await createTestTenant(t.db);
    const engine = new InngestTestEngine({ function: refreshAnalyticsFunction });
    const { result, ctx, error } = await engine.execute({ events: [{ name: 'analytics/refresh', data: { tenantId: shop.tenantId, hour: '2026-03-10T05:00:00.000Z' } }] });
    expect(error).toBeUndefined();
    expect(ctx.step.run).toHaveBeenCalledWith('refresh-analytics', expect.any(Function));
    expect(result).toMatchObject({ refreshed: true, snapshot: true });
  });
});
