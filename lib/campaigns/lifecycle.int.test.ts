import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/lib/testing/database';
import { type MemberContext, addMember, createTestTenant } from '@/lib/testing/factories';
import { createCampaign, getCampaign, updateCampaign } from './campaigns';
import { dispatchCampaign } from './dispatch';
import { startCampaign } from './jobs';
import { cancelCampaign, launchCampaign, pauseCampaign, resumeCampaign } from './lifecycle';
import { createCampaignChannel, createCampaignCustomers, fakeProvider, noWait, recipientRows, recordingJobs } from './test-helpers';

const t = useTestDatabase();
let ctx: MemberContext;
let channelId: string;
let customerIds: string[];

beforeAll(async () => {
  ctx = await createTestTenant(t.db, 'Kedai Lifecycle');
  channelId = await createCampaignChannel(t.db, ctx);
  customerIds = await createCampaignCustomers(t.db, ctx, channelId, Array.from({ length: 4 }, () => ({ wroteHoursAgo: 1 })));
});

const draft = (extra: object = {}) =>
  createCampaign(t.db, ctx, { name: `L ${crypto.randomUUID().slice(0, 6)}`, type: 'service', channelId, audience: { customerIds }, message: { text: 'Order ready' }, ...extra });

describe('campaign lifecycle', () => {
  it('launch now: running, and the launch job fans out and queues dispatch', async () => {
    const campaign = await draft();
    const jobs = recordingJobs();
    const launched = await launchCampaign(t.db, ctx, campaign.id, { jobs, origin: 'https://kedai.test' });
    expect(launched).toMatchObject({ status: 'running', launchedAt: expect.any(String), stats: { total: 0 } });
    expect(jobs.events).toMatchObject([{ name: 'campaigns/launch', data: { tenantId: ctx.tenantId, campaignId: campaign.id, origin: 'https://kedai.test' } }]);
    expect(await startCampaign(t.db, jobs.events[0]!.data as never, jobs)).toEqual({ queued: 4, skipped: 0 });
    expect(jobs.events[1]).toMatchObject({ name: 'campaigns/dispatch', data: { campaignId: campaign.id, origin: 'https://kedai.test' } });
    // The launch job again (a retry) fans out nobody twice.
    expect(await startCampaign(t.db, jobs.events[0]!.data as never, jobs)).toBeNull();
    expect((await getCampaign(t.db, ctx, campaign.id)).stats.queued).toBe(4);
    await expect(launchCampaign(t.db, ctx, campaign.id, { jobs })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('launch with a future start: scheduled, with its job at that time; early jobs do nothing', async () => {
    const at = new Date(Date.now() + 3_600_000);
    const campaign = await draft({ scheduledAt: at.toISOString() });
    const jobs = recordingJobs();
    expect(await launchCampaign(t.db, ctx, campaign.id, { jobs })).toMatchObject({ status: 'scheduled', launchedAt: null });
    expect(jobs.events).toMatchObject([{ name: 'campaigns/launch', runAt: at }]);
    expect(await startCampaign(t.db, jobs.events[0]!.data as never, jobs)).toBeNull();
    expect((await getCampaign(t.db, ctx, campaign.id)).status).toBe('scheduled');
    // Moved a day later: a new start job at the new time.
    const later = new Date(at.getTime() + 86_400_000);
    expect(await updateCampaign(t.db, ctx, campaign.id, { scheduledAt: later.toISOString() }, jobs)).toMatchObject({ status: 'scheduled', scheduledAt: later.toISOString() });
    expect(jobs.events.at(-1)).toMatchObject({ name: 'campaigns/launch', runAt: later });
  });

  it('pause stops dispatch; resume continues; cancel skips the rest', async () => {
    const campaign = await draft();
    const jobs = recordingJobs();
    await launchCampaign(t.db, ctx, campaign.id, { jobs });
    await startCampaign(t.db, jobs.events[0]!.data as never, jobs);
    const ref = { tenantId: ctx.tenantId, campaignId: campaign.id };
    expect(await pauseCampaign(t.db, ctx, campaign.id, { jobs })).toMatchObject({ status: 'paused', pausedAt: expect.any(String) });
    const provider = fakeProvider();
    expect(await dispatchCampaign(t.db, ref, { provider, sleep: noWait })).toMatchObject({ sent: 0, status: 'paused', next: null });
    expect(await resumeCampaign(t.db, ctx, campaign.id, { jobs })).toMatchObject({ status: 'running', pausedAt: null });
    expect(jobs.events.at(-1)).toMatchObject({ name: 'campaigns/launch' });
    await cancelCampaign(t.db, ctx, campaign.id, { jobs });
    const view = await getCampaign(t.db, ctx, campaign.id);
    expect(view).toMatchObject({ status: 'cancelled', cancelledAt: expect.any(String), stats: { skipped: 4, queued: 0 } });
    expect((await recipientRows(t.db, ctx.tenantId, campaign.id)).map((r) => r.reason)).toEqual(Array(4).fill('cancelled'));
    await expect(resumeCampaign(t.db, ctx, campaign.id, { jobs })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('refuses agents and an end time already past', async () => {
    const agent = await addMember(t.db, ctx, 'agent');
    const campaign = await draft({ endsAt: new Date(Date.now() + 1000).toISOString() });
    await expect(launchCampaign(t.db, agent, campaign.id, { jobs: recordingJobs() })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(launchCampaign(t.db, ctx, campaign.id, { jobs: recordingJobs(), now: new Date(Date.now() + 5000) })).rejects.toMatchObject({ fieldErrors: [{ field: 'endsAt' }] });
  });
});
