import { InngestTestEngine } from '@inngest/test';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { setFunctionDb } from '@/inngest/database';
import { todayInMalaysia } from '@/lib/mykad';
import { saveTierSettings } from '@/lib/purchases/save-tier-settings';
import { provisionTenant } from '@/lib/tenants/provision';
import { useTestDatabase } from '@/lib/testing/database';
import { createTestTenant } from '@/lib/testing/factories';
import { recomputeTiersFunction, tiersCronFunction } from './tiers';

const t = useTestDatabase();

beforeAll(() => setFunctionDb(t.db));
afterAll(() => setFunctionDb(undefined));

describe('purchases tier functions', () => {
  it('fans the daily cron out to tenants on the last-12-months basis, keyed by tenant and day', async () => {
    const lifetime = await createTestTenant(t.db, 'Lifetime');
    const rolling = await createTestTenant(t.db, 'Rolling');
    await provisionTenant(t.db, lifetime);
    await provisionTenant(t.db, rolling);
    await saveTierSettings(t.db, rolling, { silver: '500', gold: '2000', platinum: '5000', basis: 'last_12_months', tierUpMessage: 'false' });
    const engine = new InngestTestEngine({
      function: tiersCronFunction,
      events: [{ name: 'inngest/scheduled.timer', data: { cron: 'TZ=Asia/Kuala_Lumpur 15 0 * * *' } }],
      steps: [{ id: 'fan-out', handler: () => ({ ids: [] }) }],
    });

    const { result, ctx, error } = await engine.execute();

    expect(error).toBeUndefined();
    expect(result).toEqual({ tenants: 1 });
    const day = todayInMalaysia();
    expect(ctx.step.sendEvent).toHaveBeenCalledWith('fan-out', [{ name: 'purchases/tiers.daily', data: { tenantId: rolling.tenantId, day }, id: `tiers-daily:${rolling.tenantId}:${day}` }]);
  });

  it("recomputes one tenant's tiers in a step", async () => {
    const tenant = await createTestTenant(t.db);
    const engine = new InngestTestEngine({ function: recomputeTiersFunction });

    const { result, ctx, error } = await engine.execute({ events: [{ name: 'purchases/tiers.daily', data: { tenantId: tenant.tenantId, day: todayInMalaysia() } }] });

    expect(error).toBeUndefined();
    expect(ctx.step.run).toHaveBeenCalledWith('recompute-tiers', expect.any(Function));
    expect(result).toEqual({ changed: 0 });
  });
});
