import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CampaignTrigger, campaignRecipients, campaigns, customers, jobs, templates } from '@/db/schema';
import { localJobClient } from '@/lib/jobs/local-driver';
import { todayInMalaysia } from '@/lib/mykad';
import { recordPurchase } from '@/lib/purchases/record';
import { useTestDatabase } from '@/lib/testing/database';
import { type TwoTenants, createTwoTenants } from '@/lib/testing/isolation';
import { dispatchCampaign } from './dispatch';
import { createCampaignChannel, createCampaignCustomers, fakeProvider, noWait } from './test-helpers';
import { runDailyTriggers, startTriggerChain, tenantsWithRunningTriggers } from './trigger-schedule';
import { birthdayKeys, queueDailyTriggers, queueTierUpTriggers } from './triggers';

const t = useTestDatabase();
let two: TwoTenants;
let channelId: string;

beforeAll(async () => {
  two = await createTwoTenants(t.db);
  channelId = await createCampaignChannel(t.db, two.a);
});

async function automated(trigger: CampaignTrigger, patch: Partial<typeof campaigns.$inferInsert> = {}) {
  const [row] = await t.db
    .insert(campaigns)
    .values({ tenantId: two.a.tenantId, name: `Auto ${trigger.type}`, type: 'marketing', channelId, status: 'running', message: { text: 'Hai {{first_name}}!' }, trigger, ...patch })
    .returning();
  return row!;
}

async function recipientsOf(campaignId: string) {
  return t.db
    .select({ customerId: campaignRecipients.customerId, occurrence: campaignRecipients.occurrence, status: campaignRecipients.status, reason: campaignRecipients.reason })
    .from(campaignRecipients)
    .where(and(eq(campaignRecipients.tenantId, two.a.tenantId), eq(campaignRecipients.campaignId, campaignId)));
}

async function born(ids: string[], dateOfBirth: string) {
  await t.db.update(customers).set({ dateOfBirth }).where(and(eq(customers.tenantId, two.a.tenantId), inArray(customers.id, ids)));
}

