import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { channels, consentEvents, customerFlags, customers, media, webhookEvents } from '@/db/schema';
import { sealIc } from '@/lib/customers/ic';
import type { ObjectStorage } from '@/lib/storage';
import { type TestConversation, addTestMessage, createTestConversation } from '@/lib/testing/factories';
import type { TenantContext } from '@/lib/tenants/context';
import { putSandboxMedia } from '@/lib/whatsapp/sandbox/media-store';

export interface CustomerOnFile extends TestConversation {
  ic: string;
  phone: string;
  waId: string;
  storageKey: string;
  sandboxMediaId: string;
  mediaId: string;
  textMessageId: string;
  imageMessageId: string;
}

// A customer with everything PDPA erasure and export must find: a sealed IC and its profile,
// messages both ways (one a formula, one an image stored under storageKey and uploaded through
// the simulator), consent history, an IC-duplicate flag and a raw webhook delivery naming them.
export async function createCustomerOnFile(db: Database, ctx: TenantContext, storage: ObjectStorage, options: { createdAt?: Date } = {}): Promise<CustomerOnFile> {
  const phone = `+6013${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  const waId = phone.slice(1);
  // Born 15 Feb 1990 in Kuala Lumpur; unique within the tenant like every IC.
  const ic = `900215-14-${String(Math.floor(Math.random() * 1e4)).padStart(4, '0')}`;
  const [sandbox] = await db.select({ id: channels.id }).from(channels).where(and(eq(channels.tenantId, ctx.tenantId), eq(channels.type, 'sandbox'))).limit(1);
  const conv = await createTestConversation(db, ctx, { name: 'Nur Aisyah binti Ahmad', phone, channelId: sandbox?.id });
  const at = options.createdAt ?? new Date();
  await db
    .update(customers)
    .set({ ...sealIc(ic), dateOfBirth: '1990-02-15', gender: 'F', maritalStatus: 'married', state: 'MY-14', city: 'Cheras', language: 'ms', consentStatus: 'granted', consentNoticeVersion: 1, createdAt: at })
    .where(and(eq(customers.tenantId, ctx.tenantId), eq(customers.id, conv.customerId)));

  const storageKey = `${ctx.tenantId}/2026/01/${randomUUID()}`;
  await storage.put(storageKey, Buffer.from('jpeg bytes of an IC card'), { contentType: 'image/jpeg' });
  const upload = await putSandboxMedia(ctx.tenantId, { bytes: Buffer.from('upload'), mimeType: 'image/jpeg' }, storage);
  const [file] = await db
    .insert(media)
    .values({ tenantId: ctx.tenantId, channelId: conv.channelId, providerMediaId: upload.mediaId, mimeType: 'image/jpeg', sizeBytes: 24, status: 'stored', storageKey })
    .returning({ id: media.id });
  if (!file) throw new Error('media insert returned nothing');

  const text = await addTestMessage(db, ctx, conv, { direction: 'inbound', text: `IC saya ${ic}, alamat Jalan Cheras`, createdAt: at });
  const image = await addTestMessage(db, ctx, conv, { direction: 'inbound', type: 'image', text: 'Gambar IC', mediaId: file.id, createdAt: new Date(at.getTime() + 1000) });
  await addTestMessage(db, ctx, conv, { direction: 'outbound', text: '=HYPERLINK("http://evil.example","klik")', replyToWamid: 'wamid.reply', createdAt: new Date(at.getTime() + 2000) });
  await addTestMessage(db, ctx, conv, { direction: 'inbound', type: 'location', text: 'Rumah', content: { latitude: 3.1, longitude: 101.7, name: 'Rumah' }, createdAt: new Date(at.getTime() + 3000) });
  await db.insert(consentEvents).values([
    { tenantId: ctx.tenantId, customerId: conv.customerId, status: 'pending', source: 'notice', noticeVersion: 1, occurredAt: at },
    { tenantId: ctx.tenantId, customerId: conv.customerId, status: 'granted', source: 'keyword', keyword: 'YA', evidenceMessageId: text.id, noticeVersion: 1, occurredAt: new Date(at.getTime() + 500) },
  ]);
  await db.insert(customerFlags).values({ tenantId: ctx.tenantId, customerId: conv.customerId, kind: 'duplicate_ic', icEncrypted: sealIc(ic).icEncrypted });
  await db.insert(webhookEvents).values({
    tenantId: ctx.tenantId,
    channelId: conv.channelId,
    payload: { entry: [{ changes: [{ value: { contacts: [{ wa_id: waId, profile: { name: 'Nur Aisyah' } }], messages: [{ from: waId, text: { body: 'IC saya …' } }] } }] }] },
    receivedAt: at,
    processedAt: at,
  });
  return { ...conv, ic, phone, waId, storageKey, sandboxMediaId: upload.mediaId, mediaId: file.id, textMessageId: text.id, imageMessageId: image.id };
}
