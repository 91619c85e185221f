import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog, customers } from '@/db/schema';
import { getSessionContext } from '@/lib/auth/session';
import type { ConsentEventView } from '@/lib/consent/manual';
import { useTestDatabase } from '@/lib/testing/database';
import { type MemberContext, addMember, createTestConversation } from '@/lib/testing/factories';
import { callRoute, expectProblem } from '@/lib/testing/http';
import { type ApiTenants, createApiTenants } from '@/lib/testing/isolation';
import { GET, POST } from './route';

vi.mock('@/lib/auth/session', () => ({ getSessionContext: vi.fn(async () => null) }));

const test = useTestDatabase({ asAppDatabase: true });
let t: ApiTenants;
let agent: MemberContext;
let admin: MemberContext;

beforeAll(async () => {
  t = await createApiTenants(test.db);
  agent = await addMember(test.db, t.a, 'agent');
  admin = await addMember(test.db, t.a, 'admin');
});

interface Page {
  data: ConsentEventView[];
  nextCursor: string | null;
}

// key '' = no API key: the (mocked) session decides.
const history = (id: string, query = '', key = t.keyA) => callRoute(GET, { path: `/api/v1/customers/${id}/consents${query}`, key, params: { id } });
const change = (id: string, json: unknown, key = t.keyA) => callRoute(POST, { method: 'POST', path: `/api/v1/customers/${id}/consents`, key, json, params: { id } });

async function customerOf(ctx: MemberContext) {
  return (await createTestConversation(test.db, ctx)).customerId;
}

const statusOf = async (id: string) => (await test.db.select({ s: customers.consentStatus }).from(customers).where(eq(customers.id, id)))[0]?.s;

describe('POST /api/v1/customers/:id/consents', () => {
  it('records the change with its reason, source api for an API key, audited', async () => {
    const id = await customerOf(t.a);
    const res = await change(id, { status: 'granted', reason: '  Signed the paper form at the Bangsar outlet  ' });
    expect(res.status).toBe(201);
    const event = (await res.json()) as ConsentEventView;
    expect(event).toMatchObject({ customerId: id, status: 'granted', source: 'api', actor: null, reason: 'Signed the paper form at the Bangsar outlet', keyword: null });
    expect(await statusOf(id)).toBe('granted');
    const [entry] = await test.db.select().from(auditLog).where(and(eq(auditLog.tenantId, t.a.tenantId), eq(auditLog.targetId, id)));
    expect(entry).toMatchObject({ action: 'customer.consent_changed', metadata: { from: 'unknown', to: 'granted', source: 'api' } });
  });

  it("an integration may say a person decided (source admin)", async () => {
    const id = await customerOf(t.a);
    expect(await (await change(id, { status: 'withdrawn', reason: 'Asked at the counter to stop', source: 'admin' })).json()).toMatchObject({ source: 'admin', actor: null });
  });

  it('from the dashboard: an admin is the actor and the source is admin; an agent gets 403', async () => {
    const id = await customerOf(t.a);
    vi.mocked(getSessionContext).mockResolvedValueOnce(agent);
    await expectProblem(await change(id, { status: 'granted', reason: 'Agent tries' }, ''), 403);
    expect(await statusOf(id)).toBe('unknown');

    vi.mocked(getSessionContext).mockResolvedValueOnce(admin);
    const res = await change(id, { status: 'granted', reason: 'Phoned in, agreed', source: 'api' }, '');
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ source: 'admin', actor: { id: admin.userId, name: expect.any(String) } });
  });

  it('needs a reason of 3 to 500 characters and a known status', async () => {
    const id = await customerOf(t.a);
    for (const body of [{ status: 'granted' }, { status: 'granted', reason: ' x ' }, { status: 'granted', reason: 'x'.repeat(501) }, { status: 'pending', reason: 'Not a manual status' }]) {
      const problem = await expectProblem(await change(id, body), 422);
      expect(problem.errors.length, JSON.stringify(body)).toBeGreaterThan(0);
    }
    expect(await statusOf(id)).toBe('unknown');
  });

  it('refuses a change to the status the customer already has (409)', async () => {
    const id = await customerOf(t.a);
    await change(id, { status: 'withdrawn', reason: 'Said no on the phone' });
    await expectProblem(await change(id, { status: 'withdrawn', reason: 'Again' }), 409);
  });

  it("another tenant's customer, a malformed id and no key are refused", async () => {
    const ofB = await customerOf(t.b);
    await expectProblem(await change(ofB, { status: 'granted', reason: 'Not mine' }), 404);
    await expectProblem(await history(ofB), 404);
    await expectProblem(await change('nope', { status: 'granted', reason: 'Bad id' }), 404);
    await expectProblem(await history('x', '', ''), 401);
    expect(await statusOf(ofB)).toBe('unknown');
  });
});

describe('GET /api/v1/customers/:id/consents', () => {
  it('lists the history newest first in pages; agents may read it', async () => {
    const id = await customerOf(t.a);
    const reasons = ['First: form', 'Second: phoned', 'Third: form again'];
    for (const [i, reason] of reasons.entries()) {
      expect((await change(id, { status: i % 2 === 0 ? 'granted' : 'withdrawn', reason })).status).toBe(201);
    }
    const first = (await (await history(id, '?limit=2')).json()) as Page;
    expect(first.data.map((e) => e.reason)).toEqual(['Third: form again', 'Second: phoned']);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (await (await history(id, `?limit=2&cursor=${first.nextCursor}`)).json()) as Page;
    expect(second).toEqual({ data: [expect.objectContaining({ reason: 'First: form', status: 'granted' })], nextCursor: null });

    vi.mocked(getSessionContext).mockResolvedValueOnce(agent);
    expect(((await (await history(id, '', '')).json()) as Page).data).toHaveLength(3);
  });
});
