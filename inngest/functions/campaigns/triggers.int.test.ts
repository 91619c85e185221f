import { InngestTestEngine } from '@inngest/test';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignRecipients, campaigns, customers } from '@/db/schema';
import { setFunctionDb } from '@/inngest/database';
import { createCampaignChannel, createCampaignCustomers } from '@/lib/campaigns/test-helpers';
import { todayInMalaysia } from '@/lib/mykad';
import { useTestDatabase } from '@/lib/testing/database';
import { createTestTenant } from '@/lib/testing/factories';
import { campaignTriggersCronFunction, campaignTriggersFunction } from './triggers';

const t = useTestDatabase();

beforeAll(() => setFunctionDb(t.db));
afterAll(() => setFunctionDb(undefined));

describe('campaign trigger functions', () => {
  it('fans the 09:00 cron out to the tenants with a running automated campaign only, then queues the day’s birthdays', async () => {
    const quiet = await createTestTenant(t.db, 'Quiet');
    const shop = await createTestTenant(t.db, 'Birthdays');
    const channelId = await createCampaignChannel(t.db, shop);
    const [customer] = await createCampaignCustomers(t.db, shop, channelId, [{ consent: 'granted', wroteHoursAgo: 1 }]);
    const day = todayInMalaysia();
    await t.db.update(customers).set({ dateOfBirth: `1990-${day.slice(5)}` }).where(and(eq(customers.tenantId, shop.tenantId), eq(customers.id, customer!)));
    const [campaign] = await t.db
      .insert(campaigns)
      .values({ tenantId: shop.tenantId, name: 'Hari jadi', type: 'marketing', channelId, status: 'running', message: { text: 'Selamat hari jadi {{first_name}}!' }, trigger: { type: 'birthday' } })
      .returning();

    const cron = new InngestTestEngine({
      function: campaignTriggersCronFunction,
      events: [{ name: 'inngest/scheduled.timer', data: { cron: 'TZ=Asia/Kuala_Lumpur 0 9 * * *' } }],
      steps: [{ id: 'fan-out', handler: () => ({ ids: [] }) }],
    });
    const fanned = await cron.execute();
    expect(fanned.error).toBeUndefined();
    expect(fanned.ctx.step.sendEvent).toHaveBeenCalledWith('fan-out', [{ name: 'campaigns/triggers.daily', data: { tenantId: shop.tenantId, day }, id: `campaign-triggers:${shop.tenantId}:${day}` }]);

    const daily = new InngestTestEngine({ function: campaignTriggersFunction });
    const { result, error } = await daily.execute({ events: [{ name: 'campaigns/triggers.daily', data: { tenantId: shop.tenantId, day } }] });
    expect(error).toBeUndefined();
    expect(result).toEqual({ campaigns: 1 });
    const rows = await t.db.select({ customerId: campaignRecipients.customerId, status: campaignRecipients.status }).from(campaignRecipients).where(eq(campaignRecipients.campaignId, campaign!.id));
    expect(rows).toEqual([{ customerId: customer, status: 'queued' }]);
  });
});
