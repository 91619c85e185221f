import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/lib/testing/database';
import { createTestConversation } from '@/lib/testing/factories';
import { callRoute, expectProblem } from '@/lib/testing/http';
import { type ApiTenants, createApiTenants } from '@/lib/testing/isolation';
import { GET as getOne, PATCH } from './[id]/route';
import { GET as list, POST } from './route';

const test = useTestDatabase({ asAppDatabase: true });
let t: ApiTenants;

interface RequestBody {
  id: string;
  kind: string;
  status: string;
  customerId: string | null;
  subjectLabel: string;
  receivedAt: string;
  dueAt: string;
  overdue: boolean;
}

beforeAll(async () => {
  t = await createApiTenants(test.db);
});

const create = (json: unknown, key = t.keyA) => callRoute(POST, { method: 'POST', path: '/api/v1/data-requests', key, json });
const patch = (id: string, json: unknown, key = t.keyA) => callRoute(PATCH, { method: 'PATCH', path: `/api/v1/data-requests/${id}`, key, json, params: { id } });
const one = (id: string, key = t.keyA) => callRoute(getOne, { path: `/api/v1/data-requests/${id}`, key, params: { id } });

describe('/api/v1/data-requests', () => {
  it('logs a request for a customer, due 21 days after receipt, and lists it', async () => {
    const { customerId } = await createTestConversation(test.db, t.a, { name: 'Tan Mei Ling' });

    const res = await create({ kind: 'access', customerId, receivedAt: '2026-02-20T09:00:00+08:00' });

    expect(res.status).toBe(201);
    const body = (await res.json()) as RequestBody;
    expect(body).toMatchObject({ kind: 'access', status: 'open', customerId, subjectLabel: 'Tan Mei Ling', dueAt: '2026-03-13T01:00:00.000Z', overdue: true });
    const page = (await (await callRoute(list, { path: '/api/v1/data-requests?status=open', key: t.keyA })).json()) as { data: RequestBody[] };
    expect(page.data.map((r) => r.id)).toEqual([body.id]);
  });

  it('refuses a request without a subject, and a rejection without a reason', async () => {
    expect((await expectProblem(await create({ kind: 'erasure' }), 422)).errors.map((e) => e.field)).toEqual(['subjectLabel']);
    const { id } = (await (await create({ kind: 'erasure', subjectLabel: 'Caller, phone ending 1234' })).json()) as RequestBody;
    expect((await expectProblem(await patch(id, { status: 'rejected' }), 422)).errors.map((e) => e.field)).toEqual(['notes']);

    const done = await patch(id, { status: 'rejected', notes: 'Could not verify the identity of the caller' });
    expect(await done.json()).toMatchObject({ status: 'rejected', completedAt: expect.any(String) });
    await expectProblem(await patch(id, { status: 'completed' }), 409);
  });

  it("keeps tenants apart: another tenant's request is 404 and not listed", async () => {
    const { id } = (await (await create({ kind: 'correction', subjectLabel: 'B only' }, t.keyB)).json()) as RequestBody;

    await expectProblem(await one(id), 404);
    await expectProblem(await patch(id, { status: 'completed' }), 404);
    const page = (await (await callRoute(list, { path: '/api/v1/data-requests', key: t.keyA })).json()) as { data: RequestBody[] };
    expect(page.data.map((r) => r.subjectLabel)).not.toContain('B only');
    expect((await one(id, t.keyB)).status).toBe(200);
  });

  it("answers 404 for another tenant's customer and 401 without a key", async () => {
    const { customerId } = await createTestConversation(test.db, t.b);
    await expectProblem(await create({ kind: 'access', customerId }), 404);
    await expectProblem(await callRoute(list, { path: '/api/v1/data-requests' }), 401);
  });
});
