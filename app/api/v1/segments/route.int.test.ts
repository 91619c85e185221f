import { beforeAll, describe, expect, it } from 'vitest';
import { customers } from '@/db/schema';
import { useTestDatabase } from '@/lib/testing/database';
import { callRoute, expectProblem } from '@/lib/testing/http';
import { type ApiTenants, createApiTenants } from '@/lib/testing/isolation';
import { DELETE, GET as getOne, PATCH } from './[id]/route';
import { POST as preview } from './preview/route';
import { GET as list, POST } from './route';

const test = useTestDatabase({ asAppDatabase: true });
let t: ApiTenants;

interface SegmentBody {
  id: string;
  name: string;
  description: string | null;
  criteria: unknown;
  createdAt: string;
  updatedAt: string;
  customerCount?: number;
}

const women = { filter: { field: 'gender', op: 'eq', value: 'F' } };
const create = (json: unknown, key = t.keyA) => callRoute(POST, { method: 'POST', path: '/api/v1/segments', key, json });
const one = (id: string, key = t.keyA) => callRoute(getOne, { path: `/api/v1/segments/${id}`, key, params: { id } });
const patch = (id: string, json: unknown, key = t.keyA) => callRoute(PATCH, { method: 'PATCH', path: `/api/v1/segments/${id}`, key, json, params: { id } });
const remove = (id: string, key = t.keyA) => callRoute(DELETE, { method: 'DELETE', path: `/api/v1/segments/${id}`, key, params: { id } });
const previewOf = (json: unknown, key = t.keyA) => callRoute(preview, { method: 'POST', path: '/api/v1/segments/preview', key, json });
const created = async (json: unknown, key = t.keyA) => (await (await create(json, key)).json()) as SegmentBody;

beforeAll(async () => {
  t = await createApiTenants(test.db);
  await test.db.insert(customers).values([
    { tenantId: t.a.tenantId, name: 'Aminah', gender: 'F', state: 'MY-10', totalSpent: '320.00', purchaseCount: 4, phone: '+60123000001' },
    { tenantId: t.a.tenantId, name: 'Bala', gender: 'M', state: 'MY-10', totalSpent: '80.00', purchaseCount: 1 },
    { tenantId: t.a.tenantId, name: 'Chin', gender: 'F', state: 'MY-07' },
    { tenantId: t.b.tenantId, name: 'Other tenant', gender: 'F', state: 'MY-10', totalSpent: '999.00' },
  ]);
});

