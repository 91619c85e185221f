import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, dataSubjectRequests } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { ObjectStorage } from '@/lib/storage';
import { createLocalStorage } from '@/lib/storage/local';
import { useTestDatabase } from '@/lib/testing/database';
import { type MemberContext, addMember } from '@/lib/testing/factories';
import { type TwoTenants, createTwoTenants } from '@/lib/testing/isolation';
import { EXPORT_FORMAT, exportCustomer } from './export';
import { createDataRequest } from './requests';
import { type CustomerOnFile, createCustomerOnFile } from './testing';

const test = useTestDatabase();
let t: TwoTenants;
let agent: MemberContext;
let admin: MemberContext;
let dir: string;
let storage: ObjectStorage;
let aisyah: CustomerOnFile;

const NOW = new Date('2026-07-01T04:00:00Z');
const failsWith = (code: string) => (error: unknown) => error instanceof AppError && error.code === code;

// Keeps the byte-order mark (TextDecoder drops it by default), so the test can see it.
const decode = (bytes: Uint8Array | undefined) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

// CSV rows after the byte-order mark, split on CRLF outside quotes (a cell may hold line breaks).
function csvRows(bom: string): string[][] {
  if (!bom.startsWith('\uFEFF')) throw new Error('CSV without a byte-order mark');
  const text = bom.slice(1);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += c;
  }
  return rows;
}

beforeAll(async () => {
  t = await createTwoTenants(test.db);
  agent = await addMember(test.db, t.a, 'agent');
  admin = await addMember(test.db, t.a, 'admin');
  dir = await mkdtemp(path.join(tmpdir(), 'sembang-export-'));
  storage = createLocalStorage(dir);
  aisyah = await createCustomerOnFile(test.db, t.a, storage);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('exportCustomer', () => {
  it('is for owners and admins only, and only for their own customers', async () => {
    await expect(exportCustomer(test.db, agent, aisyah.customerId, { storage })).rejects.toSatisfy(failsWith('forbidden'));
    await expect(exportCustomer(test.db, t.b, aisyah.customerId, { storage })).rejects.toSatisfy(failsWith('not_found'));
    expect(await test.db.$count(auditLog, eq(auditLog.action, 'customer.exported'))).toBe(0);
  });

  it('bundles the profile with the full IC, messages, consent history and the media files', async () => {
    const out = await exportCustomer(test.db, admin, aisyah.customerId, { storage, now: NOW });

    expect(out.fileName).toBe(`sembang-customer-${aisyah.customerId.slice(0, 8)}-20260701.zip`);
    const zip = unzipSync(out.bytes);
    const mediaPath = `media/${aisyah.mediaId}.jpg`;
    expect(Object.keys(zip).sort()).toEqual(['consent-events.csv', 'customer.json', 'media.csv', mediaPath, 'messages.csv'].sort());

    const doc = JSON.parse(strFromU8(zip['customer.json']!));
    expect(doc).toMatchObject({
      format: EXPORT_FORMAT,
      exportedAt: NOW.toISOString(),
      dataUser: { business: 'Kedai Tenant A' },
      customer: { id: aisyah.customerId, name: 'Nur Aisyah binti Ahmad', phone: aisyah.phone, waId: aisyah.waId, icNumber: aisyah.ic.replaceAll('-', ''), dateOfBirth: '1990-02-15', gender: 'F', state: 'MY-14', consentStatus: 'granted' },
      conversations: [{ id: aisyah.conversationId, status: 'open' }],
      files: ['customer.json', 'messages.csv', 'consent-events.csv', mediaPath, 'media.csv'],
    });
    expect(Buffer.from(zip[mediaPath]!).toString()).toBe('jpeg bytes of an IC card');
  });

  it('writes CSV a spreadsheet cannot be tricked by', async () => {
    const zip = unzipSync((await exportCustomer(test.db, t.a, aisyah.customerId, { storage, now: NOW })).bytes);
    const messages = decode(zip['messages.csv']);
    expect(messages.startsWith('\uFEFFid,conversationId,createdAt,direction,type,status,text,details,attachment')).toBe(true);
    const rows = csvRows(messages);
    const texts = rows.slice(1).map((r) => r[6]);
    expect(texts).toEqual([`IC saya ${aisyah.ic}, alamat Jalan Cheras`, 'Gambar IC', `'=HYPERLINK("http://evil.example","klik")`, 'Rumah']);
    expect(rows[2]?.[8]).toBe(`media/${aisyah.mediaId}.jpg`);
    expect(JSON.parse(rows[4]?.[7] ?? '')).toEqual({ latitude: 3.1, longitude: 101.7, name: 'Rumah' });

    const consent = csvRows(decode(zip['consent-events.csv']));
    expect(consent.map((r) => [r[1], r[2], r[3], r[4]])).toEqual([
      ['status', 'source', 'keyword', 'noticeVersion'],
      ['pending', 'notice', '', '1'],
      ['granted', 'keyword', 'YA', '1'],
    ]);
    const media = csvRows(decode(zip['media.csv']));
    expect(media[1]).toEqual([`media/${aisyah.mediaId}.jpg`, aisyah.imageMessageId, expect.any(String), 'image/jpeg', '24', '', 'included']);
  });

  it('audits every export and logs a completed access request unless one is open', async () => {
    const entries = await test.db.select().from(auditLog).where(and(eq(auditLog.tenantId, t.a.tenantId), eq(auditLog.action, 'customer.exported')));
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ targetId: aisyah.customerId, metadata: { includesIcNumber: true, requestLogged: true } });
    expect(JSON.stringify(entries)).not.toContain(aisyah.ic.replaceAll('-', ''));
    const logged = await test.db.select().from(dataSubjectRequests).where(eq(dataSubjectRequests.customerId, aisyah.customerId));
    expect(logged.map((r) => [r.kind, r.status])).toEqual([
      ['access', 'completed'],
      ['access', 'completed'],
    ]);

    const open = await createDataRequest(test.db, t.a, { kind: 'access', customerId: aisyah.customerId });
    await exportCustomer(test.db, t.a, aisyah.customerId, { storage, now: NOW });
    const [last] = await test.db.select().from(auditLog).where(eq(auditLog.action, 'customer.exported')).orderBy(auditLog.createdAt).offset(2);
    expect(last?.metadata).toMatchObject({ requestId: open.id, requestLogged: false });
    expect(await test.db.$count(dataSubjectRequests, eq(dataSubjectRequests.customerId, aisyah.customerId))).toBe(3);
    expect(JSON.parse(strFromU8(unzipSync((await exportCustomer(test.db, t.a, aisyah.customerId, { storage, now: NOW })).bytes)['customer.json']!)).dataRequests).toHaveLength(3);
  });

  it('lists a file missing from storage instead of failing', async () => {
    await storage.delete(aisyah.storageKey);
    const zip = unzipSync((await exportCustomer(test.db, t.a, aisyah.customerId, { storage, now: NOW })).bytes);
    expect(zip[`media/${aisyah.mediaId}.jpg`]).toBeUndefined();
    expect(csvRows(decode(zip['media.csv']))[1]).toEqual(['', aisyah.imageMessageId, expect.any(String), 'image/jpeg', '24', '', 'missing from storage']);
  });
});
