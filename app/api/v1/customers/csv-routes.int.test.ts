import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog, customers } from '@/db/schema';
import { getSessionContext } from '@/lib/auth/session';
import { parseCsv } from '@/lib/csv/parse';
import { sealIc } from '@/lib/customers/ic';
import { useTestDatabase } from '@/lib/testing/database';
import { type MemberContext, addMember, createTestConversation } from '@/lib/testing/factories';
import { callRoute, expectProblem } from '@/lib/testing/http';
import { type ApiTenants, createApiTenants } from '@/lib/testing/isolation';
import { GET as exportCsv } from './export.csv/route';
import { POST as importCsv } from './import/route';

vi.mock('@/lib/auth/session', () => ({ getSessionContext: vi.fn(async () => null) }));

const test = useTestDatabase({ asAppDatabase: true });
let t: ApiTenants;
let agent: MemberContext;

beforeAll(async () => {
  t = await createApiTenants(test.db);
  agent = await addMember(test.db, t.a, 'agent');
  const tricky = await createTestConversation(test.db, t.a, { name: 'Lim, "Ah Kow"', phone: '+60125000001' });
  await test.db.update(customers).set({ ...sealIc('910203-10-4321'), dateOfBirth: '1991-02-03', gender: 'M', state: 'MY-10', city: '=HYPERLINK("http://x")' }).where(eq(customers.id, tricky.customerId));
  const siti = await createTestConversation(test.db, t.a, { name: 'Siti 陈', phone: '+60125000002' });
  await test.db.update(customers).set({ gender: 'F' }).where(eq(customers.id, siti.customerId));
  await createTestConversation(test.db, t.b, { name: 'Only in B', phone: '+60125000003' });
});

const download = (query = '', key?: string) => callRoute(exportCsv, { path: `/api/v1/customers/export.csv${query}`, key });

function upload(csv: string, fields: Record<string, string> = {}, key?: string) {
  const form = new FormData();
  form.set('file', new File([csv], 'customers.csv', { type: 'text/csv' }));
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return callRoute(importCsv, { method: 'POST', path: '/api/v1/customers/import', key, body: form });
}

async function readCsv(res: Response) {
  const bytes = new Uint8Array(await res.arrayBuffer());
  // Keep the BOM in the text: the test checks it is there.
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const parsed = parseCsv(text.replace(/^\uFEFF/, ''));
  if (!parsed.ok) throw new Error(parsed.message);
  return { bytes, text, rows: parsed.records.map((r) => r.cells) };
}

describe('GET /api/v1/customers/export.csv', () => {
  it("streams the tenant's customers for Excel: BOM, header, escaping, formula guard, IC masked only", async () => {
    const res = await download('', t.keyA);

    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="customers-\d{4}-\d\d-\d\d\.csv"$/);
    const { bytes, text, rows } = await readCsv(res);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text).not.toContain('4321');
    expect(text).toContain('"Lim, ""Ah Kow"""');
    const [header, ...data] = rows;
    expect(header?.slice(0, 6)).toEqual(['id', 'name', 'whatsapp_profile_name', 'phone', 'ic_number_masked', 'date_of_birth']);
    const col = (name: string) => header?.indexOf(name) ?? -1;
    const lim = data.find((r) => r[col('name')] === 'Lim, "Ah Kow"');
    expect(lim?.[col('ic_number_masked')]).toBe('910203-10-****');
    expect(lim?.[col('birth_state')]).toBe('Selangor');
    expect(lim?.[col('city')]).toBe(`'=HYPERLINK("http://x")`);
    expect(lim?.[col('phone')]).toBe('+60125000001');
    expect(data.map((r) => r[col('name')]).sort()).toEqual(['Lim, "Ah Kow"', 'Siti 陈']);
  });

  it('applies the list filters and writes an audit entry naming them', async () => {
    const { rows } = await readCsv(await download('?gender=F', t.keyA));
    expect(rows.slice(1).map((r) => r[1])).toEqual(['Siti 陈']);
    const entries = await test.db.select().from(auditLog).where(and(eq(auditLog.tenantId, t.a.tenantId), eq(auditLog.action, 'customers.exported')));
    expect(entries.map((e) => e.metadata)).toContainEqual({ filters: ['gender'] });
  });

  it('is refused to a signed-in agent and to nobody at all', async () => {
    vi.mocked(getSessionContext).mockResolvedValueOnce(agent);
    await expectProblem(await download(), 403);
    await expectProblem(await download(), 401);
  });

  it('lets a signed-in owner download from the list page', async () => {
    vi.mocked(getSessionContext).mockResolvedValueOnce(t.a);
    expect((await readCsv(await download())).rows).toHaveLength(3);
  });
});

describe('POST /api/v1/customers/import', () => {
  it('previews with dryRun, then imports with the mapping it is given', async () => {
    const csv = 'Nama,Telefon,Persetujuan,Bukti\r\nAisyah,012-500 0010,Ya,Borang 2026-01-01\r\nBad,abc,,\r\n';
    const preview = await upload(csv, { dryRun: 'true' }, t.keyA);
    expect(preview.status).toBe(200);
    expect(await preview.json()).toMatchObject({ dryRun: true, created: 1, skipped: 1, mapping: { name: 'Nama', phone: 'Telefon', consent: 'Persetujuan', consentEvidence: 'Bukti' } });

    const res = await upload(csv, { mapping: JSON.stringify({ name: 'Nama', phone: 'Telefon', consent: 'Persetujuan', consentEvidence: 'Bukti' }) }, t.keyA);
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ created: 1, skipped: 1, consentRecorded: 1, issues: [{ row: 3, column: 'Telefon', severity: 'error' }] });
    const [aisyah] = await test.db.select().from(customers).where(and(eq(customers.tenantId, t.a.tenantId), eq(customers.phone, '+60125000010')));
    expect(aisyah).toMatchObject({ name: 'Aisyah', consentStatus: 'granted' });
  });

  it('refuses agents, a missing file, a bad mapping and files over 5 MB', async () => {
    vi.mocked(getSessionContext).mockResolvedValueOnce(agent);
    await expectProblem(await upload('Phone\n0125000011'), 403);
    const noFile = await callRoute(importCsv, { method: 'POST', path: '/api/v1/customers/import', key: t.keyA, body: new FormData() });
    expect((await expectProblem(noFile, 422)).errors).toEqual([{ field: 'file', message: 'Attach the CSV file as `file`.' }]);
    expect((await expectProblem(await upload('Phone\n0125000011', { mapping: '{"phone":' }, t.keyA), 422)).errors).toEqual([{ field: 'mapping', message: 'The mapping is not valid JSON.' }]);
    expect((await expectProblem(await upload('Phone\n0125000011', { mapping: '{"telefon":"Phone"}' }, t.keyA), 422)).errors[0]?.field).toBe('mapping');
    await expectProblem(await upload('x'.repeat(5 * 1024 * 1024 + 100 * 1024), {}, t.keyA), 413);
  });
});