describe('/api/v1/segments', () => {
  it('saves a segment and answers it as JSON; GET one adds the count of customers who match now', async () => {
    const res = await create({ name: 'Women', description: 'Everyone who said F', criteria: women });
    expect(res.status).toBe(201);
    const body = (await res.json()) as SegmentBody;
    expect(body).toEqual({ id: expect.any(String), name: 'Women', description: 'Everyone who said F', criteria: women, createdAt: expect.any(String), updatedAt: expect.any(String) });

    expect(await (await one(body.id)).json()).toEqual({ ...body, customerCount: 2 });
  });

  it('lists newest first in pages, without counts', async () => {
    const a = await created({ name: 'Page 1', criteria: women });
    const b = await created({ name: 'Page 2', criteria: women });
    const first = (await (await callRoute(list, { path: '/api/v1/segments?limit=1', key: t.keyA })).json()) as { data: SegmentBody[]; nextCursor: string };
    expect(first.data.map((s) => s.id)).toEqual([b.id]);
    expect(first.data[0]).not.toHaveProperty('customerCount');
    const second = (await (await callRoute(list, { path: `/api/v1/segments?limit=1&cursor=${first.nextCursor}`, key: t.keyA })).json()) as { data: SegmentBody[] };
    expect(second.data.map((s) => s.id)).toEqual([a.id]);
  });

  it('answers 422 with the path of the wrong condition, and 409 for a name taken in any case', async () => {
    const bad = { and: [{ field: 'gender', op: 'eq', value: 'F' }, { field: 'state', op: 'in', value: ['Selangor'] }, { not: { field: 'age', op: 'withinDays', value: 3 } }] };
    const problem = await expectProblem(await create({ name: ' ', criteria: { filter: bad } }), 422);
    expect(problem.errors).toEqual([
      { field: 'name', message: 'Give the segment a name.' },
      { field: 'criteria.filter.and.1.value.0', message: 'Choose one of the listed values.' },
      { field: 'criteria.filter.and.2.not.op', message: expect.stringContaining('“withinDays” does not apply to age') },
    ]);
    expect((await expectProblem(await create({ name: 'x'.repeat(81), criteria: women }), 422)).errors.map((e) => e.field)).toEqual(['name']);
    expect((await expectProblem(await create({ name: 'Long', description: 'x'.repeat(501), criteria: women }), 422)).errors.map((e) => e.field)).toEqual(['description']);

    await created({ name: 'Big spenders', criteria: women });
    const conflict = await expectProblem(await create({ name: 'BIG SPENDERS', criteria: women }), 409);
    expect(conflict.errors).toEqual([{ field: 'name', message: expect.stringContaining('“Big spenders”') }]);
  });

  it('changes and deletes a segment', async () => {
    const segment = await created({ name: 'To change', description: 'Old words', criteria: women });
    const spenders = { filter: { field: 'totalSpent', op: 'gte', value: 100 } };

    const res = await patch(segment.id, { name: 'Changed', description: '', criteria: spenders });
    expect(await res.json()).toMatchObject({ id: segment.id, name: 'Changed', description: null, criteria: spenders });
    expect((await expectProblem(await patch(segment.id, { criteria: { filter: { or: [] } } }), 422)).errors.map((e) => e.field)).toEqual(['criteria.filter.or']);

    expect((await remove(segment.id)).status).toBe(204);
    await expectProblem(await one(segment.id), 404);
    await expectProblem(await remove(segment.id), 404);
  });

  it("keeps tenants apart: another tenant's segment is 404 to read, change or delete, and never listed", async () => {
    const theirs = await created({ name: 'Tenant B segment', criteria: women }, t.keyB);

    await expectProblem(await one(theirs.id), 404);
    await expectProblem(await patch(theirs.id, { name: 'Mine now' }), 404);
    await expectProblem(await remove(theirs.id), 404);
    await expectProblem(await one('not-a-uuid'), 404);
    const listed = (await (await callRoute(list, { path: '/api/v1/segments?limit=200', key: t.keyA })).json()) as { data: SegmentBody[] };
    expect(listed.data.map((s) => s.id)).not.toContain(theirs.id);
    expect((await (await one(theirs.id, t.keyB)).json()) as SegmentBody).toMatchObject({ name: 'Tenant B segment', customerCount: 1 });
  });
});

describe('POST /api/v1/segments/preview', () => {
  it("counts the tenant's matching customers and shows them as customer JSON", async () => {
    const res = await previewOf({ filter: { and: [{ field: 'state', op: 'eq', value: 'MY-10' }, { field: 'totalSpent', op: 'gte', value: '50.00' }] } });

    expect(res.status).toBe(200);
    const body = (await res.json()) as { count: number; sample: { name: string; totalSpent: string; phone: string | null }[] };
    expect(body.count).toBe(2);
    expect(body.sample.map((c) => c.name).sort()).toEqual(['Aminah', 'Bala']);
    expect(body.sample.find((c) => c.name === 'Aminah')).toMatchObject({ totalSpent: '320.00', phone: '+60123000001', purchaseCount: 4, averageSpend: '80.00' });
  });

  it('answers 422 pointing at the condition, e.g. filter.and.1.value', async () => {
    const problem = await expectProblem(await previewOf({ filter: { and: [{ field: 'gender', op: 'eq', value: 'F' }, { field: 'totalSpent', op: 'gte', value: 'lots' }] } }), 422);
    expect(problem.errors).toEqual([{ field: 'filter.and.1.value', message: 'Use an amount like 150 or 150.50.' }]);
    expect((await expectProblem(await previewOf({ filter: { field: 'salary', op: 'gt', value: 1 } }), 422)).errors[0]?.field).toBe('filter.field');
  });
});
