import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/lib/testing/database';
import { callRoute, expectProblem } from '@/lib/testing/http';
import { type ApiTenants, createApiTenants } from '@/lib/testing/isolation';
import { GET as getOne, PATCH } from './[id]/route';
import { GET as list, POST } from './route';

const test = useTestDatabase({ asAppDatabase: true });
let t: ApiTenants;

interface BreachBody {
  id: string;
  title: string;
  status: string;
  discoveredAt: string;
  notifyBy: string;
  notificationOverdue: boolean;
}

beforeAll(async () => {
  t = await createApiTenants(test.db);
});

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
const create = (json: unknown, key = t.keyA) => callRoute(POST, { method: 'POST', path: '/api/v1/breaches', key, json });
const patch = (id: string, json: unknown, key = t.keyA) => callRoute(PATCH, { method: 'PATCH', path: `/api/v1/breaches/${id}`, key, json, params: { id } });
const breach = (overrides: Record<string, unknown> = {}) => ({ title: 'Shared spreadsheet', description: 'The customer list was shared by link.', dataKinds: ['name', 'phone'], discoveredAt: hoursAgo(80), ...overrides });

describe('/api/v1/breaches', () => {
  it('records a breach with its 72-hour notify-by, overdue once past it', async () => {
    const discoveredAt = hoursAgo(80);
    const res = await create(breach({ discoveredAt }));

    expect(res.status).toBe(201);
    const body = (await res.json()) as BreachBody;
    expect(body).toMatchObject({ status: 'open', notificationOverdue: true, commissionerNotifiedAt: null });
    expect(new Date(body.notifyBy).getTime() - new Date(discoveredAt).getTime()).toBe(72 * 3_600_000);

    const fresh = (await (await create(breach({ discoveredAt: hoursAgo(1) }))).json()) as BreachBody;
    expect(fresh.notificationOverdue).toBe(false);
  });

  it('marks the Commissioner notified, then closes', async () => {
    const { id } = (await (await create(breach())).json()) as BreachBody;

    const told = await patch(id, { commissionerNotifiedAt: hoursAgo(2), subjectsNotifiedAt: hoursAgo(1) });
    expect(await told.json()).toMatchObject({ status: 'notified', notificationOverdue: false });
    expect(await (await patch(id, { status: 'closed' })).json()).toMatchObject({ status: 'closed' });
    await expectProblem(await patch(id, { affectedCount: 3 }), 409);
  });

  it('checks its input', async () => {
    const problem = await expectProblem(await create(breach({ dataKinds: [], discoveredAt: 'yesterday' })), 422);
    expect(problem.errors.map((e) => e.field).sort()).toEqual(['dataKinds', 'discoveredAt']);
  });

  it("keeps tenants apart: another tenant's breach is 404 and not listed", async () => {
    const { id } = (await (await create(breach({ title: 'B only' }), t.keyB)).json()) as BreachBody;

    await expectProblem(await callRoute(getOne, { path: `/api/v1/breaches/${id}`, key: t.keyA, params: { id } }), 404);
    await expectProblem(await patch(id, { status: 'closed' }), 404);
    const page = (await (await callRoute(list, { path: '/api/v1/breaches', key: t.keyA })).json()) as { data: BreachBody[] };
    expect(page.data.map((b) => b.title)).not.toContain('B only');
    expect(page.data.length).toBeGreaterThan(0);
  });
});
