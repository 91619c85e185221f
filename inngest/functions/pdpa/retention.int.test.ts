import { InngestTestEngine } from '@inngest/test';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages, tenantSettings } from '@/db/schema';
import { setFunctionDb } from '@/inngest/database';
import { malaysiaDay } from '@/lib/pdpa/clock';
import { provisionTenant } from '@/lib/tenants/provision';
import { useTestDatabase } from '@/lib/testing/database';
import { addTestMessage, createTestConversation, createTestTenant } from '@/lib/testing/factories';
import { applyRetentionFunction, retentionCronFunction } from './retention';

const t = useTestDatabase();

beforeAll(() => setFunctionDb(t.db));
afterAll(() => setFunctionDb(undefined));

describe('pdpa retention functions', () => {
  it("fans the daily cron out to every tenant with a retention schedule, keyed by tenant and day", async () => {
    const keeping = await createTestTenant(t.db, 'Keeps everything');
    const expiring = await createTestTenant(t.db, 'Expires messages');
    await provisionTenant(t.db, keeping);
    await provisionTenant(t.db, expiring);
    await t.db.update(tenantSettings).set({ retentionMessageMonths: 3 }).where(eq(tenantSettings.tenantId, expiring.tenantId));
    const engine = new InngestTestEngine({
      function: retentionCronFunction,
      events: [{ name: 'inngest/scheduled.timer', data: { cron: 'TZ=Asia/Kuala_Lumpur 0 3 * * *' } }],
      // Sending reaches Inngest's API; the test only looks at what would be sent.
      steps: [{ id: 'fan-out', handler: () => ({ ids: [] }) }],
    });

    const { result, ctx, error } = await engine.execute();

    expect(error).toBeUndefined();
    expect(result).toEqual({ tenants: 1 });
    const day = malaysiaDay(new Date());
    expect(ctx.step.sendEvent).toHaveBeenCalledWith('fan-out', [
      { name: 'pdpa/retention.daily', data: { tenantId: expiring.tenantId, day }, id: `pdpa-retention:${expiring.tenantId}:${day}` },
    ]);
  });

  it("applies one tenant's retention in a step and books no next run", async () => {
    const tenant = await createTestTenant(t.db);
    await provisionTenant(t.db, tenant);
    await t.db.update(tenantSettings).set({ retentionMessageMonths: 1 }).where(eq(tenantSettings.tenantId, tenant.tenantId));
    const conv = await createTestConversation(t.db, tenant);
    const old = await addTestMessage(t.db, tenant, conv, { direction: 'inbound', text: 'lama', createdAt: new Date(Date.now() - 90 * 24 * 3_600_000) });
    const engine = new InngestTestEngine({ function: applyRetentionFunction });

    const { result, ctx, error } = await engine.execute({ events: [{ name: 'pdpa/retention.daily', data: { tenantId: tenant.tenantId, day: '2026-06-16' } }] });

    expect(error).toBeUndefined();
    expect(ctx.step.run).toHaveBeenCalledWith('apply-retention', expect.any(Function));
    expect(result).toMatchObject({ messagesRedacted: 1 });
    expect((await t.db.select().from(messages).where(eq(messages.id, old.id)))[0]?.text).toBeNull();
    expect(ctx.step.sendEvent).not.toHaveBeenCalled();
  });
});
