import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, consentEvents, customerFlags, customers } from '@/db/schema';
import { recordConsentChange } from '@/lib/consent/record';
import { useTestDatabase } from '@/lib/testing/database';
import { type MemberContext, addMember, createTestConversation } from '@/lib/testing/factories';
import { type TwoTenants, createTwoTenants } from '@/lib/testing/isolation';
import { sealIc } from '../ic';
import { MAX_IMPORT_ROWS, importCustomers } from './import';

const test = useTestDatabase();
let t: TwoTenants;
let agent: MemberContext;

const csv = (lines: string[]) => new TextEncoder().encode(lines.join('\r\n'));
const run = (ctx: MemberContext, lines: string[], options: { dryRun?: boolean; mapping?: Record<string, string | null> } = {}) =>
  importCustomers(test.db, ctx, { bytes: csv(lines), dryRun: options.dryRun ?? false, mapping: options.mapping });

async function customerByPhone(ctx: MemberContext, phone: string) {
  const rows = await test.db.select().from(customers).where(and(eq(customers.tenantId, ctx.tenantId), eq(customers.phone, phone)));
  expect(rows.length, `customers with ${phone}`).toBeLessThanOrEqual(1);
  return rows[0];
}

async function consentHistory(customerId: string) {
  return test.db.select().from(consentEvents).where(eq(consentEvents.customerId, customerId));
}

beforeAll(async () => {
  t = await createTwoTenants(test.db);
  agent = await addMember(test.db, t.a, 'agent');
});

