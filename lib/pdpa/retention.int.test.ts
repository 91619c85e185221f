import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversations, customers, jobs, media, messages, ocrJobs, tenantSettings, webhookEvents } from '@/db/schema';
import type { ObjectStorage } from '@/lib/storage';
import { createLocalStorage } from '@/lib/storage/local';
import { provisionTenant } from '@/lib/tenants/provision';
import { useTestDatabase } from '@/lib/testing/database';
import { addTestMessage, createTestConversation, createTestTenant } from '@/lib/testing/factories';
import { type TwoTenants, createTwoTenants } from '@/lib/testing/isolation';
import { REDACTED_CONTENT } from './anonymize';
import { createDataRequest } from './requests';
import { applyRetention, tenantsWithRetention } from './retention';
import { runRetention } from './retention-run';
import { retentionJob, runDailyRetention, scheduleRetentionForAllTenants } from './retention-schedule';
import { type CustomerOnFile, createCustomerOnFile } from './testing';

const test = useTestDatabase();
let t: TwoTenants;
let dir: string;
let storage: ObjectStorage;
// Old: everything on 1 Jan 2024. Recent: a customer first seen then, still writing on 1 May 2026.
let old: CustomerOnFile;
let recent: CustomerOnFile;
let onHold: CustomerOnFile;
let ofB: CustomerOnFile;
// What OCR read: from the old customer's photo and from an API upload (both long ago), and lately.
const ocr = { fromPhoto: '', fromApi: '', lately: '', apiMediaId: '', apiKey: '' };

const NOW = new Date('2026-06-15T19:00:00Z');
const LONG_AGO = new Date('2024-01-01T00:00:00Z');
const LATELY = new Date('2026-05-01T00:00:00Z');

async function setRetention(tenantId: string, months: number | null, years: number | null) {
  await test.db.update(tenantSettings).set({ retentionMessageMonths: months, retentionInactiveYears: years }).where(eq(tenantSettings.tenantId, tenantId));
}
const customer = async (id: string) => (await test.db.select().from(customers).where(eq(customers.id, id)))[0];
const messagesOf = (c: CustomerOnFile) => test.db.select().from(messages).where(eq(messages.customerId, c.customerId));

