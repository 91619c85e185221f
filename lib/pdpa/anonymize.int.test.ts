import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, consentEvents, conversations, customerFlags, customers, media, messages, webhookEvents } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { ObjectStorage } from '@/lib/storage';
import { createLocalStorage } from '@/lib/storage/local';
import { useTestDatabase } from '@/lib/testing/database';
import { type MemberContext, addMember } from '@/lib/testing/factories';
import { type TwoTenants, createTwoTenants } from '@/lib/testing/isolation';
import { readSandboxMedia } from '@/lib/whatsapp/sandbox/media-store';
import { REDACTED_CONTENT, anonymizeCustomer, anonymizeInputSchema } from './anonymize';
import { type CustomerOnFile, createCustomerOnFile } from './testing';

const test = useTestDatabase();
let t: TwoTenants;
let agent: MemberContext;
let dir: string;
let storage: ObjectStorage;
let aisyah: CustomerOnFile;
let other: CustomerOnFile;

const failsWith = (code: string) => (error: unknown) => error instanceof AppError && error.code === code;

beforeAll(async () => {
  t = await createTwoTenants(test.db);
  agent = await addMember(test.db, t.a, 'agent');
  dir = await mkdtemp(path.join(tmpdir(), 'sembang-anonymize-'));
  storage = createLocalStorage(dir);
  aisyah = await createCustomerOnFile(test.db, t.a, storage);
  other = await createCustomerOnFile(test.db, t.a, storage);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const customerRow = async (id: string) => (await test.db.select().from(customers).where(eq(customers.id, id)))[0];

describe('anonymizeCustomer', () => {
  it('refuses agents and needs a reason', async () => {
    await expect(anonymizeCustomer(test.db, agent, aisyah.customerId, { reason: 'asked' }, { storage })).rejects.toSatisfy(failsWith('forbidden'));
    expect(anonymizeInputSchema.safeParse({ reason: ' ' }).success).toBe(false);
    expect(anonymizeInputSchema.safeParse({}).success).toBe(false);
    expect((await customerRow(aisyah.customerId))?.waId).toBe(aisyah.waId);
  });

  it("answers not found for another tenant's customer and changes nothing", async () => {
    await expect(anonymizeCustomer(test.db, t.b, aisyah.customerId, { reason: 'asked' }, { storage })).rejects.toSatisfy(failsWith('not_found'));
    expect((await customerRow(aisyah.customerId))?.anonymizedAt).toBeNull();
  });

  it('erases what identifies the customer and keeps what the statistics need', async () => {
    const result = await anonymizeCustomer(test.db, t.a, aisyah.customerId, { reason: 'Customer asked by email (PDPA erasure)' }, { storage });

    expect(result).toMatchObject({ customerId: aisyah.customerId, alreadyAnonymized: false, messagesRedacted: 4, mediaDeleted: 1, webhookEventsDeleted: 1 });
    const row = await customerRow(aisyah.customerId);
    expect(row).toMatchObject({
      name: `Anonymised customer ${aisyah.customerId.slice(0, 8)}`,
      phone: null,
      waId: null,
      waUserId: null,
      profileName: null,
      icEncrypted: null,
      icHash: null,
      icMasked: null,
      city: null,
      // Kept for aggregates: birth year, gender, marital status, birth state, language, consent, counts.
      dateOfBirth: '1990-01-01',
      gender: 'F',
      maritalStatus: 'married',
      state: 'MY-14',
      language: 'ms',
      consentStatus: 'granted',
      inboundCount: 3,
      outboundCount: 1,
    });
    expect(row?.anonymizedAt).toEqual(result.anonymizedAt);
  });

  it('redacts every message but keeps type, direction, status and times', async () => {
    const rows = await test.db.select().from(messages).where(eq(messages.customerId, aisyah.customerId));
    expect(rows).toHaveLength(4);
    for (const m of rows) expect(m).toMatchObject({ text: null, content: REDACTED_CONTENT, mediaId: null, wamid: null, replyToWamid: null });
    expect(rows.map((m) => [m.type, m.direction, m.status]).sort()).toEqual([
      ['image', 'inbound', 'received'],
      ['location', 'inbound', 'received'],
      ['text', 'inbound', 'received'],
      ['text', 'outbound', 'sent'],
    ]);
    const [conversation] = await test.db.select().from(conversations).where(eq(conversations.id, aisyah.conversationId));
    expect(conversation?.lastMessagePreview).toBeNull();
  });

  it('deletes the media rows, the stored file and the simulator upload', async () => {
    expect(await test.db.$count(media, eq(media.id, aisyah.mediaId))).toBe(0);
    expect(await storage.get(aisyah.storageKey)).toBeNull();
    expect(await readSandboxMedia(t.a.tenantId, aisyah.sandboxMediaId, storage)).toBeNull();
  });

  it('deletes flags and raw deliveries naming the customer, and nothing of anyone else', async () => {
    expect(await test.db.$count(customerFlags, eq(customerFlags.customerId, aisyah.customerId))).toBe(0);
    const raw = await test.db.select({ payload: webhookEvents.payload }).from(webhookEvents).where(eq(webhookEvents.tenantId, t.a.tenantId));
    expect(JSON.stringify(raw)).not.toContain(aisyah.waId);
    expect(JSON.stringify(raw)).toContain(other.waId);

    expect(await customerRow(other.customerId)).toMatchObject({ waId: other.waId, anonymizedAt: null });
    expect(await storage.get(other.storageKey)).not.toBeNull();
    expect(await test.db.$count(messages, and(eq(messages.customerId, other.customerId), eq(messages.text, 'Gambar IC')))).toBe(1);
  });

  it('keeps the consent history, which holds no identifier of the person', async () => {
    const events = await test.db.select().from(consentEvents).where(eq(consentEvents.customerId, aisyah.customerId));
    expect(events.map((e) => [e.status, e.source, e.keyword])).toEqual(expect.arrayContaining([['pending', 'notice', null], ['granted', 'keyword', 'YA']]));
    const text = JSON.stringify(events);
    for (const identifier of [aisyah.waId, aisyah.phone, 'Aisyah', aisyah.ic, aisyah.ic.replaceAll('-', '')]) expect(text).not.toContain(identifier);
  });

  it('writes one audit entry with the reason and the counts, never the old values', async () => {
    const entries = await test.db.select().from(auditLog).where(and(eq(auditLog.tenantId, t.a.tenantId), eq(auditLog.action, 'customer.anonymized')));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorUserId: t.a.userId, targetId: aisyah.customerId, metadata: { reason: 'Customer asked by email (PDPA erasure)', messagesRedacted: 4, mediaDeleted: 1 } });
    expect(JSON.stringify(entries)).not.toContain(aisyah.waId);
  });

  it('is idempotent: a second call erases nothing more and audits nothing more', async () => {
    const first = await customerRow(aisyah.customerId);
    const again = await anonymizeCustomer(test.db, t.a, aisyah.customerId, { reason: 'again' }, { storage });

    expect(again).toMatchObject({ alreadyAnonymized: true, messagesRedacted: 0, mediaDeleted: 0, webhookEventsDeleted: 0, anonymizedAt: first?.anonymizedAt });
    expect(await customerRow(aisyah.customerId)).toMatchObject({ name: first?.name, dateOfBirth: '1990-01-01' });
    expect(await test.db.$count(auditLog, and(eq(auditLog.tenantId, t.a.tenantId), eq(auditLog.action, 'customer.anonymized')))).toBe(1);
  });
});
