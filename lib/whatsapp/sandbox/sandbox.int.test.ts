import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { channels, conversations, customers, media, messages, webhookEvents } from '@/db/schema';
import { createTemplate } from '@/lib/templates/templates';
import { useTestDatabase } from '@/lib/testing/database';
import { type MemberContext, createTestTenant } from '@/lib/testing/factories';
import { acceptWebhookDelivery } from '@/lib/whatsapp/ingest/accept-delivery';
import { readStoredMedia } from '@/lib/whatsapp/media/read-media';
import { jpegBytes } from '@/lib/whatsapp/media/test-helpers';
import { queueOutboundMessage } from '@/lib/whatsapp/outbound/queue-message';
import { signPayload } from '@/lib/whatsapp/webhook/signature';
import { sandboxChannel } from './channel';
import { inboundMessagePayload } from './payloads';
import { simulateInbound } from './simulate-inbound';
import { markSimulatorRead } from './statuses';
import { drainJobs } from './test-helpers';
import { listSimulatedCustomers, simulatorThread } from './thread';

// Sandbox files (the simulator's uploads, then the fetched copies) go to a throw-away folder.
process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), 'sembang-sandbox-'));

const t = useTestDatabase({ asAppDatabase: true });
let a: MemberContext;
let b: MemberContext;

beforeAll(async () => {
  a = await createTestTenant(t.db, 'Kedai Sandbox A');
  b = await createTestTenant(t.db, 'Kedai Sandbox B');
  await drainJobs(t.db);
});

async function customerByPhone(ctx: MemberContext, phone: string) {
  const [row] = await t.db.select().from(customers).where(and(eq(customers.tenantId, ctx.tenantId), eq(customers.phone, phone)));
  return row;
}

const messageByWamid = async (wamid: string) => (await t.db.select().from(messages).where(eq(messages.wamid, wamid)))[0];

async function reply(ctx: MemberContext, phone: string, text: string) {
  const customer = await customerByPhone(ctx, phone);
  const queued = await queueOutboundMessage(t.db, ctx, customer!.id, { text });
  await drainJobs(t.db);
  const [row] = await t.db.select().from(messages).where(eq(messages.id, queued.id));
  return row!;
}

describe('simulateInbound', () => {
  it('goes through the webhook: customer, conversation and message exist after the jobs ran', async () => {
    const { wamid, phone } = await simulateInbound(t.db, a, { phone: '012-345 6701', profileName: 'Siti Aminah', message: { type: 'text', text: 'hello' } });
    expect(phone).toBe('+60123456701');
    expect(wamid).toMatch(/^wamid\.sandbox\.[0-9a-f-]{36}$/);
    const channel = await sandboxChannel(t.db, a.tenantId);
    expect(await t.db.$count(webhookEvents, eq(webhookEvents.channelId, channel.id))).toBeGreaterThan(0);

    await drainJobs(t.db);

    const customer = await customerByPhone(a, '+60123456701');
    expect(customer).toMatchObject({ waId: '60123456701', name: 'Siti Aminah', profileName: 'Siti Aminah', inboundCount: 1 });
    const message = await messageByWamid(wamid);
    expect(message).toMatchObject({ direction: 'inbound', type: 'text', text: 'hello', status: 'received', channelId: channel.id, customerId: customer?.id });
    const [conversation] = await t.db.select().from(conversations).where(eq(conversations.id, message!.conversationId));
    expect(conversation).toMatchObject({ channelId: channel.id, status: 'open', unreadCount: 1 });
  });

  it('names a customer without a profile name after the last four digits', async () => {
    await simulateInbound(t.db, a, { phone: '+60123456702', message: { type: 'text', text: 'hi' } });
    await drainJobs(t.db);
    expect((await customerByPhone(a, '+60123456702'))?.name).toBe('Customer 6702');
  });

  it('refuses a phone number that is not one', async () => {
    await expect(simulateInbound(t.db, a, { phone: '12', message: { type: 'text', text: 'hi' } })).rejects.toMatchObject({ name: 'ZodError' });
  });

  it('a payload signed with another secret is refused and stores nothing', async () => {
    const channel = await sandboxChannel(t.db, a.tenantId);
    const payload = inboundMessagePayload(channel, { waId: '60123456703', profileName: 'Mallory' }, { type: 'text', text: 'forged' }, { wamid: 'wamid.sandbox.forged', at: new Date() });
    const raw = JSON.stringify(payload);
    const before = await t.db.$count(webhookEvents);

    expect(await acceptWebhookDelivery(t.db, raw, signPayload(raw, 'not-the-sandbox-secret'))).toMatchObject({ status: 401 });
    expect(await acceptWebhookDelivery(t.db, raw, signPayload(raw, channel.appSecret))).toMatchObject({ status: 200, stored: 1 });
    expect(await t.db.$count(webhookEvents)).toBe(before + 1);
  });
});

