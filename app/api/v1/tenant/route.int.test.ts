import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/lib/testing/database';
import { callRoute, expectProblem } from '@/lib/testing/http';
import { type ApiTenants, createApiTenants } from '@/lib/testing/isolation';
import { GET } from './route';

const test = useTestDatabase({ asAppDatabase: true });
let t: ApiTenants;

beforeAll(async () => {
  t = await createApiTenants(test.db);
});

describe('GET /api/v1/tenant', () => {
  it('answers the tenant the API key belongs to', async () => {
    const [a, b] = await Promise.all([t.keyA, t.keyB].map((key) => callRoute(GET, { path: '/api/v1/tenant', key })));

    expect(await a?.json()).toEqual({ id: t.a.tenantId, name: 'Kedai Tenant A', slug: expect.stringMatching(/^kedai-tenant-a-/), createdAt: expect.any(String) });
    expect(await b?.json()).toMatchObject({ id: t.b.tenantId, name: 'Kedai Tenant B' });
  });

  it('answers 401 without a key', async () => {
    await expectProblem(await callRoute(GET, { path: '/api/v1/tenant' }), 401);
  });
});
