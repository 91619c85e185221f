import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { channelSendPacing, consentEvents, customers, messages, templates } from '@/db/schema';
import { useTestDatabase } from '@/lib/testing/database';
import { type MemberContext, createTestTenant } from '@/lib/testing/factories';
import { networkError } from '@/lib/whatsapp/providers/errors';
import { dispatchCampaign } from './dispatch';
import { createCampaignChannel, createCampaignCustomers, fakeProvider, launchedCampaign, metaError, noWait, recipientRows } from './test-helpers';

const t = useTestDatabase();
let ctx: MemberContext;

beforeAll(async () => {
  ctx = await createTestTenant(t.db, 'Kedai Errors');
});

// One customer, one campaign, and a provider that answers the first send with `error`.
async function sendFailingWith(error: Error) {
  const channelId = await createCampaignChannel(t.db, ctx);
  const [customerId] = await createCampaignCustomers(t.db, ctx, channelId, [{ wroteHoursAgo: 1 }]);
  const { ref } = await launchedCampaign(t.db, ctx, { name: 'Errors', type: 'marketing', channelId, audience: { customerIds: [customerId!] }, message: { text: 'Hi' } });
  let calls = 0;
  const provider = fakeProvider(() => {
    calls++;
    if (calls === 1) throw error;
  });
  const result = await dispatchCampaign(t.db, ref, { provider, sleep: noWait });
  const [recipient] = await recipientRows(t.db, ctx.tenantId, ref.campaignId);
  const [customer] = await t.db.select().from(customers).where(eq(customers.id, customerId!));
  return { result, recipient: recipient!, customer: customer!, channelId, ref, provider };
}

describe('WhatsApp errors while sending', () => {
  it('130429 pushes the channel’s next slot back for every sender and retries the recipient later', async () => {
    const before = Date.now();
    const { result, recipient, channelId } = await sendFailingWith(metaError(130429, 429));
    expect(result).toMatchObject({ retried: 1, sent: 0, status: 'running' });
    expect(recipient).toMatchObject({ status: 'queued', errorCode: 130429, attempts: 1 });
    expect(recipient.nextAttemptAt!.getTime()).toBeGreaterThanOrEqual(before + 2000 - 50);
    const [pacing] = await t.db.select().from(channelSendPacing).where(eq(channelSendPacing.channelId, channelId));
    expect(pacing!.nextSlotAt.getTime()).toBeGreaterThanOrEqual(before + 2000 - 50);
    expect(result.next?.getTime()).toBe(recipient.nextAttemptAt!.getTime());
  });

  it('131049 retries a day later', async () => {
    const { recipient } = await sendFailingWith(metaError(131049));
    expect(recipient).toMatchObject({ status: 'queued', errorCode: 131049 });
    expect(recipient.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000);
  });

  it('131026 fails the recipient and marks the customer undeliverable', async () => {
    const { recipient, customer } = await sendFailingWith(metaError(131026));
    expect(recipient).toMatchObject({ status: 'failed', reason: 'undeliverable', errorCode: 131026 });
    expect(recipient.errorTitle).toMatch(/could not deliver/);
    expect(customer.undeliverableAt).not.toBeNull();
  });

  it('131050 fails the recipient and withdraws marketing consent through the consent log', async () => {
    const { recipient, customer } = await sendFailingWith(metaError(131050));
    expect(recipient).toMatchObject({ status: 'failed', reason: 'opted_out', errorCode: 131050 });
    expect(customer.consentStatus).toBe('withdrawn');
    const events = await t.db.select().from(consentEvents).where(eq(consentEvents.customerId, customer.id));
    expect(events).toMatchObject([{ status: 'withdrawn', source: 'meta_opt_out', keyword: 'error:131050' }]);
  });

  it('131047 skips the recipient as window_closed', async () => {
    const { recipient, result } = await sendFailingWith(metaError(131047));
    expect(recipient).toMatchObject({ status: 'skipped', reason: 'window_closed', errorCode: 131047 });
    expect(result.status).toBe('completed');
  });

  it('another error fails with its code and title; no answer at all is unknown_outcome and never retried', async () => {
    const invalid = await sendFailingWith(metaError(131009));
    expect(invalid.recipient).toMatchObject({ status: 'failed', reason: 'provider_error', errorCode: 131009 });
    expect(invalid.recipient.errorTitle).toMatch(/not valid/);
    const timeout = await sendFailingWith(networkError(Object.assign(new Error('timed out'), { name: 'TimeoutError' })));
    expect(timeout.recipient).toMatchObject({ status: 'failed', reason: 'unknown_outcome', errorCode: null });
    expect(timeout.result.status).toBe('completed');
  });

  it('a 5xx answer is retried with backoff', async () => {
    const { recipient } = await sendFailingWith(metaError(131000, 500));
    expect(recipient).toMatchObject({ status: 'queued', errorCode: 131000, attempts: 1 });
  });
});

describe('24-hour messaging limit', () => {
  it('sends templates to no more unique customers than the tier allows in 24 hours, then waits for it to free up', async () => {
    const channelId = await createCampaignChannel(t.db, ctx, { limit: '250' });
    const [template] = await t.db.insert(templates).values({ tenantId: ctx.tenantId, channelId, name: 'promo', language: 'ms', category: 'marketing', body: 'Hai {{1}}', status: 'approved' }).returning();
    // 247 customers were sent a template in the last 24 hours (the oldest 20 hours ago).
    const earlier = await createCampaignCustomers(t.db, ctx, channelId, Array.from({ length: 247 }, () => ({ wroteHoursAgo: 1 })));
    const conversation = sql`(select id from conversations where channel_id = ${channelId} and customer_id = c.id)`;
    await t.db.execute(sql`
      insert into ${messages} (tenant_id, channel_id, conversation_id, customer_id, direction, type, text, status, created_at)
      select ${ctx.tenantId}::uuid, ${channelId}::uuid, ${conversation}, c.id, 'outbound', 'template', 'x', 'delivered',
             now() - interval '20 hours' + (row_number() over (order by c.id)) * interval '1 second'
      from ${customers} c where c.id in (${sql.join(earlier.map((id) => sql`${id}::uuid`), sql`, `)})`);
    const fresh = await createCampaignCustomers(t.db, ctx, channelId, Array.from({ length: 5 }, () => ({})));
    const { ref } = await launchedCampaign(t.db, ctx, { name: 'Limit', type: 'marketing', channelId, audience: { customerIds: fresh }, message: { templateId: template!.id, parameters: ['{{first_name}}'] } });
    const provider = fakeProvider();
    const result = await dispatchCampaign(t.db, ref, { provider, sleep: noWait });
    expect(result).toMatchObject({ sent: 3, status: 'running' });
    expect(provider.sends[0]!.template).toMatchObject({ name: 'promo', components: [{ type: 'body', parameters: [{ type: 'text', text: 'Customer' }] }] });
    const statuses = (await recipientRows(t.db, ctx.tenantId, ref.campaignId)).map((r) => r.status).sort();
    expect(statuses).toEqual(['queued', 'queued', 'sent', 'sent', 'sent']);
    // Runs again when the oldest counted customer leaves the 24 hours (about 4 hours from now).
    expect(result.next!.getTime()).toBeGreaterThan(Date.now() + 3.9 * 3_600_000);
    expect(result.next!.getTime()).toBeLessThan(Date.now() + 4.1 * 3_600_000);
    // A second run now sends nobody.
    expect(await dispatchCampaign(t.db, ref, { provider, sleep: noWait })).toMatchObject({ sent: 0 });
  });
});