describe('replies through the sandbox', () => {
  it('a queued reply ends delivered after the status webhooks, and read once the simulator shows it', async () => {
    await simulateInbound(t.db, a, { phone: '+60123456710', profileName: 'Ahmad', message: { type: 'text', text: 'Ada stok kopi?' } });
    await drainJobs(t.db);

    const sent = await reply(a, '+60123456710', 'Ada, RM 12.90 sebungkus.');
    expect(sent.wamid).toMatch(/^wamid\.sandbox\./);
    expect(sent).toMatchObject({ status: 'delivered', sentAt: expect.any(Date), deliveredAt: expect.any(Date), readAt: null });

    expect(await markSimulatorRead(t.db, a, [sent.wamid!])).toEqual({ marked: 1 });
    await drainJobs(t.db);
    expect(await messageByWamid(sent.wamid!)).toMatchObject({ status: 'read', readAt: expect.any(Date) });
    // Already read: nothing more to report.
    expect(await markSimulatorRead(t.db, a, [sent.wamid!])).toEqual({ marked: 0 });
  });

  it('a button_reply to an interactive message arrives as an interactive message with its title', async () => {
    await simulateInbound(t.db, a, { phone: '+60123456711', message: { type: 'text', text: 'menu' } });
    await drainJobs(t.db);
    const business = await reply(a, '+60123456711', 'Pilih satu');

    const { wamid } = await simulateInbound(t.db, a, { phone: '+60123456711', message: { type: 'button_reply', replyToWamid: business.wamid!, id: 'order', title: 'Order now' } });
    await drainJobs(t.db);

    const message = await messageByWamid(wamid);
    expect(message).toMatchObject({ type: 'interactive', text: 'Order now', replyToWamid: business.wamid });
    expect(JSON.stringify(message?.content)).toContain('order');
  });

  it("a tapped template quick reply arrives as Meta's button message", async () => {
    await simulateInbound(t.db, a, { phone: '+60123456712', message: { type: 'text', text: 'promo?' } });
    await drainJobs(t.db);
    const template = await createTemplate(t.db, a, {
      name: 'promo_reply',
      language: 'ms',
      category: 'marketing',
      body: 'Hai {{1}}, mahu promosi minggu ini?',
      buttons: [{ text: 'Ya' }, { text: 'Tidak' }],
    });
    const customer = await customerByPhone(a, '+60123456712');
    const queued = await queueOutboundMessage(t.db, a, customer!.id, { templateId: template.id, parameters: ['Aina'] });
    await drainJobs(t.db);

    const thread = await simulatorThread(t.db, a, '+60123456712');
    const shown = thread.messages.find((m) => m.id === queued.id);
    expect(shown).toMatchObject({ direction: 'outbound', text: 'Hai Aina, mahu promosi minggu ini?', status: 'delivered', buttons: [{ id: 'Ya', title: 'Ya' }, { id: 'Tidak', title: 'Tidak' }] });

    const { wamid } = await simulateInbound(t.db, a, { phone: '+60123456712', message: { type: 'button_reply', replyToWamid: shown!.wamid!, id: 'Ya', title: 'Ya' } });
    await drainJobs(t.db);
    expect(await messageByWamid(wamid)).toMatchObject({ type: 'button', text: 'Ya', replyToWamid: shown!.wamid });
  });

  it('refuses a button reply to a message the sandbox never sent', async () => {
    await expect(
      simulateInbound(t.db, a, { phone: '+60123456712', message: { type: 'button_reply', replyToWamid: 'wamid.sandbox.nope', id: 'x', title: 'X' } }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('media from the simulator', () => {
  it('an image is fetched by the media job through the sandbox provider, like one from Meta', async () => {
    const bytes = jpegBytes(2048);
    const { wamid } = await simulateInbound(t.db, a, {
      phone: '+60123456720',
      message: { type: 'image', fileName: 'resit.jpg', mimeType: 'image/jpeg', bytes, caption: 'Resit saya' },
    });
    await drainJobs(t.db);
    const message = await messageByWamid(wamid);
    expect(message).toMatchObject({ type: 'image', text: 'Resit saya', mediaId: expect.any(String) });
    const [row] = await t.db.select().from(media).where(eq(media.id, message!.mediaId!));
    expect(row).toMatchObject({ status: 'stored', mimeType: 'image/jpeg', sizeBytes: 2048 });
    expect((await readStoredMedia(t.db, { tenantId: a.tenantId, mediaId: row!.id })).bytes.equals(bytes)).toBe(true);
  });

  it('refuses an image that is not JPEG or PNG, and an empty file', async () => {
    const gif = { type: 'image' as const, fileName: 'a.gif', mimeType: 'image/gif', bytes: Buffer.from('GIF89a') };
    await expect(simulateInbound(t.db, a, { phone: '+60123456720', message: gif })).rejects.toMatchObject({ code: 'validation' });
    const empty = { type: 'document' as const, fileName: 'a.pdf', mimeType: 'application/pdf', bytes: Buffer.alloc(0) };
    await expect(simulateInbound(t.db, a, { phone: '+60123456720', message: empty })).rejects.toMatchObject({ code: 'validation' });
  });
});

describe('the simulator view', () => {
  it("shows the conversation as the customer sees it, and only the tenant's own", async () => {
    await simulateInbound(t.db, a, { phone: '+60123456730', profileName: 'Mei Ling', message: { type: 'text', text: 'Hi' } });
    await drainJobs(t.db);
    const sent = await reply(a, '+60123456730', 'Hello Mei Ling!');

    const thread = await simulatorThread(t.db, a, '60123456730');
    expect(thread).toMatchObject({ phone: '+60123456730', customer: { name: 'Mei Ling', profileName: 'Mei Ling' } });
    // First contact: the consent notice in Malay and English (lib/consent), with its buttons.
    expect(thread.messages.map((m) => [m.direction, m.text?.split('\n')[0], m.status, m.buttons.map((b) => b.title)])).toEqual([
      ['inbound', 'Hi', 'received', []],
      ['outbound', 'Hi Mei Ling! Anda dihubungi oleh Kedai Sandbox A berkaitan pembelian/promosi produk kami.', 'delivered', ['YA', 'TIDAK']],
      ['outbound', 'Hi Mei Ling! This is Kedai Sandbox A about your purchase/promotions.', 'delivered', ['YES', 'NO']],
      ['outbound', 'Hello Mei Ling!', 'delivered', []],
    ]);
    expect((await listSimulatedCustomers(t.db, a)).map((c) => c.phone)).toContain('+60123456730');

    expect(await simulatorThread(t.db, b, '+60123456730')).toEqual({ phone: '+60123456730', customer: null, messages: [] });
    expect((await listSimulatedCustomers(t.db, b)).map((c) => c.phone)).not.toContain('+60123456730');
    expect(await markSimulatorRead(t.db, b, [sent.wamid!])).toEqual({ marked: 0 });
    expect((await messageByWamid(sent.wamid!))?.status).toBe('delivered');
  });

  it("uses each tenant's own sandbox number", async () => {
    const [channelA, channelB] = [await sandboxChannel(t.db, a.tenantId), await sandboxChannel(t.db, b.tenantId)];
    expect(channelA.phoneNumberId).not.toBe(channelB.phoneNumberId);
    const rows = await t.db.select({ type: channels.type }).from(channels).where(eq(channels.tenantId, a.tenantId));
    expect(rows.filter((r) => r.type === 'sandbox')).toHaveLength(1);
  });
});
