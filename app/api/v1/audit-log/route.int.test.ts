import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '@/db/schema';
import { useTestDatabase } from '@/lib/testing/database';
import { callRoute, expectProblem } from '@/lib/testing/http';
import { type ApiTenants, createApiTenants } from '@/lib/testing/isolation';
import { GET } from './route';

const test = useTestDatabase({ asAppDatabase: true });
let t: ApiTenants;

// Besides the entries sign-up and key creation write now, tenant A gets older ones at fixed
// times, two of them in the same millisecond.
beforeAll(async () => {
  t = await createApiTenants(test.db);
  const hourAgo = Date.now() - 3_600_000;
  const at = (seconds: number) => new Date(hourAgo + seconds * 1000);
  await test.db.insert(auditLog).values([
    { tenantId: t.a.tenantId, action: 'test.old', createdAt: at(0) },
    { tenantId: t.a.tenantId, action: 'test.tie', createdAt: at(1) },
    { tenantId: t.a.tenantId, action: 'test.tie', createdAt: at(1) },
    { tenantId: t.a.tenantId, action: 'test.new', createdAt: at(2) },
    { tenantId: t.b.tenantId, action: 'test.b', createdAt: at(2) },
  ]);
});

interface AuditPage {
  data: { id: string; action: string; actorUserId: string | null; createdAt: string }[];
  nextCursor: string | null;
}

const page = async (query: string, key = t.keyA) => (await (await callRoute(GET, { path: `/api/v1/audit-log${query}`, key })).json()) as AuditPage;

describe('GET /api/v1/audit-log', () => {
  it("lists the key's tenant entries, newest first, without the tenant id", async () => {
    const { data, nextCursor } = await page('');

    expect(data.slice(0, 2).map((e) => e.action).sort()).toEqual(['api_key.created', 'tenant.created']);
    expect(data.slice(2).map((e) => e.action)).toEqual(['test.new', 'test.tie', 'test.tie', 'test.old']);
    expect(data.find((e) => e.action === 'tenant.created')).toMatchObject({ actorUserId: t.ownerA, createdAt: expect.stringMatching(/Z$/) });
    expect(data[0]).not.toHaveProperty('tenantId');
    expect(nextCursor).toBeNull();
    expect((await page('', t.keyB)).data.map((e) => e.action).sort()).toEqual(['api_key.created', 'tenant.created', 'test.b']);
  });

  it('walks every entry with limit=1, ties included, and ends with a null cursor', async () => {
    const all = (await page('')).data.map((e) => e.id);
    const walked: string[] = [];
    let cursor: string | null = '';
    for (let pages = 0; cursor !== null && pages <= all.length; pages++) {
      const result = await page(`?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      walked.push(...result.data.map((e) => e.id));
      cursor = result.nextCursor;
    }

    expect(cursor).toBeNull();
    expect(walked).toEqual(all);
  });

  it('answers 401 without a key', async () => {
    await expectProblem(await callRoute(GET, { path: '/api/v1/audit-log' }), 401);
  });
});
