import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { memberships } from '@/db/schema';
import { createApiKey, revokeApiKey } from '@/lib/api-keys/api-keys';
import { useTestDatabase } from '@/lib/testing/database';
import { type MemberContext, addMember } from '@/lib/testing/factories';
import { callRoute, expectProblem } from '@/lib/testing/http';
import { type ApiTenants, createApiTenants } from '@/lib/testing/isolation';
import { GET as getMember } from './[userId]/route';
import { GET as listMembers } from './route';

const test = useTestDatabase({ asAppDatabase: true });
let t: ApiTenants;
let keyA: string;
let membersA: MemberContext[];

beforeAll(async () => {
  t = await createApiTenants(test.db);
  keyA = t.keyA;
  const [admin, agent1, agent2] = [await addMember(test.db, t.a, 'admin'), await addMember(test.db, t.a, 'agent'), await addMember(test.db, t.a, 'agent')];
  await addMember(test.db, t.b, 'agent');
  // Fixed join times, the two agents in the same millisecond: the list is ordered by join
  // time, then user id.
  const joined = async (m: MemberContext, at: string) =>
    test.db.update(memberships).set({ createdAt: new Date(at) }).where(and(eq(memberships.tenantId, t.a.tenantId), eq(memberships.userId, m.userId)));
  await joined(t.a, '2026-01-01T00:00:00.000Z');
  await joined(admin, '2026-01-02T00:00:00.000Z');
  await joined(agent1, '2026-01-03T00:00:00.000Z');
  await joined(agent2, '2026-01-03T00:00:00.000Z');
  membersA = [t.a, admin, ...[agent1, agent2].sort((x, y) => (x.userId < y.userId ? -1 : 1))];
});

const list = (query = '', key = keyA) => callRoute(listMembers, { path: `/api/v1/members${query}`, key });
const one = (userId: string, key = keyA) => callRoute(getMember, { path: `/api/v1/members/${userId}`, key, params: { userId } });

describe('API authentication', () => {
  it('answers 401 problem+json without an API key', async () => {
    const res = await list('', '');

    const problem = await expectProblem(res, 401);
    expect(problem).toMatchObject({ type: 'urn:sembang:problem:unauthorized', title: 'Unauthorized', detail: expect.stringMatching(/Authorization: Bearer/), errors: [] });
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
  });

  it.each([
    ['an unknown key', { authorization: `Bearer sbg_${'x'.repeat(40)}` }],
    ['a malformed header', { authorization: 'Basic dXNlcjpwYXNz' }],
    ['an empty bearer', { authorization: 'Bearer ' }],
  ])('answers 401 for %s', async (_what, headers) => {
    await expectProblem(await callRoute(listMembers, { path: '/api/v1/members', headers }), 401);
  });

  it('answers 401 once the key is revoked', async () => {
    const { apiKey, secret } = await createApiKey(test.db, t.a, { name: 'Soon revoked' });
    expect((await list('', secret)).status).toBe(200);

    await revokeApiKey(test.db, t.a, apiKey.id);

    await expectProblem(await list('', secret), 401);
  });
});

describe('GET /api/v1/members', () => {
  it("lists only the key's tenant members", async () => {
    const res = await list();

    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: { userId: string; role: string; joinedAt: string }[]; nextCursor: string | null };
    expect(body.data.map((m) => m.userId)).toEqual(membersA.map((m) => m.userId));
    expect(body.data.map((m) => m.userId)).not.toContain(t.ownerB);
    expect(body.data[0]).toMatchObject({ role: 'owner', joinedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/) });
    expect(body.nextCursor).toBeNull();
  });

  it('walks every member one page at a time with limit=1, ties included', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < membersA.length + 2; pages++) {
      const res = await list(`?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      const body = (await res.json()) as { data: { userId: string }[]; nextCursor: string | null };
      expect(body.data.length).toBeLessThanOrEqual(1);
      seen.push(...body.data.map((m) => m.userId));
      cursor = body.nextCursor;
      if (!cursor) break;
    }

    expect(cursor).toBeNull();
    expect(seen).toEqual(membersA.map((m) => m.userId));
  });

  it('answers 422 for a bad limit or a cursor it did not issue', async () => {
    expect((await expectProblem(await list('?limit=0'), 422)).errors.map((e) => e.field)).toEqual(['limit']);
    expect((await expectProblem(await list('?cursor=forged'), 422)).errors).toEqual([{ field: 'cursor', message: 'The cursor is not one this API returned.' }]);
  });
});

describe('GET /api/v1/members/:userId', () => {
  it("answers one of the tenant's members", async () => {
    const member = membersA[1] as MemberContext;
    const res = await one(member.userId);

    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ userId: member.userId, role: 'admin' });
  });

  it.each([
    ["another tenant's member", () => t.ownerB],
    ['an unknown id', () => randomUUID()],
    ['a malformed id', () => 'not-a-uuid'],
    ['an injection attempt', () => "' OR 1=1 --"],
  ])('answers 404 for %s', async (_what, id) => {
    const problem = await expectProblem(await one(id()), 404);
    expect(problem.type).toBe('urn:sembang:problem:not_found');
  });
});
