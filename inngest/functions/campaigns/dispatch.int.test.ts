import { InngestTestEngine } from '@inngest/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setFunctionDb } from '@/inngest/database';
import { createCampaign, getCampaign } from '@/lib/campaigns/campaigns';
import { launchCampaign } from '@/lib/campaigns/lifecycle';
import { createCampaignChannel, createCampaignCustomers, recordingJobs } from '@/lib/campaigns/test-helpers';
import { useTestDatabase } from '@/lib/testing/database';
import { createTestTenant } from '@/lib/testing/factories';
import { dispatchCampaignFunction, launchCampaignFunction } from './dispatch';

const t = useTestDatabase();

beforeAll(() => setFunctionDb(t.db));
afterAll(() => setFunctionDb(undefined));

describe('campaign functions', () => {
  it('launch fans the audience out in a step; dispatch sends through the sandbox in a step and completes the campaign', async () => {
    const ctx = await createTestTenant(t.db);
    const channelId = await createCampaignChannel(t.db, ctx, { rate: 100 });
    const customerIds = await createCampaignCustomers(t.db, ctx, channelId, [{ wroteHoursAgo: 1 }, { wroteHoursAgo: 1 }, { consent: 'withdrawn', wroteHoursAgo: 1 }]);
    const campaign = await createCampaign(t.db, ctx, { name: 'Inngest', type: 'marketing', channelId, audience: { customerIds }, message: { text: 'Hai' } });
    await launchCampaign(t.db, ctx, campaign.id, { jobs: recordingJobs() });
    const data = { tenantId: ctx.tenantId, campaignId: campaign.id };

    const launch = await new InngestTestEngine({ function: launchCampaignFunction }).execute({ events: [{ name: 'campaigns/launch', data }] });
    expect(launch.error).toBeUndefined();
    expect(launch.result).toEqual({ fanned: { queued: 2, skipped: 1 } });

    const dispatch = await new InngestTestEngine({ function: dispatchCampaignFunction }).execute({ events: [{ name: 'campaigns/dispatch', data }] });
    expect(dispatch.error).toBeUndefined();
    expect(dispatch.ctx.step.run).toHaveBeenCalledWith('dispatch', expect.any(Function));
    expect(dispatch.result).toEqual({ sent: 2, skipped: 0, failed: 0, retried: 0, status: 'completed' });
    expect(dispatch.ctx.step.sendEvent).not.toHaveBeenCalled();
    expect((await getCampaign(t.db, ctx, campaign.id)).stats).toMatchObject({ total: 3, sent: 2, skipped: 1 });
  });
});