describe('automated campaigns', () => {
  it('keeps 29 February birthdays on 28 February outside leap years', () => {
    expect(birthdayKeys('2026-02-28')).toEqual(['02-28', '02-29']);
    expect(birthdayKeys('2028-02-28')).toEqual(['02-28']);
    expect(birthdayKeys('2028-02-29')).toEqual(['02-29']);
  });

  it('queues the customers whose birthday it is, once a year, with a skip reason for those without consent', async () => {
    const campaign = await automated({ type: 'birthday' }, { type: 'service' });
    const [today, alsoToday, otherDay, leapling] = await createCampaignCustomers(t.db, two.a, channelId, [{ wroteHoursAgo: 1 }, {}, { wroteHoursAgo: 1 }, { wroteHoursAgo: 1 }]);
    await born([today!, alsoToday!], '1990-11-21');
    await born([otherDay!], '1990-11-22');
    await born([leapling!], '1992-02-29');
    const now = new Date('2026-11-21T01:00:00Z');

    expect(await queueDailyTriggers(t.db, two.a.tenantId, '2026-11-21', now)).toEqual([{ campaignId: campaign.id, queued: 1, skipped: 1 }]);
    // A service text needs the open window: the customer who never wrote is skipped, saying why.
    expect(await recipientsOf(campaign.id)).toEqual(
      expect.arrayContaining([
        { customerId: today, occurrence: '2026', status: 'queued', reason: null },
        { customerId: alsoToday, occurrence: '2026', status: 'skipped', reason: 'window_closed' },
      ]),
    );
    // The same day again (a retried job) adds nobody; next year's birthday is a new occurrence.
    expect(await queueDailyTriggers(t.db, two.a.tenantId, '2026-11-21', now)).toEqual([{ campaignId: campaign.id, queued: 0, skipped: 0 }]);
    await queueDailyTriggers(t.db, two.a.tenantId, '2027-11-21', new Date('2027-11-21T01:00:00Z'));
    expect((await recipientsOf(campaign.id)).filter((r) => r.customerId === today).map((r) => r.occurrence).sort()).toEqual(['2026', '2027']);
    await queueDailyTriggers(t.db, two.a.tenantId, '2027-02-28', new Date('2027-02-28T01:00:00Z'));
    expect((await recipientsOf(campaign.id)).filter((r) => r.customerId === leapling)).toEqual([{ customerId: leapling, occurrence: '2027', status: 'queued', reason: null }]);
    await t.db.update(campaigns).set({ status: 'completed' }).where(eq(campaigns.id, campaign.id));
  });

  it('queues customers who have not written for N days, once per quiet spell, within the audience', async () => {
    const [quiet, recent, excluded] = await createCampaignCustomers(t.db, two.a, channelId, [{ wroteHoursAgo: 24 * 40 }, { wroteHoursAgo: 24 * 5 }, { wroteHoursAgo: 24 * 40 }]);
    // Out of their 24-hour window by definition, so the message is an approved template.
    const [template] = await t.db.insert(templates).values({ tenantId: two.a.tenantId, channelId, name: 'rindu', language: 'ms', category: 'marketing', body: 'Kami rindu {{1}}!', status: 'approved' }).returning();
    const message = { templateId: template!.id, parameters: ['{{first_name}}'] };
    const campaign = await automated({ type: 'inactive', days: 30 }, { message, audience: { customerIds: [quiet!, recent!, excluded!], excludeCustomerIds: [excluded!] } });
    const now = new Date();
    const [result] = await queueDailyTriggers(t.db, two.a.tenantId, '2026-11-21', now);
    expect(result).toEqual({ campaignId: campaign.id, queued: 1, skipped: 0 });
    const [row] = await recipientsOf(campaign.id);
    expect(row).toMatchObject({ customerId: quiet, status: 'queued' });
    expect(row?.occurrence).toMatch(/^quiet:\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    // Still quiet the next day: not queued again.
    expect(await queueDailyTriggers(t.db, two.a.tenantId, '2026-11-22', new Date(now.getTime() + 86_400_000))).toEqual([{ campaignId: campaign.id, queued: 0, skipped: 0 }]);
    await t.db.update(campaigns).set({ status: 'paused' }).where(eq(campaigns.id, campaign.id));
  });

  it('queues a customer moving up to the tier a campaign aims at (or any), once per tier', async () => {
    const [customer] = await createCampaignCustomers(t.db, two.a, channelId, [{ consent: 'granted', wroteHoursAgo: 1 }]);
    const anyTier = await automated({ type: 'tier_up' });
    const goldOnly = await automated({ type: 'tier_up', tier: 'gold' });
    const ended = await automated({ type: 'tier_up' }, { endsAt: new Date(Date.now() - 60_000) });
    const now = new Date();

    const silver = await queueTierUpTriggers(t.db, two.a.tenantId, customer!, 'silver', now);
    expect(silver).toEqual([{ campaignId: anyTier.id, queued: 1, skipped: 0 }]);
    await queueTierUpTriggers(t.db, two.a.tenantId, customer!, 'gold', now);
    await queueTierUpTriggers(t.db, two.a.tenantId, customer!, 'gold', now);
    expect((await recipientsOf(anyTier.id)).map((r) => r.occurrence).sort()).toEqual(['tier:gold', 'tier:silver']);
    expect((await recipientsOf(goldOnly.id)).map((r) => r.occurrence)).toEqual(['tier:gold']);
    expect(await recipientsOf(ended.id)).toEqual([]);
  });

  it('a purchase that moves a customer up a tier queues them and starts the dispatch, in the same transaction', async () => {
    const [customer] = await createCampaignCustomers(t.db, two.a, channelId, [{ consent: 'granted', wroteHoursAgo: 1 }]);
    const campaign = await automated({ type: 'tier_up', tier: 'silver' }, { audience: { customerIds: [customer!] } });
    const recorded = await recordPurchase(t.db, two.a, { customerId: customer!, date: todayInMalaysia(), total: '600.00' }, { jobs: localJobClient });
    expect(recorded).toMatchObject({ ok: true, tierChange: { from: 'bronze', to: 'silver' } });
    expect(await recipientsOf(campaign.id)).toEqual([{ customerId: customer, occurrence: 'tier:silver', status: 'queued', reason: null }]);
    const dispatch = await t.db.select().from(jobs).where(and(eq(jobs.tenantId, two.a.tenantId), eq(jobs.name, 'campaigns/dispatch')));
    expect(dispatch.map((j) => j.payload.campaignId)).toContain(campaign.id);
  });

  it('stays on (running) after a dispatch run that finds nobody and after sending the day’s recipients', async () => {
    const [customer] = await createCampaignCustomers(t.db, two.a, channelId, [{ consent: 'granted', wroteHoursAgo: 1 }]);
    await born([customer!], '1990-07-01');
    const campaign = await automated({ type: 'birthday' }, { audience: { customerIds: [customer!] } });
    const provider = fakeProvider();
    const run = () => dispatchCampaign(t.db, { tenantId: two.a.tenantId, campaignId: campaign.id }, { provider, sleep: noWait });

    expect(await run()).toMatchObject({ sent: 0, status: 'running' });
    await queueDailyTriggers(t.db, two.a.tenantId, '2026-07-01', new Date('2026-07-01T01:00:00Z'));
    expect(await run()).toMatchObject({ sent: 1, status: 'running' });
    expect(provider.sends).toHaveLength(1);
    expect((await t.db.select({ status: campaigns.status }).from(campaigns).where(eq(campaigns.id, campaign.id)))[0]?.status).toBe('running');
    await t.db.update(campaigns).set({ status: 'completed' }).where(eq(campaigns.id, campaign.id));
  });

  it('the daily job books tomorrow at 09:00 Malaysia time, queues today’s birthdays and starts their dispatch; one chain per tenant and day', async () => {
    const [customer] = await createCampaignCustomers(t.db, two.a, channelId, [{ consent: 'granted', wroteHoursAgo: 2 }]);
    await born([customer!], '1988-03-14');
    const campaign = await automated({ type: 'birthday' }, { audience: { customerIds: [customer!] } });
    const results = await runDailyTriggers(t.db, { tenantId: two.a.tenantId, day: '2026-03-14' }, { now: new Date('2026-03-14T01:00:00Z'), jobs: localJobClient });
    expect(results.find((r) => r.campaignId === campaign.id)).toEqual({ campaignId: campaign.id, queued: 1, skipped: 0 });
    const booked = await t.db.select().from(jobs).where(eq(jobs.dedupeKey, `campaign-triggers:${two.a.tenantId}:2026-03-15`));
    expect(booked).toMatchObject([{ name: 'campaigns/triggers.daily', runAt: new Date('2026-03-15T09:00:00+08:00') }]);
    const dispatch = await t.db.select().from(jobs).where(and(eq(jobs.tenantId, two.a.tenantId), eq(jobs.name, 'campaigns/dispatch')));
    expect(dispatch.map((j) => j.payload.campaignId)).toContain(campaign.id);

    await startTriggerChain(t.db, two.b.tenantId, new Date());
    await startTriggerChain(t.db, two.b.tenantId, new Date());
    expect(await t.db.$count(jobs, and(eq(jobs.name, 'campaigns/triggers.daily'), eq(jobs.tenantId, two.b.tenantId)))).toBe(1);
    const withTriggers = await tenantsWithRunningTriggers(t.db);
    expect(withTriggers).toContain(two.a.tenantId);
    expect(withTriggers).not.toContain(two.b.tenantId);
    await t.db.update(campaigns).set({ status: 'completed' }).where(eq(campaigns.id, campaign.id));
  });

  it('never queues another tenant’s customers', async () => {
    const campaign = await automated({ type: 'birthday' });
    const [theirs] = await createCampaignCustomers(t.db, two.b, channelId, [{}]);
    await t.db.update(customers).set({ dateOfBirth: '1985-06-01' }).where(eq(customers.id, theirs!));
    await queueDailyTriggers(t.db, two.a.tenantId, '2026-06-01', new Date('2026-06-01T01:00:00Z'));
    expect(await recipientsOf(campaign.id)).toEqual([]);
  });
});