beforeAll(async () => {
  t = await createTwoTenants(test.db);
  await provisionTenant(test.db, { tenantId: t.a.tenantId });
  await provisionTenant(test.db, { tenantId: t.b.tenantId });
  dir = await mkdtemp(path.join(tmpdir(), 'sembang-retention-'));
  storage = createLocalStorage(dir);
  old = await createCustomerOnFile(test.db, t.a, storage, { createdAt: LONG_AGO });
  recent = await createCustomerOnFile(test.db, t.a, storage, { createdAt: LONG_AGO });
  await addTestMessage(test.db, t.a, recent, { direction: 'inbound', text: 'Masih di sini', createdAt: LATELY });
  onHold = await createCustomerOnFile(test.db, t.a, storage, { createdAt: LONG_AGO });
  await createDataRequest(test.db, t.a, { kind: 'access', customerId: onHold.customerId });
  ofB = await createCustomerOnFile(test.db, t.b, storage, { createdAt: LONG_AGO });

  ocr.apiKey = `${t.a.tenantId}/2024/01/ocr-upload`;
  await storage.put(ocr.apiKey, Buffer.from('jpeg bytes of a receipt'), { contentType: 'image/jpeg' });
  const [upload] = await test.db.insert(media).values({ tenantId: t.a.tenantId, mimeType: 'image/jpeg', sizeBytes: 23, status: 'stored', storageKey: ocr.apiKey }).returning();
  ocr.apiMediaId = upload!.id;
  const read = { status: 'completed' as const, kind: 'receipt' as const, text: 'KEDAI RUNCIT ALI\nTOTAL 45.90', fileSha256: 'ab'.repeat(32), confidence: 0.9, extracted: { outcome: 'purchase', receipt: { total: '45.90' } } };
  const rows = await test.db
    .insert(ocrJobs)
    .values([
      { ...read, tenantId: t.a.tenantId, customerId: old.customerId, source: 'whatsapp', createdAt: LONG_AGO },
      { ...read, tenantId: t.a.tenantId, source: 'api', mediaId: upload!.id, createdAt: LONG_AGO },
      { ...read, tenantId: t.a.tenantId, customerId: recent.customerId, source: 'whatsapp', createdAt: LATELY },
    ])
    .returning({ id: ocrJobs.id });
  [ocr.fromPhoto, ocr.fromApi, ocr.lately] = rows.map((r) => r.id) as [string, string, string];
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('applyRetention', () => {
  it('does nothing while the tenant keeps everything', async () => {
    expect(await tenantsWithRetention(test.db)).toEqual([]);
    expect(await applyRetention(test.db, t.a.tenantId, NOW, { storage })).toEqual({ messagesRedacted: 0, mediaDeleted: 0, previewsCleared: 0, webhookEventsDeleted: 0, ocrReadsErased: 0, customersAnonymized: 0 });
    expect((await messagesOf(old)).every((m) => m.text !== null)).toBe(true);
  });

  it('redacts message bodies older than N months, with their media, previews and raw deliveries', async () => {
    await setRetention(t.a.tenantId, 6, null);
    await setRetention(t.b.tenantId, 6, null);
    expect((await tenantsWithRetention(test.db)).sort()).toEqual([t.a.tenantId, t.b.tenantId].sort());

    const counts = await applyRetention(test.db, t.a.tenantId, NOW, { storage });

    // Four old messages each for three customers; the recent customer's new one stays.
    expect(counts).toEqual({ messagesRedacted: 12, mediaDeleted: 4, previewsCleared: 2, webhookEventsDeleted: 3, ocrReadsErased: 2, customersAnonymized: 0 });
    for (const m of await messagesOf(old)) expect(m).toMatchObject({ text: null, content: REDACTED_CONTENT, mediaId: null });
    expect((await messagesOf(recent)).filter((m) => m.text !== null).map((m) => m.text)).toEqual(['Masih di sini']);
    expect(await storage.get(old.storageKey)).toBeNull();
    const [conversation] = await test.db.select().from(conversations).where(eq(conversations.id, old.conversationId));
    expect(conversation?.lastMessagePreview).toBeNull();
    // OCR reads that old are erased (the log entry stays), with the API upload's file.
    const reads = await test.db.select().from(ocrJobs).where(eq(ocrJobs.tenantId, t.a.tenantId));
    for (const id of [ocr.fromPhoto, ocr.fromApi]) {
      expect(reads.find((r) => r.id === id)).toMatchObject({ text: null, fileSha256: null, extracted: { outcome: 'purchase', erased: true }, status: 'completed', kind: 'receipt', confidence: 0.9 });
    }
    expect(reads.find((r) => r.id === ocr.fromApi)?.mediaId).toBeNull();
    expect(await test.db.$count(media, eq(media.id, ocr.apiMediaId))).toBe(0);
    expect(await storage.get(ocr.apiKey)).toBeNull();
    expect(reads.find((r) => r.id === ocr.lately)).toMatchObject({ text: 'KEDAI RUNCIT ALI\nTOTAL 45.90', extracted: { receipt: { total: '45.90' } } });
    // The customers themselves are untouched by message retention.
    expect(await customer(old.customerId)).toMatchObject({ waId: old.waId, anonymizedAt: null });
  });

  it("leaves other tenants alone", async () => {
    expect((await messagesOf(ofB)).filter((m) => m.text !== null)).toHaveLength(4);
    expect(await storage.get(ofB.storageKey)).not.toBeNull();
    expect(await test.db.$count(webhookEvents, eq(webhookEvents.tenantId, t.b.tenantId))).toBe(1);
  });

  it('anonymises customers inactive for N years, except while a request about them is open', async () => {
    await setRetention(t.a.tenantId, 6, 2);

    const counts = await applyRetention(test.db, t.a.tenantId, NOW, { storage });

    expect(counts.customersAnonymized).toBe(1);
    expect(await customer(old.customerId)).toMatchObject({ waId: null, icHash: null, name: `Anonymised customer ${old.customerId.slice(0, 8)}` });
    expect((await customer(old.customerId))?.anonymizedAt).toBeInstanceOf(Date);
    expect(await customer(recent.customerId)).toMatchObject({ waId: recent.waId, anonymizedAt: null });
    expect(await customer(onHold.customerId)).toMatchObject({ waId: onHold.waId, anonymizedAt: null });
  });

  it('is idempotent: the same day again changes nothing', async () => {
    expect(await applyRetention(test.db, t.a.tenantId, NOW, { storage })).toEqual({ messagesRedacted: 0, mediaDeleted: 0, previewsCleared: 0, webhookEventsDeleted: 0, ocrReadsErased: 0, customersAnonymized: 0 });
  });
});

describe('the daily job (embedded driver)', () => {
  const jobsNamed = (tenantId: string) =>
    test.db
      .select({ dedupeKey: jobs.dedupeKey, runAt: jobs.runAt, payload: jobs.payload })
      .from(jobs)
      .where(and(eq(jobs.tenantId, tenantId), eq(jobs.name, 'pdpa/retention.daily')));

  it("books the next day's run at 03:00 Malaysia time before applying, once however often it runs", async () => {
    await runDailyRetention(test.db, { tenantId: t.b.tenantId, day: '2026-06-16' }, { storage, now: NOW });
    await runDailyRetention(test.db, { tenantId: t.b.tenantId, day: '2026-06-16' }, { storage, now: NOW });

    expect(await jobsNamed(t.b.tenantId)).toEqual([
      { dedupeKey: `pdpa-retention:${t.b.tenantId}:2026-06-17`, runAt: new Date('2026-06-16T19:00:00Z'), payload: { tenantId: t.b.tenantId, day: '2026-06-17' } },
    ]);
    expect((await messagesOf(ofB)).every((m) => m.text === null)).toBe(true);
  });

  it("schedules today's run for every tenant at start-up, once", async () => {
    // 15 June 19:00 UTC is already 16 June in Malaysia; that day's 03:00 run is still ahead.
    await scheduleRetentionForAllTenants(test.db, NOW);
    await scheduleRetentionForAllTenants(test.db, NOW);

    const ofA = await jobsNamed(t.a.tenantId);
    expect(ofA).toEqual([{ dedupeKey: retentionJob(t.a.tenantId, '2026-06-16').dedupeKey, runAt: new Date('2026-06-15T19:00:00Z'), payload: { tenantId: t.a.tenantId, day: '2026-06-16' } }]);
  });
});

describe('retention:run (the CLI)', () => {
  it('applies every tenant with a schedule, with counts per tenant and in total', async () => {
    const c = await createTestTenant(test.db, 'Kedai CLI');
    await provisionTenant(test.db, c);
    await setRetention(c.tenantId, 1, null);
    await addTestMessage(test.db, c, await createTestConversation(test.db, c), { direction: 'inbound', text: 'lama', createdAt: LONG_AGO });

    const out = await runRetention(test.db, { now: NOW.toISOString() });

    expect(out.now).toBe(NOW.toISOString());
    expect(out.tenants.map((x) => x.tenantId).sort()).toEqual([t.a.tenantId, t.b.tenantId, c.tenantId].sort());
    expect(out.tenants.find((x) => x.tenantId === c.tenantId)).toMatchObject({ messagesRedacted: 1, previewsCleared: 1 });
    // Tenants A and B were applied above already.
    expect(out.total).toEqual({ messagesRedacted: 1, mediaDeleted: 0, previewsCleared: 1, webhookEventsDeleted: 0, ocrReadsErased: 0, customersAnonymized: 0 });
  });
});
