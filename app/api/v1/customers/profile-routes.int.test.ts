import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog, customerFlags, customers } from '@/db/schema';
import { getSessionContext } from '@/lib/auth/session';
import { sealIc } from '@/lib/customers/ic';
import { useTestDatabase } from '@/lib/testing/database';
import { type MemberContext, type TestConversation, addMember, createTestConversation } from '@/lib/testing/factories';
import { callRoute, expectProblem } from '@/lib/testing/http';
import { type ApiTenants, createApiTenants } from '@/lib/testing/isolation';
import { PATCH as patchCustomer } from './[id]/route';
import { POST as revealIc } from './[id]/reveal-ic/route';

// Dashboard calls carry a session; here it is whoever a test says (no one unless told).
vi.mock('@/lib/auth/session', () => ({ getSessionContext: vi.fn(async () => null) }));

const test = useTestDatabase({ asAppDatabase: true });
let t: ApiTenants;
let agent: MemberContext;
let nurul: TestConversation;
let holder: TestConversation;

beforeAll(async () => {
  t = await createApiTenants(test.db);
  agent = await addMember(test.db, t.a, 'agent');
  nurul = await createTestConversation(test.db, t.a, { name: 'Nurul', phone: '+60124000001' });
  holder = await createTestConversation(test.db, t.a, { name: 'IC Holder', phone: '+60124000002' });
  await test.db.update(customers).set(sealIc('880808-08-8888')).where(eq(customers.id, holder.customerId));
});

const patch = (id: string, json: unknown, key = t.keyA) => callRoute(patchCustomer, { method: 'PATCH', path: `/api/v1/customers/${id}`, key, json, params: { id } });
const reveal = (id: string, key?: string) => callRoute(revealIc, { method: 'POST', path: `/api/v1/customers/${id}/reveal-ic`, key, params: { id } });
const row = async (id: string) => (await test.db.select().from(customers).where(eq(customers.id, id)))[0];
const audits = (action: string) => test.db.select().from(auditLog).where(and(eq(auditLog.tenantId, t.a.tenantId), eq(auditLog.action, action)));

describe('PATCH /api/v1/customers/:id', () => {
  it('corrects the profile, answers the customer with the IC masked, and logs the field names only', async () => {
    const res = await patch(nurul.customerId, { name: 'Nurul Izzah', city: 'Kota Bharu', language: 'ms', gender: 'perempuan', maritalStatus: 'BUJANG', icNumber: '950315-03-5432' });

    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain('5432');
    expect(JSON.parse(text)).toMatchObject({
      id: nurul.customerId,
      name: 'Nurul Izzah',
      icNumberMasked: '950315-03-****',
      dateOfBirth: '1995-03-15',
      age: expect.any(Number),
      gender: 'F',
      maritalStatus: 'single',
      state: 'MY-03',
      city: 'Kota Bharu',
      language: 'ms',
    });
    const [entry] = await audits('customer.corrected');
    expect(entry?.metadata).toEqual({ fields: ['icNumber', 'name', 'city', 'language', 'gender', 'maritalStatus'] });
    expect(JSON.stringify(entry)).not.toMatch(/5432|Nurul|Kota/);
  });

  it('clears a field with null or an empty string, and logs nothing when nothing changed', async () => {
    const before = (await audits('customer.corrected')).length;
    expect((await patch(nurul.customerId, { city: null, maritalStatus: '' })).status).toBe(200);
    expect(await row(nurul.customerId)).toMatchObject({ city: null, maritalStatus: null });
    expect((await patch(nurul.customerId, { name: 'Nurul Izzah' })).status).toBe(200);
    expect((await audits('customer.corrected')).length).toBe(before + 1);
  });

  it('refuses unknown fields, empty bodies and words it does not know, field by field', async () => {
    expect((await expectProblem(await patch(nurul.customerId, { nickname: 'x' }), 422)).errors).toContainEqual({ field: '(root)', message: 'Unrecognized key: "nickname"' });
    await expectProblem(await patch(nurul.customerId, {}), 422);
    const problem = await expectProblem(await patch(nurul.customerId, { gender: 'X', name: ' ', language: 'fr' }), 422);
    expect(problem.errors.map((e) => e.field).sort()).toEqual(['gender', 'language', 'name']);
  });

  it('says what is wrong with an invalid IC number and changes nothing', async () => {
    const problem = await expectProblem(await patch(nurul.customerId, { name: 'Changed?', icNumber: '950230-03-5432' }), 422);
    expect(problem.errors).toEqual([{ field: 'icNumber', message: expect.stringContaining('is not a real date') }]);
    expect(await row(nurul.customerId)).toMatchObject({ name: 'Nurul Izzah', icMasked: '950315-03-****' });
  });

  it("answers 409 for another customer's IC number: flagged for review, nothing merged or changed", async () => {
    const problem = await expectProblem(await patch(nurul.customerId, { name: 'Not saved', icNumber: '880808088888' }), 409);
    expect(problem.errors).toEqual([{ field: 'icNumber', message: expect.stringContaining('flagged for review') }]);
    expect(await row(nurul.customerId)).toMatchObject({ name: 'Nurul Izzah', icMasked: '950315-03-****' });
    expect(await row(holder.customerId)).toMatchObject({ icMasked: '880808-08-****' });
    const flags = await test.db.select().from(customerFlags).where(eq(customerFlags.customerId, nurul.customerId));
    expect(flags).toEqual([expect.objectContaining({ otherCustomerId: holder.customerId, status: 'open', kind: 'duplicate_ic' })]);
  });

  it("answers 404 for another tenant's customer", async () => {
    await expectProblem(await patch(nurul.customerId, { name: 'Hijack' }, t.keyB), 404);
    expect((await row(nurul.customerId))?.name).toBe('Nurul Izzah');
  });
});

describe('POST /api/v1/customers/:id/reveal-ic', () => {
  it('gives an API key the full number, uncached, and logs the reveal against the key', async () => {
    const res = await reveal(holder.customerId, t.keyA);

    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ icNumber: '880808-08-8888' });
    expect(await audits('customer.ic_revealed')).toEqual([expect.objectContaining({ targetId: holder.customerId, actorApiKeyId: expect.any(String), actorUserId: null })]);
  });

  it('gives a signed-in owner the number and refuses a signed-in agent (403, nothing logged)', async () => {
    vi.mocked(getSessionContext).mockResolvedValueOnce(t.a);
    expect(await (await reveal(holder.customerId)).json()).toEqual({ icNumber: '880808-08-8888' });
    vi.mocked(getSessionContext).mockResolvedValueOnce(agent);
    const problem = await expectProblem(await reveal(holder.customerId), 403);
    expect(JSON.stringify(problem)).not.toContain('8888');
    expect((await audits('customer.ic_revealed')).map((e) => e.actorUserId)).not.toContain(agent.userId);
  });

  it("answers 404 for a customer without an IC and for another tenant's customer", async () => {
    const none = await createTestConversation(test.db, t.a);
    await expectProblem(await reveal(none.customerId, t.keyA), 404);
    await expectProblem(await reveal(holder.customerId, t.keyB), 404);
    await expectProblem(await reveal('not-a-uuid', t.keyA), 404);
  });
});