describe('importCustomers', () => {
  it('creates customers with E.164 numbers, their WhatsApp id and every mapped value', async () => {
    const result = await run(t.a, [
      'Nama,No. Telefon,No. IC,Jantina,Status Perkahwinan,Bandar,Bahasa',
      'Siti Aminah,012-300 0001,900101-14-5678,P,Berkahwin,Shah Alam,BM',
      ',+65 8123 4567,,,,,',
    ]);

    expect(result).toMatchObject({ dryRun: false, totalRows: 2, created: 2, updated: 0, skipped: 0, consentRecorded: 0, issues: [] });
    expect(await customerByPhone(t.a, '+60123000001')).toMatchObject({
      name: 'Siti Aminah',
      waId: '60123000001',
      icMasked: '900101-14-****',
      dateOfBirth: '1990-01-01',
      state: 'MY-14',
      gender: 'F',
      maritalStatus: 'married',
      city: 'Shah Alam',
      language: 'ms',
      consentStatus: 'unknown',
    });
    expect(await customerByPhone(t.a, '+6581234567')).toMatchObject({ name: 'Customer 4567', waId: '6581234567' });
  });

  it('updates the customer with the same number (and WhatsApp id) instead of adding another; empty cells keep what is stored', async () => {
    const chat = await createTestConversation(test.db, t.a, { name: 'Ahmad from WhatsApp', phone: '+60123000002' });
    await test.db.update(customers).set({ city: 'Ipoh' }).where(eq(customers.id, chat.customerId));
    // Same number in tenant B: never touched.
    const ofB = await createTestConversation(test.db, t.b, { name: 'Ahmad of B', phone: '+60123000002' });

    const result = await run(t.a, ['Name,Phone,City,Gender', 'Ahmad Razak,0123000002,,M']);

    expect(result).toMatchObject({ created: 0, updated: 1 });
    expect(await customerByPhone(t.a, '+60123000002')).toMatchObject({ id: chat.customerId, name: 'Ahmad Razak', city: 'Ipoh', gender: 'M' });
    expect(await customerByPhone(t.b, '+60123000002')).toMatchObject({ id: ofB.customerId, name: 'Ahmad of B', gender: null });
  });

  it('records consent only from rows with evidence, as an import by the acting user with the evidence as reason', async () => {
    const result = await run(t.a, ['Phone,Consent,Consent evidence', '0123000003,Ya,Borang keahlian ditandatangani 2026-01-05', '0123000004,yes,']);

    expect(result).toMatchObject({ created: 2, consentRecorded: 1 });
    expect(result.issues).toEqual([{ row: 3, column: 'Consent', message: expect.stringContaining('no consent evidence'), severity: 'warning' }]);
    const withEvidence = await customerByPhone(t.a, '+60123000003');
    expect(withEvidence?.consentStatus).toBe('granted');
    expect(await consentHistory(withEvidence!.id)).toEqual([
      expect.objectContaining({ status: 'granted', source: 'import', reason: 'Borang keahlian ditandatangani 2026-01-05', actorUserId: t.a.userId }),
    ]);
    const without = await customerByPhone(t.a, '+60123000004');
    expect(without?.consentStatus).toBe('unknown');
    expect(await consentHistory(without!.id)).toEqual([]);
  });

  it("never turns a customer's withdrawal back into a grant, but records a withdrawal from the file", async () => {
    const stopped = await createTestConversation(test.db, t.a, { phone: '+60123000005' });
    const granted = await createTestConversation(test.db, t.a, { phone: '+60123000006' });
    await recordConsentChange(test.db, { tenantId: t.a.tenantId, customerId: stopped.customerId, status: 'withdrawn', source: 'keyword', keyword: 'STOP' });
    await recordConsentChange(test.db, { tenantId: t.a.tenantId, customerId: granted.customerId, status: 'granted', source: 'keyword', keyword: 'YA' });

    const result = await run(t.a, ['Phone,Consent,Evidence', '0123000005,granted,old paper form', '0123000006,no,Unsubscribed at the counter 2026-02-01']);

    expect(result).toMatchObject({ updated: 2, consentRecorded: 1 });
    expect(result.issues).toEqual([{ row: 2, column: 'Consent', message: expect.stringContaining('withdrew'), severity: 'warning' }]);
    expect((await customerByPhone(t.a, '+60123000005'))?.consentStatus).toBe('withdrawn');
    expect((await customerByPhone(t.a, '+60123000006'))?.consentStatus).toBe('withdrawn');
    expect((await consentHistory(granted.customerId)).map((e) => e.source).sort()).toEqual(['import', 'keyword']);
  });

  it('flags an IC number another customer holds (in the database or earlier in the file) and never merges', async () => {
    const holder = await createTestConversation(test.db, t.a, { name: 'IC Holder', phone: '+60123000007' });
    await test.db.update(customers).set(sealIc('850505-10-1111')).where(eq(customers.id, holder.customerId));

    const result = await run(t.a, ['Phone,IC', '0123000008,850505-10-1111', '0123000009,920202-01-2222', '0123000010,920202012222']);

    expect(result).toMatchObject({ created: 3, skipped: 0 });
    expect(result.issues.map((i) => [i.row, i.column, i.severity])).toEqual([
      [2, 'IC', 'warning'],
      [4, 'IC', 'warning'],
    ]);
    const claimant = await customerByPhone(t.a, '+60123000008');
    expect(claimant?.icHash).toBeNull();
    expect((await customerByPhone(t.a, '+60123000009'))?.icMasked).toBe('920202-01-****');
    const flags = await test.db.select().from(customerFlags).where(eq(customerFlags.tenantId, t.a.tenantId));
    expect(flags).toContainEqual(expect.objectContaining({ customerId: claimant!.id, otherCustomerId: holder.customerId, kind: 'duplicate_ic', status: 'open' }));
  });

  it("sets what the IC gives (birth date, state, gender), but a customer's own non-binary gender and the file's gender win", async () => {
    const nb = await createTestConversation(test.db, t.a, { phone: '+60123000019' });
    await test.db.update(customers).set({ gender: 'NB' }).where(eq(customers.id, nb.customerId));

    await run(t.a, ['Phone,IC,Gender', '0123000019,030303-12-0001,', '0123000020,030303-12-0003,', '0123000021,030303-12-0005,P']);

    expect(await customerByPhone(t.a, '+60123000019')).toMatchObject({ gender: 'NB', dateOfBirth: '2003-03-03', state: 'MY-12' });
    expect(await customerByPhone(t.a, '+60123000020')).toMatchObject({ gender: 'M', dateOfBirth: '2003-03-03', state: 'MY-12' });
    // The file's own word wins over what the IC's last digit says.
    expect(await customerByPhone(t.a, '+60123000021')).toMatchObject({ gender: 'F', dateOfBirth: '2003-03-03' });
  });

  it('imports the good rows and reports the bad ones with row, column and message', async () => {
    const result = await run(t.a, ['Name,Phone,IC', 'Good One,0123000011,', 'Bad Phone,12345,', 'Bad IC,0123000012,991399-01-1234', 'Good Two,0123000013,']);

    expect(result).toMatchObject({ totalRows: 4, created: 2, skipped: 2 });
    expect(result.issues).toEqual([
      { row: 3, column: 'Phone', message: expect.stringContaining('is not a phone number'), severity: 'error' },
      { row: 4, column: 'IC', message: expect.stringContaining('not a real date'), severity: 'error' },
    ]);
    expect(await customerByPhone(t.a, '+60123000012')).toBeUndefined();
    expect(await customerByPhone(t.a, '+60123000013')).toMatchObject({ name: 'Good Two' });
  });

  it('is idempotent: the same file again updates and adds nothing', async () => {
    const lines = ['Name,Phone,Consent,Evidence', 'Again,0123000014,yes,signed'];
    await run(t.a, lines);
    const second = await run(t.a, lines);
    expect(second).toMatchObject({ created: 0, updated: 1, consentRecorded: 0 });
    expect(await consentHistory((await customerByPhone(t.a, '+60123000014'))!.id)).toHaveLength(1);
  });

  it('previews in a dry run: the guessed mapping, counts and masked sample rows, writing nothing', async () => {
    const audits = (await test.db.select().from(auditLog).where(eq(auditLog.tenantId, t.a.tenantId))).length;
    const result = await run(t.a, ['Name,Phone,IC,Favourite', 'Dry Run,0123000015,900101-14-5678,kopi', 'Existing,0123000011,,teh'], { dryRun: true });

    expect(result).toMatchObject({ dryRun: true, created: 1, updated: 1, headers: ['Name', 'Phone', 'IC', 'Favourite'] });
    expect(result.mapping).toEqual({ name: 'Name', phone: 'Phone', icNumber: 'IC', gender: null, maritalStatus: null, city: null, language: null, consent: null, consentEvidence: null });
    expect(result.preview[0]).toMatchObject({ name: 'Dry Run', phone: '+60123000015', icNumberMasked: '900101-14-****' });
    expect(JSON.stringify(result)).not.toContain('5678');
    expect(await customerByPhone(t.a, '+60123000015')).toBeUndefined();
    expect((await test.db.select().from(auditLog).where(eq(auditLog.tenantId, t.a.tenantId))).length).toBe(audits);
  });

  it('follows the mapping it is given, and says which named column is missing', async () => {
    const result = await run(t.a, ['A,B', 'Mapped,0123000016'], { mapping: { name: 'A', phone: 'B' } });
    expect(result.created).toBe(1);
    expect(await customerByPhone(t.a, '+60123000016')).toMatchObject({ name: 'Mapped' });
    await expect(run(t.a, ['A,B', 'x,y'], { mapping: { phone: 'Telefon' } })).rejects.toMatchObject({ code: 'validation', message: 'The file has no column named “Telefon”.' });
    await expect(run(t.a, ['A,B', 'x,y'])).rejects.toMatchObject({ code: 'validation', fieldErrors: [{ field: 'mapping.phone', message: 'Choose the column with the phone numbers.' }] });
  });

  it('writes one audit entry with counts only', async () => {
    await run(t.a, ['Name,Phone,IC', 'Audited,0123000017,900707-07-7777']);
    const [entry] = await test.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, t.a.tenantId), eq(auditLog.action, 'customers.imported')))
      .orderBy(auditLog.createdAt)
      .limit(1)
      .offset(0);
    expect(entry?.metadata).toMatchObject({ rows: expect.any(Number), created: expect.any(Number) });
    const all = await test.db.select().from(auditLog).where(eq(auditLog.tenantId, t.a.tenantId));
    expect(JSON.stringify(all)).not.toContain('7777');
    expect(JSON.stringify(all)).not.toContain('Audited');
  });

  it('refuses agents, oversize and unreadable files, and too many rows', async () => {
    await expect(run(agent, ['Phone', '0123000018'])).rejects.toMatchObject({ code: 'forbidden' });
    await expect(importCustomers(test.db, t.a, { bytes: new Uint8Array(5 * 1024 * 1024 + 1), dryRun: true })).rejects.toMatchObject({ code: 'payload_too_large' });
    await expect(run(t.a, ['Phone', '"0123'])).rejects.toMatchObject({ code: 'validation', message: expect.stringContaining('never closed') });
    await expect(run(t.a, [])).rejects.toMatchObject({ code: 'validation', message: expect.stringContaining('empty') });
    const tooMany = ['Phone', ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `01${String(20_000_000 + i)}`)];
    await expect(run(t.a, tooMany, { dryRun: true })).rejects.toMatchObject({ code: 'validation', message: expect.stringContaining('at most 50,000') });
  });
});
