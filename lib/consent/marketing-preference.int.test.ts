import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, desc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { channels, customers, messages } from '@/db/schema';
import { consentHistory, customerByPhone, newPhone, say, settle } from '@/lib/automation/test-helpers';
import { encrypt } from '@/lib/crypto';
import { getEnv } from '@/lib/env';
import { localJobClient } from '@/lib/jobs/local-driver';
import { createTemplate } from '@/lib/templates/templates';
import { useTestDatabase } from '@/lib/testing/database';
import { type MemberContext, createTestTenant } from '@/lib/testing/factories';
import { acceptWebhookDelivery } from '@/lib/whatsapp/ingest/accept-delivery';
import { queueOutboundMessage } from '@/lib/whatsapp/outbound/queue-message';
import { simulateInbound } from '@/lib/whatsapp/sandbox/simulate-inbound';
import { type FixtureName, loadFixtureText } from '@/lib/whatsapp/webhook/fixtures';
import { signPayload } from '@/lib/whatsapp/webhook/signature';
import { applyMarketingPreference } from './marketing-preference';
import { recordConsentChange } from './record';
import { consentReplies } from './replies';

// Meta's two ways a customer stops marketing: the user_preferences webhook and the "Stop
// promotions" quick reply of a marketing template.

process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), 'sembang-optout-'));

const t = useTestDatabase({ asAppDatabase: true });
const appSecret = randomBytes(16).toString('hex');
// The fixtures' customer, on the fixtures' phone number id.
const FIXTURE_PHONE = '+60123456789';
let shop: MemberContext;

beforeAll(async () => {
  shop = await createTestTenant(t.db, 'Kedai Promosi');
  await settle(t.db);
  await t.db.insert(channels).values({ tenantId: shop.tenantId, type: 'cloud', name: 'Main', phoneNumberId: '106540352242922', appSecretEnc: encrypt(appSecret, getEnv().ENCRYPTION_KEY) });
});

async function deliverFixture(name: FixtureName) {
  const body = loadFixtureText(name);
  expect(await acceptWebhookDelivery(t.db, body, signPayload(body, appSecret), localJobClient)).toMatchObject({ status: 200 });
  await settle(t.db);
}

// Before the fixtures' June 2025 timestamps, as it would have been.
async function grant(customerId: string) {
  await recordConsentChange(t.db, { tenantId: shop.tenantId, customerId, status: 'granted', source: 'admin', reason: 'Signed the paper form at the counter', occurredAt: new Date('2025-06-01T02:00:00Z') });
}

async function fixtureCustomer() {
  const existing = await customerByPhone(t.db, shop, FIXTURE_PHONE);
  if (existing) return existing;
  const [created] = await t.db.insert(customers).values({ tenantId: shop.tenantId, phone: FIXTURE_PHONE, waId: FIXTURE_PHONE.slice(1), name: 'Aisyah Rahman' }).returning();
  return created!;
}

describe("Meta's user_preferences webhook", () => {
  it('a marketing stop withdraws consent with its own source; a redelivery and a resume change nothing', async () => {
    const customer = await fixtureCustomer();
    await grant(customer.id);

    await deliverFixture('user-preferences-stop');
    expect((await customerByPhone(t.db, shop, FIXTURE_PHONE))?.consentStatus).toBe('withdrawn');
    const history = await consentHistory(t.db, customer.id);
    expect(history.at(-1)).toMatchObject({ status: 'withdrawn', source: 'meta_opt_out', keyword: 'user_preferences:stop', occurredAt: new Date(1_750_000_200_000) });

    await deliverFixture('user-preferences-stop');
    await deliverFixture('user-preferences-resume');
    expect((await customerByPhone(t.db, shop, FIXTURE_PHONE))?.consentStatus).toBe('withdrawn');
    expect(await consentHistory(t.db, customer.id)).toHaveLength(history.length);
  });

  it('applyMarketingPreference: stop withdraws a pending customer once; resume and strangers are ignored', async () => {
    const phone = newPhone();
    await say(t.db, shop, phone, 'hello');
    const customer = await customerByPhone(t.db, shop, phone);
    const stop = { tenantId: shop.tenantId, customerId: customer!.id, occurredAt: new Date().toISOString() };
    expect(await applyMarketingPreference(t.db, { ...stop, preference: 'resume' })).toBe(false);
    expect(await applyMarketingPreference(t.db, { ...stop, preference: 'stop' })).toBe(true);
    expect(await applyMarketingPreference(t.db, { ...stop, preference: 'stop' })).toBe(false);
    expect(await applyMarketingPreference(t.db, { ...stop, customerId: '00000000-0000-4000-8000-000000000000', preference: 'stop' })).toBe(false);
    expect((await consentHistory(t.db, customer!.id)).map((e) => [e.status, e.source])).toEqual([
      ['pending', 'notice'],
      ['withdrawn', 'meta_opt_out'],
    ]);
  });
});

describe('the "Stop promotions" quick reply', () => {
  it('arrives as a button message and withdraws; a late one is recorded without a reply', async () => {
    const customer = await fixtureCustomer();
    await grant(customer.id);
    await deliverFixture('button-stop-promotions');

    const [message] = await t.db.select().from(messages).where(eq(messages.wamid, 'wamid.HBgLNjAxMjM0NTY3ODktMDAwMDQx'));
    expect(message).toMatchObject({ type: 'button', text: 'Stop promotions', handledAt: expect.any(Date) });
    expect((await consentHistory(t.db, customer.id)).at(-1)).toMatchObject({ status: 'withdrawn', source: 'button', keyword: 'STOP PROMOTIONS', evidenceMessageId: message!.id });
    // Sent in June 2025: the 24-hour window closed long ago, so nothing can be sent back.
    expect(await t.db.$count(messages, and(eq(messages.customerId, customer.id), eq(messages.direction, 'outbound')))).toBe(0);
  });

  it('tapped in the simulator on a marketing template, it withdraws and is confirmed', async () => {
    const phone = newPhone();
    await say(t.db, shop, phone, 'hello');
    await say(t.db, shop, phone, 'YES');
    const customer = await customerByPhone(t.db, shop, phone);
    const template = await createTemplate(t.db, shop, {
      name: 'weekly_promo',
      language: 'en',
      category: 'marketing',
      body: 'Hi {{1}}! Kaya toast, buy 2 get 1 free.',
      buttons: [{ text: 'Tell me more' }, { text: 'Stop promotions' }],
    });
    const promo = await queueOutboundMessage(t.db, shop, customer!.id, { templateId: template.id, parameters: ['Aminah'] });
    await settle(t.db);
    const [sent] = await t.db.select().from(messages).where(eq(messages.id, promo.id));

    await simulateInbound(t.db, shop, { phone, message: { type: 'button_reply', replyToWamid: sent!.wamid!, id: 'Stop promotions', title: 'Stop promotions' } }, { jobs: localJobClient });
    await settle(t.db);

    expect((await customerByPhone(t.db, shop, phone))?.consentStatus).toBe('withdrawn');
    expect((await consentHistory(t.db, customer!.id)).at(-1)).toMatchObject({ source: 'button', keyword: 'STOP PROMOTIONS' });
    const [last] = await t.db.select().from(messages).where(and(eq(messages.customerId, customer!.id), eq(messages.direction, 'outbound'))).orderBy(desc(messages.createdAt)).limit(1);
    expect(last?.text).toBe(consentReplies.optedOut.en);
  });
});
